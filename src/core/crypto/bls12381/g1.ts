// G1: the order-r subgroup of E(Fp): y² = x³ + 4, where public keys live.
import { fpAdd, fpInv, fpMul, fpNeg, fpSub, P } from './fields.js';
import { type Curve, type Field, type Jacobian, weierstrass } from '../weierstrass.js';

/** |x| of the BLS parameter x = -0xd201000000010000 (the curve is generated from x; x < 0). */
export const X_ABS = 0xd201000000010000n;

const Fp: Field<bigint> = {
  zero: 0n,
  one: 1n,
  add: fpAdd,
  sub: fpSub,
  mul: fpMul,
  sqr: (a) => (a * a) % P,
  neg: fpNeg,
  inv: fpInv,
  eq: (a, b) => a === b,
  isZero: (a) => a === 0n,
};

export type G1Point = Jacobian<bigint>;
export const g1: Curve<bigint> = weierstrass(Fp, 4n);

export const G1_GENERATOR: G1Point = g1.fromAffine({
  x: 0x17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bbn,
  y: 0x08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1n,
});

/** A primitive cube root of unity β in Fp: φ(x, y) = (β·x, y) acts on G1 as multiplication by -x². */
const BETA = 0x5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffen;

/** [x]P for the (negative) curve parameter x. */
export const g1MulX = (p: G1Point): G1Point => g1.negate(g1.mul(p, X_ABS));

/** Scott's membership test (eprint 2021/1130): P ∈ G1 iff φ(P) = [-x²]P; two 64-bit multiplications instead of one by r. */
export function g1InSubgroup(p: G1Point): boolean {
  const phi = { x: fpMul(p.x, BETA), y: p.y, z: p.z };
  return g1.eq(phi, g1.mul(g1MulX(p), X_ABS));
}
