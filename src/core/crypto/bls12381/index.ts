// Verify-only BLS12-381 (min-pubkey-size: keys in G1, signatures in G2), for the light verifier.
import { g1, type G1Point } from './g1.js';
import { g2, type G2Point } from './g2.js';

export { Bls12381Error } from './errors.js';
export { decodeG1, decodeG2, encodeG1, encodeG2 } from './encoding.js';
export { hashToG2 } from './hashToG2.js';
export { verifySignature } from './pairing.js';
export type { G1Point, G2Point };

/** The identity of G1 (Jacobian Z = 0): the start of an aggregate-key sum. */
export const G1_ZERO: G1Point = g1.zero;
/** Sum of two G1 points (aggregate public keys); points are immutable, a new one is returned. */
export const g1Add = (a: G1Point, b: G1Point): G1Point => g1.add(a, b);
/** -P, so that g1Add(sum, g1Negate(key)) removes a key from an aggregate. */
export const g1Negate = (a: G1Point): G1Point => g1.negate(a);
export const g1IsZero = (a: G1Point): boolean => g1.isZero(a);
export const g2IsZero = (a: G2Point): boolean => g2.isZero(a);
