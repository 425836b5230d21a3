// The pairing target tower: Fp6 = Fp2[v]/(v³ - ξ) and Fp12 = Fp6[w]/(w² - v), ξ = 1 + u.
import {
  FP2_ONE,
  FP2_ZERO,
  type Fp2,
  fp2Add,
  fp2Conj,
  fp2Dbl,
  fp2Eq,
  fp2Inv,
  fp2Mul,
  fp2MulXi,
  fp2Neg,
  fp2Pow,
  fp2Sqr,
  fp2Sub,
  fp2,
  mod,
  P,
} from './fields.js';

export interface Fp6 {
  readonly c0: Fp2;
  readonly c1: Fp2;
  readonly c2: Fp2;
}
export interface Fp12 {
  readonly c0: Fp6;
  readonly c1: Fp6;
}

const fp6 = (c0: Fp2, c1: Fp2, c2: Fp2): Fp6 => ({ c0, c1, c2 });
const FP6_ZERO = fp6(FP2_ZERO, FP2_ZERO, FP2_ZERO);
const FP6_ONE = fp6(FP2_ONE, FP2_ZERO, FP2_ZERO);
export const FP12_ONE: Fp12 = { c0: FP6_ONE, c1: FP6_ZERO };

const fp6Add = (a: Fp6, b: Fp6): Fp6 => fp6(fp2Add(a.c0, b.c0), fp2Add(a.c1, b.c1), fp2Add(a.c2, b.c2));
const fp6Sub = (a: Fp6, b: Fp6): Fp6 => fp6(fp2Sub(a.c0, b.c0), fp2Sub(a.c1, b.c1), fp2Sub(a.c2, b.c2));
const fp6Neg = (a: Fp6): Fp6 => fp6(fp2Neg(a.c0), fp2Neg(a.c1), fp2Neg(a.c2));
/** a·v: the coefficients rotate and the one that wraps past v³ picks up ξ. */
const fp6MulV = (a: Fp6): Fp6 => fp6(fp2MulXi(a.c2), a.c0, a.c1);
const fp6Eq = (a: Fp6, b: Fp6): boolean => fp2Eq(a.c0, b.c0) && fp2Eq(a.c1, b.c1) && fp2Eq(a.c2, b.c2);

/**
 * Karatsuba over Fp2 (six Fp2 products instead of nine) with lazy reduction: every Fp2 product
 * stays an unreduced bigint pair until the six output coordinates are reduced once each.
 */
function fp6Mul(a: Fp6, b: Fp6): Fp6 {
  const [a0, a1, a2, b0, b1, b2] = [a.c0, a.c1, a.c2, b.c0, b.c1, b.c2];
  // t_i = a_i·b_i as (re, im) with (x + yu)(z + wu) = (xz - yw) + ((x + y)(z + w) - xz - yw)u
  const x00 = a0.c0 * b0.c0, y00 = a0.c1 * b0.c1, t0r = x00 - y00, t0i = (a0.c0 + a0.c1) * (b0.c0 + b0.c1) - x00 - y00;
  const x11 = a1.c0 * b1.c0, y11 = a1.c1 * b1.c1, t1r = x11 - y11, t1i = (a1.c0 + a1.c1) * (b1.c0 + b1.c1) - x11 - y11;
  const x22 = a2.c0 * b2.c0, y22 = a2.c1 * b2.c1, t2r = x22 - y22, t2i = (a2.c0 + a2.c1) * (b2.c0 + b2.c1) - x22 - y22;
  const [u12r, u12i] = lazyMul(a1.c0 + a2.c0, a1.c1 + a2.c1, b1.c0 + b2.c0, b1.c1 + b2.c1);
  const [u01r, u01i] = lazyMul(a0.c0 + a1.c0, a0.c1 + a1.c1, b0.c0 + b1.c0, b0.c1 + b1.c1);
  const [u02r, u02i] = lazyMul(a0.c0 + a2.c0, a0.c1 + a2.c1, b0.c0 + b2.c0, b0.c1 + b2.c1);
  const sr = u12r - t1r - t2r; // ξ·(u12 - t1 - t2) = (sr - si) + (sr + si)u
  const si = u12i - t1i - t2i;
  return fp6(
    fp2(mod(t0r + sr - si), mod(t0i + sr + si)),
    fp2(mod(u01r - t0r - t1r + t2r - t2i), mod(u01i - t0i - t1i + t2r + t2i)),
    fp2(mod(u02r - t0r - t2r + t1r), mod(u02i - t0i - t2i + t1i)),
  );
}

/** Unreduced (x + yu)(z + wu) as a (re, im) bigint pair. */
function lazyMul(x: bigint, y: bigint, z: bigint, w: bigint): [bigint, bigint] {
  const xz = x * z;
  const yw = y * w;
  return [xz - yw, (x + y) * (z + w) - xz - yw];
}

/** Chung–Hasan SQR2: two squarings and three products. */
function fp6Sqr(a: Fp6): Fp6 {
  const s0 = fp2Sqr(a.c0);
  const ab = fp2Mul(a.c0, a.c1);
  const s1 = fp2Dbl(ab);
  const s2 = fp2Sqr(fp2Add(fp2Sub(a.c0, a.c1), a.c2));
  const bc = fp2Mul(a.c1, a.c2);
  const s3 = fp2Dbl(bc);
  const s4 = fp2Sqr(a.c2);
  return fp6(
    fp2Add(s0, fp2MulXi(s3)),
    fp2Add(s1, fp2MulXi(s4)),
    fp2Sub(fp2Add(fp2Add(s1, s2), s3), fp2Add(s0, s4)),
  );
}

function fp6Inv(a: Fp6): Fp6 {
  const t0 = fp2Sub(fp2Sqr(a.c0), fp2MulXi(fp2Mul(a.c1, a.c2)));
  const t1 = fp2Sub(fp2MulXi(fp2Sqr(a.c2)), fp2Mul(a.c0, a.c1));
  const t2 = fp2Sub(fp2Sqr(a.c1), fp2Mul(a.c0, a.c2));
  const d = fp2Inv(fp2Add(fp2Mul(a.c0, t0), fp2MulXi(fp2Add(fp2Mul(a.c2, t1), fp2Mul(a.c1, t2)))));
  return fp6(fp2Mul(t0, d), fp2Mul(t1, d), fp2Mul(t2, d));
}

export function fp12Mul(a: Fp12, b: Fp12): Fp12 {
  const t0 = fp6Mul(a.c0, b.c0);
  const t1 = fp6Mul(a.c1, b.c1);
  return { c0: fp6Add(t0, fp6MulV(t1)), c1: fp6Sub(fp6Mul(fp6Add(a.c0, a.c1), fp6Add(b.c0, b.c1)), fp6Add(t0, t1)) };
}

/** Complex squaring: (g + h·w)² = (g + h)(g + v·h) - gh - v·gh + 2gh·w. */
export function fp12Sqr(a: Fp12): Fp12 {
  const gh = fp6Mul(a.c0, a.c1);
  const c0 = fp6Sub(fp6Mul(fp6Add(a.c0, a.c1), fp6Add(a.c0, fp6MulV(a.c1))), fp6Add(gh, fp6MulV(gh)));
  return { c0, c1: fp6Add(gh, gh) };
}

/** The p⁶-Frobenius; on the cyclotomic subgroup it is the inverse. */
export const fp12Conj = (a: Fp12): Fp12 => ({ c0: a.c0, c1: fp6Neg(a.c1) });

export function fp12Inv(a: Fp12): Fp12 {
  const d = fp6Inv(fp6Sub(fp6Sqr(a.c0), fp6MulV(fp6Sqr(a.c1))));
  return { c0: fp6Mul(a.c0, d), c1: fp6Neg(fp6Mul(a.c1, d)) };
}

export const fp12Eq = (a: Fp12, b: Fp12): boolean => fp6Eq(a.c0, b.c0) && fp6Eq(a.c1, b.c1);

/** x·(a0 + a1·v) in Fp6, Karatsuba on the two non-zero slots: 5 Fp2 products instead of 6. */
function fp6MulBy01(x: Fp6, a0: Fp2, a1: Fp2): Fp6 {
  const t0 = fp2Mul(x.c0, a0);
  const t1 = fp2Mul(x.c1, a1);
  return fp6(
    fp2Add(t0, fp2MulXi(fp2Mul(x.c2, a1))),
    fp2Sub(fp2Mul(fp2Add(x.c0, x.c1), fp2Add(a0, a1)), fp2Add(t0, t1)),
    fp2Add(t1, fp2Mul(x.c2, a0)),
  );
}

/**
 * Multiplication by a line l = a0 + a1·v + b1·v·w (the only non-zero slots of a line evaluated
 * on the M-twist): 13 Fp2 products instead of 18.
 */
export function fp12MulLine(f: Fp12, a0: Fp2, a1: Fp2, b1: Fp2): Fp12 {
  const g = f.c0;
  const h = f.c1;
  const A = fp6MulBy01(g, a0, a1);
  // B = h·(b1·v)
  const B = fp6(fp2MulXi(fp2Mul(h.c2, b1)), fp2Mul(h.c0, b1), fp2Mul(h.c1, b1));
  // C = (g + h)·(a0 + (a1 + b1)·v)
  const C = fp6MulBy01(fp6Add(g, h), a0, fp2Add(a1, b1));
  return { c0: fp6Add(A, fp6MulV(B)), c1: fp6Sub(C, fp6Add(A, B)) };
}

/** γ_k = ξ^(k(p-1)/6), k = 1..5: w^p = γ_1·w. Computed once, on first use, to keep module load cheap. */
let gammas: Fp2[] | undefined;
export function frobeniusGammas(): Fp2[] {
  if (gammas === undefined) {
    const g1 = fp2Pow(fp2(1n, 1n), (P - 1n) / 6n);
    gammas = [FP2_ONE, g1];
    for (let k = 2; k < 6; k++) gammas.push(fp2Mul(gammas[k - 1]!, g1));
  }
  return gammas;
}

/** f^p: conjugate every Fp2 coefficient of v^i·w^j = w^(2i+j) and scale it by γ_(2i+j). */
export function fp12Frobenius(a: Fp12): Fp12 {
  const y = frobeniusGammas();
  const g = a.c0;
  const h = a.c1;
  return {
    c0: fp6(fp2Conj(g.c0), fp2Mul(fp2Conj(g.c1), y[2]!), fp2Mul(fp2Conj(g.c2), y[4]!)),
    c1: fp6(fp2Mul(fp2Conj(h.c0), y[1]!), fp2Mul(fp2Conj(h.c1), y[3]!), fp2Mul(fp2Conj(h.c2), y[5]!)),
  };
}

/** (a + b·t)² in Fp4 = Fp2[t]/(t² - ξ) as unreduced (re, im) of a² + ξb² and of 2ab. */
function fp4SqrLazy(a: Fp2, b: Fp2): [bigint, bigint, bigint, bigint] {
  const ar = (a.c0 + a.c1) * (a.c0 - a.c1);
  const ai = 2n * a.c0 * a.c1;
  const br = (b.c0 + b.c1) * (b.c0 - b.c1);
  const bi = 2n * b.c0 * b.c1;
  const s0 = a.c0 + b.c0;
  const s1 = a.c1 + b.c1;
  return [ar + br - bi, ai + br + bi, (s0 + s1) * (s0 - s1) - ar - br, 2n * s0 * s1 - ai - bi];
}

/** 3x - 2y and 3x + 2y, reduced once, for unreduced x and reduced y. */
const less = (x: bigint, y: bigint): bigint => mod(3n * x - 2n * y);
const more = (x: bigint, y: bigint): bigint => mod(3n * x + 2n * y);

/**
 * Granger–Scott squaring, valid only in the cyclotomic subgroup (after the easy part of the final
 * exponentiation). Seen over Fp4 with t = w³, f = A + B·w + C·w², A = g0 + h1·t, B = h0 + g2·t,
 * C = g1 + h2·t, and f² = (3A² - 2Ā) + (3t·C² + 2B̄)·w + (3B² - 2C̄)·w². Each output is reduced once.
 */
export function fp12CyclotomicSqr(f: Fp12): Fp12 {
  const { c0: g0, c1: g1, c2: g2 } = f.c0;
  const { c0: h0, c1: h1, c2: h2 } = f.c1;
  const [a0r, a0i, a1r, a1i] = fp4SqrLazy(g0, h1); // A²
  const [b0r, b0i, b1r, b1i] = fp4SqrLazy(h0, g2); // B²
  const [c0r, c0i, c1r, c1i] = fp4SqrLazy(g1, h2); // C²
  return {
    c0: fp6(
      fp2(less(a0r, g0.c0), less(a0i, g0.c1)),
      fp2(less(b0r, g1.c0), less(b0i, g1.c1)),
      fp2(less(c0r, g2.c0), less(c0i, g2.c1)),
    ),
    c1: fp6(
      fp2(more(c1r - c1i, h0.c0), more(c1r + c1i, h0.c1)), // ξ·(C²)₁
      fp2(more(a1r, h1.c0), more(a1i, h1.c1)),
      fp2(more(b1r, h2.c0), more(b1i, h2.c1)),
    ),
  };
}
