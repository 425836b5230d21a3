import { defineMessage } from './defineMessage';
import { readAddress, readObject } from './validation';

/** Errors: LOCKED, UNKNOWN_ACCOUNT. Connected sites that were granted this account get accountsChanged. */
export type AccountsSelectInput = { address: `0x${string}` };

export const accountsSelect = defineMessage<AccountsSelectInput, null>()({
  type: 'accounts/select',
  validate: (input) => ({ address: readAddress(readObject(input), 'address') }),
});
