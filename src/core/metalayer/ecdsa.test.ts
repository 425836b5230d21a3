import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hashMessage, numberToHex, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { eip191Digest, guardianEcdsaDigest, recoverEcdsaSigner } from './ecdsa.js';
import { MetalayerFormatError } from './errors.js';
import { ecdsaSignDigest, guardianEcdsaSign } from './ecdsaSign.js';

const key: Hex = `0x${'42'.repeat(32)}`;
const account = privateKeyToAccount(key);
const root: Hex = `0x${'ab'.repeat(32)}`;

describe('guardian ECDSA (EIP-191 over the 32-byte root)', () => {
  it('equals viem signMessage({ raw }) and recovers to the signer', async () => {
    const sig = guardianEcdsaSign(root, key);
    expect(sig).toBe(await account.signMessage({ message: { raw: root } }));
    expect(recoverEcdsaSigner(guardianEcdsaDigest(root), sig)).toBe(account.address);
  });

  it('EIP-191 digests exactly 32 bytes and refuses anything else', () => {
    expect(eip191Digest(root)).toBe(hashMessage({ raw: root }));
    for (const bad of ['0x', `0x${'ab'.repeat(31)}`, `0x${'ab'.repeat(33)}`, `0x${'zz'.repeat(32)}`] as Hex[]) expect(() => eip191Digest(bad)).toThrow(MetalayerFormatError);
  });

  it('refuses what OpenZeppelin ECDSA.recover refuses: high s, v not 27/28, bad length', () => {
    const digest = guardianEcdsaDigest(root);
    const sig = ecdsaSignDigest(digest, key);
    const n = secp256k1.Point.CURVE().n;
    const s = BigInt(`0x${sig.slice(66, 130)}`);
    const v = parseInt(sig.slice(130), 16);
    // (r, n - s, flipped v) is the same signature in high-s form: ecrecover accepts it, OZ does not.
    const high = `${sig.slice(0, 66)}${numberToHex(n - s, { size: 32 }).slice(2)}${(v === 27 ? 28 : 27).toString(16)}` as Hex;
    expect(recoverEcdsaSigner(digest, high)).toBeNull();
    expect(recoverEcdsaSigner(digest, `${sig.slice(0, 130)}${(v - 27).toString(16).padStart(2, '0')}` as Hex)).toBeNull();
    expect(recoverEcdsaSigner(digest, sig.slice(0, 128) as Hex)).toBeNull();
    expect(recoverEcdsaSigner(digest, `0x${'00'.repeat(65)}`)).toBeNull();
  });
});
