import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fp2, fp2Sqrt, P } from './fields.js';
import { G2_GENERATOR, g2, g2ClearCofactor, g2InSubgroup, g2MulX, psi } from './g2.js';

const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
// h_eff of RFC 9380 §8.8.2 for BLS12-381 G2.
const H_EFF =
  0xbc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551n;
const fpElement = fc.bigInt({ min: 0n, max: P - 1n });

/** The first point on the twist with x = (c0 + k, c1), k = 0, 1, …: almost surely outside G2. */
function twistPoint(c0: bigint, c1: bigint) {
  for (let k = 0n; ; k++) {
    const x = fp2((c0 + k) % P, c1);
    const y = fp2Sqrt(g2.rhs(x));
    if (y !== undefined) return g2.fromAffine({ x, y });
  }
}

describe('G2', () => {
  it('the ψ subgroup test agrees with [r]P = O, on twist points and on their cleared multiples', () => {
    expect(g2InSubgroup(G2_GENERATOR)).toBe(true);
    fc.assert(
      fc.property(fpElement, fpElement, (c0, c1) => {
        const p = twistPoint(c0, c1);
        expect(g2InSubgroup(p)).toBe(g2.isZero(g2.mul(p, R)));
        const cleared = g2ClearCofactor(p);
        expect(g2.isZero(g2.mul(cleared, R))).toBe(true);
        expect(g2InSubgroup(cleared)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('clears the cofactor as multiplication by h_eff', () => {
    fc.assert(
      fc.property(fpElement, fpElement, (c0, c1) => {
        const p = twistPoint(c0, c1);
        expect(g2.eq(g2ClearCofactor(p), g2.mul(p, H_EFF))).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('ψ acts on G2 as [x] and satisfies ψ² - [t]ψ + [p] = 0 on the twist', () => {
    const q = g2.mul(G2_GENERATOR, 0x1234567n);
    expect(g2.eq(psi(q), g2MulX(q))).toBe(true);
    // The trace of Frobenius is t = x + 1, so ψ²(P) - [x + 1]ψ(P) + [p]P = O for every point of E'(Fp2).
    const p = twistPoint(5n, 7n);
    const t = -0xd201000000010000n + 1n;
    const lhs = g2.add(g2.add(psi(psi(p)), g2.mul(psi(p), -t)), g2.mul(p, P));
    expect(g2.isZero(lhs)).toBe(true);
  });

  it('matches noble on G2 sums of multiples of the generator', () => {
    const G = bls12_381.G2.Point.BASE;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: R - 1n }), fc.bigInt({ min: 1n, max: R - 1n }), (a, b) => {
        const ours = g2.toAffine(g2.add(g2.mul(G2_GENERATOR, a), g2.mul(G2_GENERATOR, b)));
        const noble = G.multiply(a).add(G.multiply(b)).toAffine();
        expect([ours.x.c0, ours.x.c1, ours.y.c0, ours.y.c1]).toEqual([noble.x.c0, noble.x.c1, noble.y.c0, noble.y.c1]);
      }),
      { numRuns: 5 },
    );
  });
});
