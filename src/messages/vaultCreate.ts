import { defineMessage } from './defineMessage';
import { readObject, readString } from './validation';

/** Creates the vault from a new or imported mnemonic; errors: WEAK_PASSWORD, INVALID_MNEMONIC, ALREADY_INITIALIZED. */
export type VaultCreateInput = { mnemonic: string; password: string };
export type VaultCreateOutput = { address: `0x${string}` };

export const vaultCreate = defineMessage<VaultCreateInput, VaultCreateOutput>()({
  type: 'vault/create',
  validate: (input) => {
    const obj = readObject(input);
    return { mnemonic: readString(obj, 'mnemonic', { maxLength: 1024 }), password: readString(obj, 'password', { maxLength: 1024 }) };
  },
});
