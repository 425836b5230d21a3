// The base field Fp of BLS12-381 and its quadratic extension Fp2 = Fp[u]/(u² + 1).
// Elements are plain bigints in [0, p); Fp2 elements are small immutable objects.

import { invertMod } from '../modular.js';

export const P = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaabn;

/** Reduces any bigint (also negative, e.g. a difference of products) into [0, p). */
export const mod = (a: bigint): bigint => {
  const r = a % P;
  return r < 0n ? r + P : r;
};
export const fpAdd = (a: bigint, b: bigint): bigint => {
  const c = a + b;
  return c >= P ? c - P : c;
};
export const fpSub = (a: bigint, b: bigint): bigint => {
  const c = a - b;
  return c < 0n ? c + P : c;
};
export const fpNeg = (a: bigint): bigint => (a === 0n ? 0n : P - a);
export const fpMul = (a: bigint, b: bigint): bigint => (a * b) % P;

/** Inverse in Fp; 0 maps to 0. */
export const fpInv = (a: bigint): bigint => invertMod(a, P);

/** a^e with a fixed 4-bit window: the exponents used here are public constants. */
export function fpPow(a: bigint, e: bigint): bigint {
  const table = [1n, a];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * a) % P);
  let r = 1n;
  for (let shift = BigInt(Math.ceil(e.toString(2).length / 4) * 4 - 4); shift >= 0n; shift -= 4n) {
    r = (r * r) % P;
    r = (r * r) % P;
    r = (r * r) % P;
    r = (r * r) % P;
    const d = Number((e >> shift) & 15n);
    if (d !== 0) r = (r * table[d]!) % P;
  }
  return r;
}

const SQRT_EXP = (P + 1n) / 4n; // p ≡ 3 (mod 4): a^((p+1)/4) is a square root whenever one exists
const HALF_EXP = (P - 3n) / 4n; // a^((p-3)/4) gives both a root (a·t) and its inverse (t) in one power
const HALF_P1 = (P + 1n) / 2n; // 1/2 in Fp

/** Square root in Fp, or undefined when a is not a square. */
export function fpSqrt(a: bigint): bigint | undefined {
  const s = fpPow(a, SQRT_EXP);
  return (s * s) % P === a ? s : undefined;
}

/** The larger of y and p-y, as the ZCash "sort" flag defines it. */
export const fpIsLarge = (a: bigint): boolean => a > P - 1n - a;

export interface Fp2 {
  readonly c0: bigint;
  readonly c1: bigint;
}

export const fp2 = (c0: bigint, c1: bigint): Fp2 => ({ c0, c1 });
export const FP2_ZERO = fp2(0n, 0n);
export const FP2_ONE = fp2(1n, 0n);

export const fp2Add = (a: Fp2, b: Fp2): Fp2 => fp2(fpAdd(a.c0, b.c0), fpAdd(a.c1, b.c1));
export const fp2Sub = (a: Fp2, b: Fp2): Fp2 => fp2(fpSub(a.c0, b.c0), fpSub(a.c1, b.c1));
export const fp2Neg = (a: Fp2): Fp2 => fp2(fpNeg(a.c0), fpNeg(a.c1));
export const fp2Dbl = (a: Fp2): Fp2 => fp2Add(a, a);
export const fp2Conj = (a: Fp2): Fp2 => fp2(a.c0, fpNeg(a.c1));
export const fp2Eq = (a: Fp2, b: Fp2): boolean => a.c0 === b.c0 && a.c1 === b.c1;
export const fp2IsZero = (a: Fp2): boolean => a.c0 === 0n && a.c1 === 0n;
export const fp2MulFp = (a: Fp2, k: bigint): Fp2 => fp2((a.c0 * k) % P, (a.c1 * k) % P);

/** Karatsuba: three bigint products, two reductions. */
export function fp2Mul(a: Fp2, b: Fp2): Fp2 {
  const t0 = a.c0 * b.c0;
  const t1 = a.c1 * b.c1;
  return fp2(mod(t0 - t1), mod((a.c0 + a.c1) * (b.c0 + b.c1) - t0 - t1));
}

/** (a0 + a1·u)² = (a0 + a1)(a0 - a1) + 2·a0·a1·u. */
export function fp2Sqr(a: Fp2): Fp2 {
  return fp2(mod((a.c0 + a.c1) * (a.c0 - a.c1)), ((a.c0 * a.c1) << 1n) % P);
}

/** Multiplication by ξ = 1 + u, the non-residue that defines Fp6 (v³ = ξ) and the twist. */
export const fp2MulXi = (a: Fp2): Fp2 => fp2(fpSub(a.c0, a.c1), fpAdd(a.c0, a.c1));

/** 1/(a0 + a1·u) = (a0 - a1·u)/(a0² + a1²); 0 maps to 0. */
export function fp2Inv(a: Fp2): Fp2 {
  const n = fpInv((a.c0 * a.c0 + a.c1 * a.c1) % P);
  return fp2((a.c0 * n) % P, mod(-a.c1 * n));
}

export function fp2Pow(a: Fp2, e: bigint): Fp2 {
  let r = FP2_ONE;
  for (let i = e.toString(2).length - 1; i >= 0; i--) {
    r = fp2Sqr(r);
    if ((e >> BigInt(i)) & 1n) r = fp2Mul(r, a);
  }
  return r;
}

/**
 * Square root in Fp2 through the norm: with s = √(a0² + a1²) and α = (a0 + s)/2, one power
 * t = α^((p-3)/4) yields √α = α·t (or √-α = -α·t when α is not a square, since (p-3)/4 is even)
 * and 1/√α = t, so the root costs two Fp powers and no inversion. Undefined when a is not a square.
 */
export function fp2Sqrt(a: Fp2): Fp2 | undefined {
  let root: Fp2;
  if (a.c1 === 0n) {
    const r = fpSqrt(a.c0);
    root = r !== undefined ? fp2(r, 0n) : fp2(0n, fpSqrt(fpNeg(a.c0)) ?? 0n);
  } else {
    const s = fpSqrt((a.c0 * a.c0 + a.c1 * a.c1) % P);
    if (s === undefined) return undefined;
    const alpha = (((a.c0 + s) % P) * HALF_P1) % P; // (a0 + s)/2
    const t = fpPow(alpha, HALF_EXP);
    const x = (alpha * t) % P;
    const halfA1T = (((a.c1 * t) % P) * HALF_P1) % P; // a1·t/2 = a1/(2√α)
    root = (x * x) % P === alpha ? fp2(x, halfA1T) : fp2(halfA1T, fpNeg(x));
  }
  return fp2Eq(fp2Sqr(root), a) ? root : undefined;
}
/** sgn0 of RFC 9380 for m = 2: the parity of c0, or of c1 when c0 is zero. */
export const fp2Sgn0 = (a: Fp2): number => Number(a.c0 === 0n ? a.c1 & 1n : a.c0 & 1n);

/** ZCash lexicographic order on Fp2: compare c1 first, then c0. */
export const fp2IsLarge = (a: Fp2): boolean => (a.c1 !== 0n ? fpIsLarge(a.c1) : fpIsLarge(a.c0));
