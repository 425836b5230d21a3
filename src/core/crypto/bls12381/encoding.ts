// ZCash/IETF compressed serialization: big-endian x with three flag bits in the first byte
// (0x80 compressed, 0x40 infinity, 0x20 "y is the larger root"); Fp2 as c1 ‖ c0.
import { Bls12381Error } from './errors.js';
import { fp2, fp2IsLarge, fp2Neg, fp2Sqrt, fpIsLarge, fpNeg, fpSqrt, P } from './fields.js';
import { g1, g1InSubgroup, type G1Point } from './g1.js';
import { g2, g2InSubgroup, type G2Point } from './g2.js';

const COMPRESSED = 0x80;
const INFINITY = 0x40;
const LARGE_Y = 0x20;

const toBigInt = (bytes: Uint8Array): bigint => {
  let hex = '0x';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return BigInt(hex);
};
const toBytes = (n: bigint): Uint8Array => {
  const hex = n.toString(16).padStart(96, '0');
  const out = new Uint8Array(48);
  for (let i = 0; i < 48; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};

/** Checks length and flags; returns the flag byte's sort bit, or null for the (canonical) infinity encoding. */
function readFlags(bytes: Uint8Array, length: number, group: string): { large: boolean } | null {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length)
    throw new Bls12381Error(`${group} point must be ${length} bytes, got ${bytes?.length}`);
  const flags = bytes[0]!;
  if ((flags & COMPRESSED) === 0) throw new Bls12381Error(`${group} point is not in compressed form`);
  if ((flags & INFINITY) !== 0) {
    if (flags !== (COMPRESSED | INFINITY) || bytes.some((b, i) => i > 0 && b !== 0))
      throw new Bls12381Error(`${group} infinity encoding must be 0xc0 followed by zeros`);
    return null;
  }
  return { large: (flags & LARGE_Y) !== 0 };
}

/** The big-endian field element at [from, from + 48), flag bits cleared, refused unless < p. */
function readFp(bytes: Uint8Array, from: number, group: string): bigint {
  const chunk = bytes.slice(from, from + 48);
  if (from === 0) chunk[0]! &= 0x1f;
  const n = toBigInt(chunk);
  if (n >= P) throw new Bls12381Error(`${group} coordinate is not below the field modulus`);
  return n;
}

/**
 * A 48-byte compressed G1 point (public key). Throws Bls12381Error on a wrong length or flags, x >= p,
 * an x with no curve point, or a point outside G1; the infinity encoding gives the identity (callers refuse it).
 */
export function decodeG1(bytes: Uint8Array): G1Point {
  const flags = readFlags(bytes, 48, 'G1');
  if (flags === null) return g1.zero;
  const x = readFp(bytes, 0, 'G1');
  let y = fpSqrt(g1.rhs(x));
  if (y === undefined) throw new Bls12381Error('G1 point is not on the curve');
  if (y === 0n && flags.large) throw new Bls12381Error('G1 point has a sort flag its y cannot have');
  if (fpIsLarge(y) !== flags.large) y = fpNeg(y);
  const point = g1.fromAffine({ x, y });
  if (!g1InSubgroup(point)) throw new Bls12381Error('G1 point is not in the prime-order subgroup');
  return point;
}

/** A 96-byte compressed G2 point (signature), x as c1 ‖ c0; the same rules as decodeG1, with the ψ subgroup test. */
export function decodeG2(bytes: Uint8Array): G2Point {
  const flags = readFlags(bytes, 96, 'G2');
  if (flags === null) return g2.zero;
  const x = fp2(readFp(bytes, 48, 'G2'), readFp(bytes, 0, 'G2'));
  let y = fp2Sqrt(g2.rhs(x));
  if (y === undefined) throw new Bls12381Error('G2 point is not on the curve');
  if (y.c0 === 0n && y.c1 === 0n && flags.large) throw new Bls12381Error('G2 point has a sort flag its y cannot have');
  if (fp2IsLarge(y) !== flags.large) y = fp2Neg(y);
  const point = g2.fromAffine({ x, y });
  if (!g2InSubgroup(point)) throw new Bls12381Error('G2 point is not in the prime-order subgroup');
  return point;
}

const infinity = (length: number): Uint8Array => {
  const out = new Uint8Array(length);
  out[0] = COMPRESSED | INFINITY;
  return out;
};

/** Compressed encoding (tests and tools; the verifier only decodes). */
export function encodeG1(p: G1Point): Uint8Array {
  if (g1.isZero(p)) return infinity(48);
  const { x, y } = g1.toAffine(p);
  const out = toBytes(x);
  out[0]! |= COMPRESSED | (fpIsLarge(y) ? LARGE_Y : 0);
  return out;
}

/** Compressed encoding, x as c1 ‖ c0. */
export function encodeG2(p: G2Point): Uint8Array {
  if (g2.isZero(p)) return infinity(96);
  const { x, y } = g2.toAffine(p);
  const out = new Uint8Array(96);
  out.set(toBytes(x.c1), 0);
  out.set(toBytes(x.c0), 48);
  out[0]! |= COMPRESSED | (fp2IsLarge(y) ? LARGE_Y : 0);
  return out;
}
