import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G1_GENERATOR, g1 } from './g1.js';
import { G2_GENERATOR, g2 } from './g2.js';
import { decodeG1, decodeG2, encodeG1, encodeG2, G1_ZERO, g1Add, g1Negate, hashToG2, verifySignature } from './index.js';
import { finalExponentiation, millerLoop } from './pairing.js';
import { fp12Eq, fp12Mul } from './tower.js';

const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const bls = bls12_381.longSignatures;
const be32 = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
const secretKey = fc.bigInt({ min: 1n, max: R - 1n });
const message = fc.uint8Array({ minLength: 32, maxLength: 32 });
const pairing = (p: typeof G1_ZERO, q: typeof G2_GENERATOR) => finalExponentiation(millerLoop([[p, q]]));

/** Our verdict and noble's on the same encoded key, message and signature. */
function both(pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): [boolean, boolean] {
  const ours = verifySignature(decodeG1(pk), hashToG2(msg, DST), decodeG2(sig));
  const noble = bls.verify(bls.Signature.fromBytes(sig), bls.hash(msg, DST), bls12_381.G1.Point.fromBytes(pk));
  return [ours, noble];
}

describe('pairing', () => {
  it('equals noble pairing values', () => {
    fc.assert(
      fc.property(secretKey, secretKey, (a, b) => {
        const P = bls12_381.G1.Point.BASE.multiply(a);
        const Q = bls12_381.G2.Point.BASE.multiply(b);
        const ours = pairing(decodeG1(P.toBytes()), decodeG2(Q.toBytes()));
        expect(ours).toEqual(bls12_381.pairing(P, Q));
      }),
      { numRuns: 5 },
    );
  });

  it('is bilinear and non-degenerate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 1n << 64n }), fc.bigInt({ min: 2n, max: 1n << 64n }), (a, b) => {
        const e = pairing(G1_GENERATOR, G2_GENERATOR);
        const eab = pairing(g1.mul(G1_GENERATOR, a), g2.mul(G2_GENERATOR, b));
        expect(fp12Eq(eab, pairing(g1.mul(G1_GENERATOR, a * b), G2_GENERATOR))).toBe(true);
        expect(fp12Eq(eab, pairing(G1_GENERATOR, g2.mul(G2_GENERATOR, a * b)))).toBe(true);
        expect(fp12Eq(pairing(g1.mul(G1_GENERATOR, a + 1n), G2_GENERATOR), fp12Mul(pairing(g1.mul(G1_GENERATOR, a), G2_GENERATOR), e))).toBe(true);
        expect(fp12Eq(eab, e)).toBe(false);
      }),
      { numRuns: 3 },
    );
  });
});

describe('verifySignature', () => {
  it('agrees with noble on valid signatures, another message and a wrong key', () => {
    fc.assert(
      fc.property(secretKey, secretKey, message, message, (sk, other, msg, msg2) => {
        fc.pre(sk !== other && Buffer.compare(msg, msg2) !== 0);
        const pk = bls.getPublicKey(be32(sk)).toBytes();
        const wrongPk = bls.getPublicKey(be32(other)).toBytes();
        const sig = bls.sign(bls.hash(msg, DST), be32(sk)).toBytes();
        expect(both(pk, msg, sig)).toEqual([true, true]);
        expect(both(pk, msg2, sig)).toEqual([false, false]);
        expect(both(wrongPk, msg, sig)).toEqual([false, false]);
      }),
      { numRuns: 20 },
    );
  });

  it('agrees with noble on aggregates of several keys and signatures', () => {
    fc.assert(
      fc.property(fc.array(secretKey, { minLength: 2, maxLength: 6 }), message, fc.nat(), (sks, msg, drop) => {
        // Keys that sum to the identity (with or without the dropped one) are refused elsewhere; noble cannot encode it.
        const total = sks.reduce((s, k) => s + k, 0n);
        fc.pre(total % R !== 0n && (total - sks[drop % sks.length]!) % R !== 0n);
        const keys = sks.map((sk) => bls.getPublicKey(be32(sk)));
        const sigs = sks.map((sk) => bls.sign(bls.hash(msg, DST), be32(sk)));
        const aggSig = bls.aggregateSignatures(sigs).toBytes();
        const ours = keys.reduce((sum, k) => g1Add(sum, decodeG1(k.toBytes())), G1_ZERO);
        const noble = bls.aggregatePublicKeys(keys);
        expect(encodeG1(ours)).toEqual(noble.toBytes());
        const H = hashToG2(msg, DST);
        expect(verifySignature(ours, H, decodeG2(aggSig))).toBe(true);
        // One signer missing: the key sum no longer matches the signature sum.
        const missing = g1Add(ours, g1Negate(decodeG1(keys[drop % keys.length]!.toBytes())));
        const nobleMissing = noble.subtract(keys[drop % keys.length]!);
        const expected = bls.verify(bls.Signature.fromBytes(aggSig), bls.hash(msg, DST), nobleMissing);
        expect(verifySignature(missing, H, decodeG2(aggSig))).toBe(expected);
        expect(expected).toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it('returns false for an infinity key or signature', () => {
    const msg = new Uint8Array(32).fill(7);
    const sig = bls.sign(bls.hash(msg, DST), be32(5n)).toBytes();
    const pk = decodeG1(bls.getPublicKey(be32(5n)).toBytes());
    const inf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0xc0 : 0));
    expect(verifySignature(pk, hashToG2(msg, DST), decodeG2(sig))).toBe(true);
    expect(verifySignature(decodeG1(inf(48)), hashToG2(msg, DST), decodeG2(sig))).toBe(false);
    expect(verifySignature(pk, hashToG2(msg, DST), decodeG2(inf(96)))).toBe(false);
    expect(verifySignature(decodeG1(inf(48)), hashToG2(msg, DST), decodeG2(inf(96)))).toBe(false);
    expect(verifySignature(pk, g2.zero, decodeG2(sig))).toBe(false);
  });

  it('refuses every single-bit change of a valid signature or key', () => {
    const msg = new Uint8Array(32).fill(9);
    const sk = 0x1234567890abcdefn;
    const pk = bls.getPublicKey(be32(sk)).toBytes();
    const sig = bls.sign(bls.hash(msg, DST), be32(sk)).toBytes();
    const H = hashToG2(msg, DST);
    const accepts = (pkBytes: Uint8Array, sigBytes: Uint8Array) => {
      try {
        return verifySignature(decodeG1(pkBytes), H, decodeG2(sigBytes));
      } catch {
        return false;
      }
    };
    expect(accepts(pk, sig)).toBe(true);
    const flips = (bytes: Uint8Array) =>
      Array.from({ length: bytes.length * 8 }, (_, bit) => {
        const bad = Uint8Array.from(bytes);
        bad[bit >> 3]! ^= 1 << (bit & 7);
        return bad;
      });
    flips(sig).forEach((bad, bit) => expect(accepts(pk, bad), `signature bit ${bit}`).toBe(false));
    flips(pk).forEach((bad, bit) => expect(accepts(bad, sig), `key bit ${bit}`).toBe(false));
  });

  it('refuses the negated signature (sort flag flipped) and the negated key', () => {
    const msg = new Uint8Array(32).fill(3);
    const pk = decodeG1(bls.getPublicKey(be32(77n)).toBytes());
    const sig = decodeG2(bls.sign(bls.hash(msg, DST), be32(77n)).toBytes());
    const H = hashToG2(msg, DST);
    expect(verifySignature(pk, H, g2.negate(sig))).toBe(false);
    expect(verifySignature(g1Negate(pk), H, sig)).toBe(false);
    expect(verifySignature(g1Negate(pk), H, g2.negate(sig))).toBe(true); // e(-pk, H) = e(g1, -sig): the algebra, not a bug
    expect(encodeG2(g2.negate(sig))[0]! ^ encodeG2(sig)[0]!).toBe(0x20);
  });
});
