import { secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverSecp256k1PublicKey, SECP256K1_N } from './secp256k1.js';

const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

function signed(secret: Uint8Array, digest: Uint8Array) {
  const sig = secp256k1.sign(digest, secret, { prehash: false, format: 'recovered' });
  return { recovery: sig[0]!, r: toBig(sig.subarray(1, 33)), s: toBig(sig.subarray(33, 65)), publicKey: secp256k1.getPublicKey(secret, false).subarray(1) };
}

const key = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => toBig(k) > 0n && toBig(k) < SECP256K1_N);
const digest = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('recoverSecp256k1PublicKey', () => {
  it('recovers the key @noble/curves signed with, for random keys and digests', () => {
    fc.assert(
      fc.property(key, digest, (secret, d) => {
        const { recovery, r, s, publicKey } = signed(secret, d);
        expect(recoverSecp256k1PublicKey(d, r, s, recovery)).toEqual(publicKey);
        // The high-s twin recovers the same key with the other parity (the caller refuses it by rule).
        expect(recoverSecp256k1PublicKey(d, r, SECP256K1_N - s, 1 - recovery)).toEqual(publicKey);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with @noble/curves on arbitrary (r, s, v), including ones that recover nobody', () => {
    fc.assert(
      fc.property(digest, fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.integer({ min: 0, max: 1 }), (d, r, s, v) => {
        let expected: Uint8Array | null = null;
        try {
          expected = new secp256k1.Signature(r, s, v).recoverPublicKey(d).toBytes(false).subarray(1);
        } catch {
          expected = null;
        }
        expect(recoverSecp256k1PublicKey(d, r, s, v)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('returns null for r or s out of range, a bad recovery bit or digest, and an r off the curve', () => {
    const d = new Uint8Array(32).fill(9);
    const { recovery, r, s } = signed(new Uint8Array(32).fill(1), d);
    expect(recoverSecp256k1PublicKey(d, 0n, s, recovery)).toBeNull();
    expect(recoverSecp256k1PublicKey(d, r, 0n, recovery)).toBeNull();
    expect(recoverSecp256k1PublicKey(d, SECP256K1_N, s, recovery)).toBeNull();
    expect(recoverSecp256k1PublicKey(d, r, SECP256K1_N + s, recovery)).toBeNull();
    expect(recoverSecp256k1PublicKey(d, r, s, 2)).toBeNull();
    expect(recoverSecp256k1PublicKey(d.subarray(1), r, s, recovery)).toBeNull();
    // x = 5: 5³ + 7 = 132 is not a square mod p.
    expect(recoverSecp256k1PublicKey(d, 5n, s, 0)).toBeNull();
  });
});
