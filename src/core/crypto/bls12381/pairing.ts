// The optimal ate pairing check e(pk, H) · e(-g1, sig) == 1: both Miller loops share one Fp12
// accumulator, then one final exponentiation.
import { type Fp2, fp2, fp2Add, fp2Dbl, fp2Mul, fp2MulFp, fp2Sqr, fp2Sub, fpNeg } from './fields.js';
import { g1, G1_GENERATOR, type G1Point, X_ABS } from './g1.js';
import { g2, type G2Point } from './g2.js';
import {
  type Fp12,
  FP12_ONE,
  fp12Conj,
  fp12CyclotomicSqr,
  fp12Eq,
  fp12Frobenius,
  fp12Inv,
  fp12Mul,
  fp12MulLine,
  fp12Sqr,
} from './tower.js';

const B3 = fp2(12n, 12n); // 3·b' for the twist b' = 4(1 + u)

/** Homogeneous projective point (x = X/Z, y = Y/Z) on the twist, as the Miller loop walks it. */
interface Projective {
  x: Fp2;
  y: Fp2;
  z: Fp2;
}

/** A pair walked by the Miller loop: P ∈ G1 affine, Q ∈ G2 affine, T the running multiple of Q. */
interface Walk {
  xp: bigint;
  yp: bigint;
  qx: Fp2;
  qy: Fp2;
  t: Projective;
}

/**
 * T ← 2T and f ← f · l_{T,T}(P). Costello–Lange–Naehrig doubling scaled by 4 to avoid halving;
 * the tangent, multiplied by w³ and an Fp2 factor, is (3b'Z² - Y²) + 3X²·xP·v - 2YZ·yP·vw.
 */
function doubleStep(f: Fp12, s: Walk): Fp12 {
  const { x, y, z } = s.t;
  const B = fp2Sqr(y);
  const C = fp2Sqr(z);
  const E = fp2Mul(B3, C);
  const F = fp2Add(fp2Dbl(E), E);
  const H = fp2Sub(fp2Sqr(fp2Add(y, z)), fp2Add(B, C)); // 2YZ
  const X2 = fp2Sqr(x);
  const xy = fp2Mul(x, y);
  const E2 = fp2Sqr(E);
  const E12 = fp2Dbl(fp2Dbl(fp2Add(fp2Dbl(E2), E2)));
  s.t = {
    x: fp2Mul(fp2Dbl(xy), fp2Sub(B, F)),
    y: fp2Sub(fp2Sqr(fp2Add(B, F)), E12),
    z: fp2Dbl(fp2Dbl(fp2Mul(B, H))),
  };
  return fp12MulLine(f, fp2Sub(E, B), fp2MulFp(fp2Add(fp2Dbl(X2), X2), s.xp), fp2MulFp(H, fpNeg(s.yp)));
}

/** T ← T + Q and f ← f · l_{T,Q}(P), with θ = Y - y_Q·Z and λ = X - x_Q·Z (slope θ/λ). */
function addStep(f: Fp12, s: Walk): Fp12 {
  const { x, y, z } = s.t;
  const theta = fp2Sub(y, fp2Mul(s.qy, z));
  const lambda = fp2Sub(x, fp2Mul(s.qx, z));
  const C = fp2Sqr(theta);
  const D = fp2Sqr(lambda);
  const E = fp2Mul(lambda, D);
  const F = fp2Mul(z, C);
  const G = fp2Mul(x, D);
  const H = fp2Sub(fp2Add(E, F), fp2Dbl(G));
  s.t = { x: fp2Mul(lambda, H), y: fp2Sub(fp2Mul(theta, fp2Sub(G, H)), fp2Mul(y, E)), z: fp2Mul(z, E) };
  const c0 = fp2Sub(fp2Mul(theta, s.qx), fp2Mul(lambda, s.qy));
  return fp12MulLine(f, c0, fp2MulFp(theta, fpNeg(s.xp)), fp2MulFp(lambda, s.yp));
}

/** ∏ f_{x,Qi}(Pi) over the pairs (none may be the identity), one shared accumulator. */
export function millerLoop(pairs: [G1Point, G2Point][]): Fp12 {
  const walks: Walk[] = pairs.map(([p, q]) => {
    const a = g1.toAffine(p);
    const b = g2.toAffine(q);
    return { xp: a.x, yp: a.y, qx: b.x, qy: b.y, t: { x: b.x, y: b.y, z: fp2(1n, 0n) } };
  });
  let f = FP12_ONE;
  for (let i = X_ABS.toString(2).length - 2; i >= 0; i--) {
    f = fp12Sqr(f);
    for (const s of walks) f = doubleStep(f, s);
    if ((X_ABS >> BigInt(i)) & 1n) for (const s of walks) f = addStep(f, s);
  }
  return fp12Conj(f); // x < 0: f_{x} = 1/f_{|x|} up to factors the final exponentiation removes
}

/** a^x for the negative curve parameter x, in the cyclotomic subgroup (where inversion is conjugation). */
function cyclotomicPowX(a: Fp12): Fp12 {
  let r = a;
  for (let i = X_ABS.toString(2).length - 2; i >= 0; i--) {
    r = fp12CyclotomicSqr(r);
    if ((X_ABS >> BigInt(i)) & 1n) r = fp12Mul(r, a);
  }
  return fp12Conj(r);
}

/**
 * f^(3·(p¹² - 1)/r). Easy part f^((p⁶ - 1)(p² + 1)); hard part by Hayashida–Hayasaka–Teruya:
 * 3·(p⁴ - p² + 1)/r = (x - 1)²·(x + p)·(x² + p² - 1) + 3. The extra cube is harmless for a
 * comparison with 1 (gcd(3, r) = 1).
 */
export function finalExponentiation(f: Fp12): Fp12 {
  let m = fp12Mul(fp12Conj(f), fp12Inv(f));
  m = fp12Mul(fp12Frobenius(fp12Frobenius(m)), m);
  const t0 = fp12Mul(cyclotomicPowX(m), fp12Conj(m)); // m^(x-1)
  const t1 = fp12Mul(cyclotomicPowX(t0), fp12Conj(t0)); // m^((x-1)²)
  const t2 = fp12Mul(cyclotomicPowX(t1), fp12Frobenius(t1)); // ^(x+p)
  const t3 = fp12Mul(fp12Mul(cyclotomicPowX(cyclotomicPowX(t2)), fp12Frobenius(fp12Frobenius(t2))), fp12Conj(t2));
  return fp12Mul(t3, fp12Mul(fp12CyclotomicSqr(m), m));
}

const NEG_G1 = g1.negate(G1_GENERATOR);

/**
 * e(publicKey, messagePoint) == e(g1, signature), checked as e(pk, H)·e(-g1, sig) == 1.
 * The identity is refused for the key and the signature (and the message point, which would need one).
 */
export function verifySignature(publicKey: G1Point, messagePoint: G2Point, signature: G2Point): boolean {
  if (g1.isZero(publicKey) || g2.isZero(signature) || g2.isZero(messagePoint)) return false;
  const f = millerLoop([
    [publicKey, messagePoint],
    [NEG_G1, signature],
  ]);
  return fp12Eq(finalExponentiation(f), FP12_ONE);
}

