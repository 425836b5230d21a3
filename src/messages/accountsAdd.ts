import { defineMessage } from './defineMessage';
import { readObject, readOptionalString } from './validation';

/** Derives the next HD account (m/44'/60'/0'/0/i); errors: LOCKED. */
export type AccountsAddInput = { name?: string };
export type AccountsAddOutput = { address: `0x${string}` };

export const accountsAdd = defineMessage<AccountsAddInput, AccountsAddOutput>()({
  type: 'accounts/add',
  validate: (input) => {
    const name = readOptionalString(readObject(input ?? {}), 'name', { maxLength: 64 });
    return name === undefined ? {} : { name };
  },
});
