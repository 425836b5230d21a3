import { defineMessage } from './defineMessage';
import { readObject, readOptionalString, readString } from './validation';

/** Adds an imported-key account to an unlocked vault; errors: LOCKED, INVALID_PRIVATE_KEY, DUPLICATE_ACCOUNT. */
export type VaultImportPrivateKeyInput = { privateKey: string; name?: string };
export type VaultImportPrivateKeyOutput = { address: `0x${string}` };

export const vaultImportPrivateKey = defineMessage<VaultImportPrivateKeyInput, VaultImportPrivateKeyOutput>()({
  type: 'vault/importPrivateKey',
  validate: (input) => {
    const obj = readObject(input);
    const name = readOptionalString(obj, 'name', { maxLength: 64 });
    return { privateKey: readString(obj, 'privateKey', { maxLength: 130 }), ...(name === undefined ? {} : { name }) };
  },
});
