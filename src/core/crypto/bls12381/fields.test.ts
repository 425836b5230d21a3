import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fp2, fp2Inv, fp2IsLarge, fp2Mul, fp2Sgn0, fp2Sqr, fp2Sqrt, fpInv, fpIsLarge, fpPow, fpSqrt, P } from './fields.js';

const fpElement = fc.bigInt({ min: 0n, max: P - 1n });
const fp2Element = fc.tuple(fpElement, fpElement).map(([a, b]) => fp2(a, b));
const Fp2 = bls12_381.fields.Fp2;

describe('Fp', () => {
  it('inverts and powers like modular arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: P - 1n }), fc.bigInt({ min: 0n, max: 1n << 400n }), (a, e) => {
        expect((a * fpInv(a)) % P).toBe(1n);
        expect(fpPow(a, e)).toBe(bls12_381.fields.Fp.pow(a, e));
      }),
      { numRuns: 50 },
    );
    expect(fpInv(0n)).toBe(0n);
  });

  it('finds square roots exactly for squares', () => {
    fc.assert(
      fc.property(fpElement, (a) => {
        const sq = (a * a) % P;
        const r = fpSqrt(sq);
        expect(r !== undefined && (r * r) % P === sq).toBe(true);
        // -1 is a non-residue (p ≡ 3 mod 4), so exactly one of ±a² has a root unless a = 0.
        if (a !== 0n) expect(fpSqrt(P - sq)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('orders like the ZCash sort flag', () => {
    expect(fpIsLarge(0n)).toBe(false);
    expect(fpIsLarge((P - 1n) / 2n)).toBe(false);
    expect(fpIsLarge((P + 1n) / 2n)).toBe(true);
  });
});

describe('Fp2', () => {
  it('multiplies, squares and inverts like noble', () => {
    fc.assert(
      fc.property(fp2Element, fp2Element, (a, b) => {
        expect(fp2Mul(a, b)).toEqual(Fp2.mul(a, b));
        expect(fp2Sqr(a)).toEqual(Fp2.sqr(a));
        if (a.c0 !== 0n || a.c1 !== 0n) expect(fp2Inv(a)).toEqual(Fp2.inv(a));
      }),
      { numRuns: 50 },
    );
  });

  it('finds a square root of every square and none of a non-square', () => {
    fc.assert(
      fc.property(fp2Element, fc.boolean(), (a, real) => {
        const x = real ? fp2(a.c0, 0n) : a; // the c1 = 0 branch has its own path
        const sq = fp2Sqr(x);
        const r = fp2Sqrt(sq);
        expect(r && fp2Sqr(r)).toEqual(sq);
        // ξ = 1 + u is a non-residue in Fp2, so ξ·a² has no root unless a = 0.
        if (x.c0 !== 0n || x.c1 !== 0n) expect(fp2Sqrt(fp2Mul(sq, fp2(1n, 1n)))).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('sgn0 and the ZCash order follow their definitions', () => {
    expect(fp2Sgn0(fp2(0n, 1n))).toBe(1);
    expect(fp2Sgn0(fp2(2n, 1n))).toBe(0);
    expect(fp2Sgn0(fp2(3n, 0n))).toBe(1);
    expect(fp2IsLarge(fp2(0n, P - 1n))).toBe(true);
    expect(fp2IsLarge(fp2(P - 1n, 1n))).toBe(false);
    expect(fp2IsLarge(fp2(P - 1n, 0n))).toBe(true);
  });
});
