// G2: the order-r subgroup of the M-twist E'(Fp2): y² = x³ + 4(1 + u), where signatures and message points live.
import {
  FP2_ONE,
  FP2_ZERO,
  type Fp2,
  fp2,
  fp2Add,
  fp2Conj,
  fp2Eq,
  fp2Inv,
  fp2IsZero,
  fp2Mul,
  fp2Neg,
  fp2Sqr,
  fp2Sub,
} from './fields.js';
import { X_ABS } from './g1.js';
import { type Curve, type Field, type Jacobian, weierstrass } from '../weierstrass.js';
import { frobeniusGammas } from './tower.js';

const Fp2Field: Field<Fp2> = {
  zero: FP2_ZERO,
  one: FP2_ONE,
  add: fp2Add,
  sub: fp2Sub,
  mul: fp2Mul,
  sqr: fp2Sqr,
  neg: fp2Neg,
  inv: fp2Inv,
  eq: fp2Eq,
  isZero: fp2IsZero,
};

export type G2Point = Jacobian<Fp2>;
export const B2 = fp2(4n, 4n);
export const g2: Curve<Fp2> = weierstrass(Fp2Field, B2);

export const G2_GENERATOR: G2Point = g2.fromAffine({
  x: fp2(
    0x024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8n,
    0x13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7en,
  ),
  y: fp2(
    0x0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801n,
    0x0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79ben,
  ),
});

/** ψ coefficients 1/ξ^((p-1)/3) and 1/ξ^((p-1)/2), derived from the Frobenius γ's on first use. */
let psiCoefficients: [Fp2, Fp2] | undefined;

/**
 * ψ = untwist ∘ Frobenius ∘ twist, an endomorphism of E'(Fp2). On Jacobian coordinates the
 * Frobenius (conjugation) applies to Z too, so no normalization is needed.
 */
export function psi(p: G2Point): G2Point {
  if (psiCoefficients === undefined) {
    const y = frobeniusGammas();
    psiCoefficients = [fp2Inv(y[2]!), fp2Inv(y[3]!)];
  }
  const [cx, cy] = psiCoefficients;
  return { x: fp2Mul(fp2Conj(p.x), cx), y: fp2Mul(fp2Conj(p.y), cy), z: fp2Conj(p.z) };
}

/** [x]P for the (negative) curve parameter x. */
export const g2MulX = (p: G2Point): G2Point => g2.negate(g2.mul(p, X_ABS));

/** Scott's membership test (eprint 2021/1130): P ∈ G2 iff ψ(P) = [x]P. */
export const g2InSubgroup = (p: G2Point): boolean => g2.eq(psi(p), g2MulX(p));

/**
 * clear_cofactor_bls12381_g2 of RFC 9380 (G.3): multiplication by h_eff computed as
 * [x² - x - 1]P + [x - 1]ψ(P) + ψ²(2P) (Budroni–Pintore).
 */
export function g2ClearCofactor(p: G2Point): G2Point {
  const t1 = g2MulX(p);
  const t2 = psi(p);
  let t3 = psi(psi(g2.double(p)));
  t3 = g2.add(t3, g2.negate(t2));
  const t4 = g2MulX(g2.add(t1, t2));
  t3 = g2.add(t3, t4);
  t3 = g2.add(t3, g2.negate(t1));
  return g2.add(t3, g2.negate(p));
}
