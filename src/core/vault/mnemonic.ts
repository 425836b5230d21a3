import { generateMnemonic as bip39Generate, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { InvalidMnemonicError } from './errors';

const VALID_COUNTS = [12, 15, 18, 21, 24] as const;
const WORDS = new Set(wordlist);

/** A new BIP-39 English mnemonic from the platform CSPRNG (128 bits for 12 words, 256 for 24). */
export function generateMnemonic(words: 12 | 24 = 12): string {
  return bip39Generate(wordlist, words === 24 ? 256 : 128);
}

/** Normalizes spacing/case, then checks word count, each word, and the checksum — naming the problem. */
export function parseMnemonic(input: string): string {
  const words = input.normalize('NFKD').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!(VALID_COUNTS as readonly number[]).includes(words.length)) {
    throw new InvalidMnemonicError(
      'word_count',
      `Recovery phrase has ${words.length} words; expected 12, 15, 18, 21 or 24`,
      { count: words.length },
    );
  }
  const unknown = words.findIndex((w) => !WORDS.has(w));
  if (unknown !== -1) {
    throw new InvalidMnemonicError(
      'unknown_word',
      `Word ${unknown + 1} ("${words[unknown]}") is not in the BIP-39 English word list`,
      { word: words[unknown], position: unknown + 1 },
    );
  }
  const phrase = words.join(' ');
  if (!validateMnemonic(phrase, wordlist)) {
    throw new InvalidMnemonicError('checksum', 'Recovery phrase checksum is wrong (a word is mistyped or out of order)');
  }
  return phrase;
}
