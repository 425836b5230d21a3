import { defineMessage } from './defineMessage';
import { readAddress, readObject, readString } from './validation';

/** Errors: LOCKED, UNKNOWN_ACCOUNT, INVALID_INPUT (empty name). */
export type AccountsRenameInput = { address: `0x${string}`; name: string };

export const accountsRename = defineMessage<AccountsRenameInput, null>()({
  type: 'accounts/rename',
  validate: (input) => {
    const obj = readObject(input);
    return { address: readAddress(obj, 'address'), name: readString(obj, 'name', { minLength: 1, maxLength: 64 }).trim() };
  },
});
