import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fpSqrt } from './fields.js';
import { G1_GENERATOR, g1, g1InSubgroup } from './g1.js';
import { decodeG1, encodeG1, G1_ZERO, g1Add, g1IsZero, g1Negate } from './index.js';

const H1 = 0x396c8c005555e1568c00aaab0000aaabn; // #E(Fp) / r
const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
const scalar = fc.bigInt({ min: 1n, max: R - 1n });
const G = bls12_381.G1.Point.BASE;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
type NoblePoint = ReturnType<typeof G.multiply>;
/** noble refuses to serialize the identity; its ZCash encoding is 0xc0 then zeros. */
const nobleHex = (p: NoblePoint) => (p.is0() ? `c0${'00'.repeat(47)}` : hex(p.toBytes()));

describe('G1 group law', () => {
  it('sums like noble, commutes and associates', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (a, b, c) => {
        const [A, B, C] = [a, b, c].map((k) => G.multiply(k));
        const [pa, pb, pc] = [A!, B!, C!].map((p) => decodeG1(p.toBytes())) as [typeof G1_ZERO, typeof G1_ZERO, typeof G1_ZERO];
        const left = g1Add(g1Add(pa, pb), pc);
        const right = g1Add(pa, g1Add(pb, pc));
        expect(hex(encodeG1(left))).toBe(nobleHex(A!.add(B!).add(C!)));
        expect(hex(encodeG1(right))).toBe(hex(encodeG1(left)));
        expect(hex(encodeG1(g1Add(pb, pa)))).toBe(hex(encodeG1(g1Add(pa, pb))));
        expect(hex(encodeG1(g1Add(pa, g1Negate(pb))))).toBe(nobleHex(A!.subtract(B!)));
      }),
      { numRuns: 30 },
    );
  });

  it('sums to the identity and back like noble (a + b + c = 0 mod r, a = b)', () => {
    for (const [a, b, c] of [[1n, 1n, R - 2n], [1n, R - 1n, 1n], [5n, 5n, R - 10n], [R - 1n, R - 1n, 2n], [7n, 7n, 7n]] as const) {
      const [A, B, C] = [a, b, c].map((k) => G.multiply(k)) as [NoblePoint, NoblePoint, NoblePoint];
      const [pa, pb, pc] = [A, B, C].map((p) => decodeG1(p.toBytes())) as [typeof G1_ZERO, typeof G1_ZERO, typeof G1_ZERO];
      expect(hex(encodeG1(g1Add(g1Add(pa, pb), pc)))).toBe(nobleHex(A.add(B).add(C)));
      expect(hex(encodeG1(g1Add(pa, g1Add(pb, pc))))).toBe(nobleHex(A.add(B).add(C)));
      expect(hex(encodeG1(g1Add(pa, g1Negate(pb))))).toBe(nobleHex(A.subtract(B)));
    }
  });

  it('P + (-P) is zero, P + 0 is P, P + P doubles', () => {
    fc.assert(
      fc.property(scalar, (a) => {
        const p = decodeG1(G.multiply(a).toBytes());
        expect(g1IsZero(g1Add(p, g1Negate(p)))).toBe(true);
        expect(g1.eq(g1Add(p, G1_ZERO), p)).toBe(true);
        expect(g1.eq(g1Add(G1_ZERO, p), p)).toBe(true);
        expect(hex(encodeG1(g1Add(p, p)))).toBe(hex(G.multiply(a).double().toBytes()));
      }),
      { numRuns: 20 },
    );
  });

  it('the endomorphism subgroup test agrees with [r]P = O on subgroup points and on random curve points', () => {
    expect(g1InSubgroup(G1_GENERATOR)).toBe(true);
    expect(g1.isZero(g1.mul(G1_GENERATOR, R))).toBe(true);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 1n << 200n }), (x0) => {
        // The first x >= x0 with a point: almost surely outside G1, since the cofactor is large.
        for (let x = x0; ; x++) {
          const y = fpSqrt(g1.rhs(x));
          if (y === undefined) continue;
          const p = g1.fromAffine({ x, y });
          expect(g1InSubgroup(p)).toBe(g1.isZero(g1.mul(p, R)));
          const cleared = g1.mul(p, H1); // the cofactor multiple is always in G1
          expect(g1.isZero(g1.mul(cleared, R))).toBe(true);
          expect(g1InSubgroup(cleared)).toBe(true);
          return;
        }
      }),
      { numRuns: 20 },
    );
  });
});
