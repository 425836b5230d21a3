import { defineMessage } from './defineMessage';
import { readObject, readString } from './validation';

/** Re-checks the password even when unlocked; errors: WRONG_PASSWORD (+ retryAfterMs). */
export type VaultRevealMnemonicInput = { password: string };
export type VaultRevealMnemonicOutput = { mnemonic: string };

export const vaultRevealMnemonic = defineMessage<VaultRevealMnemonicInput, VaultRevealMnemonicOutput>()({
  type: 'vault/revealMnemonic',
  validate: (input) => ({ password: readString(readObject(input), 'password', { maxLength: 1024 }) }),
});
