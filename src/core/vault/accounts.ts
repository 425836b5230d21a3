import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { bytesToHex, type Address, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { InvalidPrivateKeyError } from './errors';

/** BIP-44 Ethereum path for account `index`, as MetaMask and anvil derive it. */
export const hdPath = (index: number) => `m/44'/60'/0'/0/${index}` as const;

export type DerivedAccount = { address: Address; privateKey: Hex };

/** Derives the key at m/44'/60'/0'/0/index. The mnemonic must already be parsed (parseMnemonic). */
export function deriveHdAccount(mnemonic: string, index: number): DerivedAccount {
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** 31) throw new RangeError(`bad HD index ${index}`);
  const seed = mnemonicToSeedSync(mnemonic);
  try {
    const key = HDKey.fromMasterSeed(seed).derive(hdPath(index));
    if (!key.privateKey) throw new Error('derivation gave no private key');
    const privateKey = bytesToHex(key.privateKey);
    key.wipePrivateData();
    return { address: privateKeyToAddress(privateKey), privateKey };
  } finally {
    seed.fill(0);
  }
}

/** Accepts 64 hex chars with or without 0x; refuses 0 and values ≥ the curve order. */
export function parsePrivateKey(input: string): Hex {
  const hex = input.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new InvalidPrivateKeyError('Private key must be 32 bytes of hex (64 characters)', {
      details: { length: hex.length },
    });
  }
  const n = BigInt('0x' + hex);
  if (n === 0n || n >= secp256k1.Point.CURVE().n) {
    throw new InvalidPrivateKeyError('Private key is outside the secp256k1 range');
  }
  return `0x${hex.toLowerCase()}`;
}
