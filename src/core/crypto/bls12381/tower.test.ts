import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fp2, P } from './fields.js';
import {
  type Fp12,
  FP12_ONE,
  fp12Conj,
  fp12CyclotomicSqr,
  fp12Frobenius,
  fp12Inv,
  fp12Mul,
  fp12MulLine,
  fp12Sqr,
} from './tower.js';

const Fp12F = bls12_381.fields.Fp12;
const fpElement = fc.bigInt({ min: 0n, max: P - 1n });
const fp2Element = fc.tuple(fpElement, fpElement).map(([a, b]) => fp2(a, b));
const fp6Element = fc.tuple(fp2Element, fp2Element, fp2Element).map(([c0, c1, c2]) => ({ c0, c1, c2 }));
const fp12Element = fc.tuple(fp6Element, fp6Element).map(([c0, c1]): Fp12 => ({ c0, c1 }));

describe('Fp12 tower', () => {
  it('multiplies, squares, inverts and applies Frobenius like noble (same tower: v³ = 1 + u, w² = v)', () => {
    fc.assert(
      fc.property(fp12Element, fp12Element, (a, b) => {
        expect(fp12Mul(a, b)).toEqual(Fp12F.mul(a, b));
        expect(fp12Sqr(a)).toEqual(Fp12F.sqr(a));
        expect(fp12Inv(a)).toEqual(Fp12F.inv(a));
        expect(fp12Frobenius(a)).toEqual(Fp12F.frobeniusMap(a, 1));
        expect(fp12Mul(a, fp12Inv(a))).toEqual(FP12_ONE);
      }),
      { numRuns: 10 },
    );
  });

  it('multiplies by a sparse line like a full product', () => {
    fc.assert(
      fc.property(fp12Element, fp2Element, fp2Element, fp2Element, (f, a0, a1, b1) => {
        const z = fp2(0n, 0n);
        const line: Fp12 = { c0: { c0: a0, c1: a1, c2: z }, c1: { c0: z, c1: b1, c2: z } };
        expect(fp12MulLine(f, a0, a1, b1)).toEqual(fp12Mul(f, line));
      }),
      { numRuns: 20 },
    );
  });

  it('squares in the cyclotomic subgroup like a general squaring', () => {
    fc.assert(
      fc.property(fp12Element, (a) => {
        let m = fp12Mul(fp12Conj(a), fp12Inv(a)); // a^(p⁶ - 1)
        m = fp12Mul(fp12Frobenius(fp12Frobenius(m)), m); // ^(p² + 1): now in the cyclotomic subgroup
        expect(fp12CyclotomicSqr(m)).toEqual(fp12Sqr(m));
      }),
      { numRuns: 10 },
    );
  });
});
