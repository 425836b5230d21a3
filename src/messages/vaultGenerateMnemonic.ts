import { defineMessage } from './defineMessage';
import { MessageError } from './MessageError';
import { readObject } from './validation';

export type VaultGenerateMnemonicInput = { words: 12 | 24 };
export type VaultGenerateMnemonicOutput = { mnemonic: string };

export const vaultGenerateMnemonic = defineMessage<VaultGenerateMnemonicInput, VaultGenerateMnemonicOutput>()({
  type: 'vault/generateMnemonic',
  validate: (input) => {
    const { words } = readObject(input);
    if (words !== 12 && words !== 24) {
      throw new MessageError('INVALID_INPUT', 'words must be 12 or 24', { details: { field: 'words' } });
    }
    return { words };
  },
});
