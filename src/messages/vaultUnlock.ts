import { defineMessage } from './defineMessage';
import { readObject, readString } from './validation';

/** Errors: WRONG_PASSWORD (with retryAfterMs: the delay grows with repeated failures), NOT_INITIALIZED. */
export type VaultUnlockInput = { password: string };

export const vaultUnlock = defineMessage<VaultUnlockInput, null>()({
  type: 'vault/unlock',
  validate: (input) => ({ password: readString(readObject(input), 'password', { maxLength: 1024 }) }),
});
