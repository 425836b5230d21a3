// hash_to_curve for BLS12381G2_XMD:SHA-256_SSWU_RO_ (RFC 9380 §8.8.2): expand_message_xmd,
// two field elements, simplified SWU on the 3-isogenous curve E', the 3-isogeny to E', sum, clear cofactor.
import { sha256 } from '@noble/hashes/sha2.js';
import { Bls12381Error } from './errors.js';
import {
  FP2_ONE,
  type Fp2,
  fp2,
  fp2Add,
  fp2Inv,
  fp2IsZero,
  fp2Mul,
  fp2Neg,
  fp2Sgn0,
  fp2Sqr,
  fp2Sqrt,
  mod,
} from './fields.js';
import { g2, g2ClearCofactor, type G2Point } from './g2.js';

const LEN = 256; // 2 field elements × m = 2 × L = 64 bytes

/** expand_message_xmd with SHA-256 (RFC 9380 §5.3.1). */
export function expandMessageXmd(message: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
  if (dst.length > 255) dst = sha256(concat(new TextEncoder().encode('H2C-OVERSIZE-DST-'), dst));
  const ell = Math.ceil(length / 32);
  if (length < 1 || ell > 255 || length > 65535) throw new Bls12381Error('expand_message_xmd length is out of range');
  const dstPrime = concat(dst, Uint8Array.of(dst.length));
  const b0 = sha256(concat(new Uint8Array(64), message, Uint8Array.of(length >> 8, length & 0xff, 0), dstPrime));
  const out = new Uint8Array(ell * 32);
  let bi = sha256(concat(b0, Uint8Array.of(1), dstPrime));
  out.set(bi, 0);
  for (let i = 2; i <= ell; i++) {
    const x = bi.map((b, j) => b ^ b0[j]!);
    bi = sha256(concat(x, Uint8Array.of(i), dstPrime));
    out.set(bi, (i - 1) * 32);
  }
  return out.subarray(0, length);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const toBigInt = (bytes: Uint8Array): bigint => {
  let hex = '0x';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return BigInt(hex);
};

/** hash_to_field with count = 2, m = 2, L = 64. */
export function hashToFieldFp2(message: Uint8Array, dst: Uint8Array): [Fp2, Fp2] {
  const bytes = expandMessageXmd(message, dst, LEN);
  const e = (i: number) => mod(toBigInt(bytes.subarray(64 * i, 64 * i + 64)));
  return [fp2(e(0), e(1)), fp2(e(2), e(3))];
}

// E': y² = x³ + A'x + B' with A' = 240u, B' = 1012(1 + u); Z = -(2 + u) (RFC 9380 §8.8.2).
const A = fp2(0n, 240n);
const B = fp2(1012n, 1012n);
const Z = fp2Neg(fp2(2n, 1n));

/** Simplified SWU for AB != 0 (RFC 9380 §6.6.2); the inputs are public, so no constant-time care. */
export function mapToIsoCurve(u: Fp2): { x: Fp2; y: Fp2 } {
  const zu2 = fp2Mul(Z, fp2Sqr(u));
  const tv1 = fp2Inv(fp2Add(fp2Sqr(zu2), zu2));
  const x1 = fp2IsZero(tv1)
    ? fp2Mul(B, fp2Inv(fp2Mul(Z, A)))
    : fp2Mul(fp2Neg(fp2Mul(B, fp2Inv(A))), fp2Add(FP2_ONE, tv1));
  const g = (x: Fp2) => fp2Add(fp2Mul(fp2Add(fp2Sqr(x), A), x), B);
  let x = x1;
  let y = fp2Sqrt(g(x1));
  if (y === undefined) {
    x = fp2Mul(zu2, x1);
    y = fp2Sqrt(g(x));
    if (y === undefined) throw new Bls12381Error('simplified SWU found no square root'); // impossible for a correct Z
  }
  if (fp2Sgn0(u) !== fp2Sgn0(y)) y = fp2Neg(y);
  return { x, y };
}

// 3-isogeny E' → E: the constants k_(i,j) of RFC 9380 Appendix E.3, in ascending degree j.
const h = (c0: string, c1: string): Fp2 => fp2(BigInt(c0), BigInt(c1));
const X_NUM = [
  h('0x5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6', '0x5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6'),
  h('0', '0x11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a'),
  h('0x11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e', '0x8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d'),
  h('0x171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1', '0'),
];
const X_DEN = [
  h('0', '0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63'),
  h('0xc', '0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f'),
  FP2_ONE,
];
const Y_NUM = [
  h('0x1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706', '0x1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706'),
  h('0', '0x5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be'),
  h('0x11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c', '0x8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f'),
  h('0x124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10', '0'),
];
const Y_DEN = [
  h('0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb', '0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb'),
  h('0', '0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3'),
  h('0x12', '0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99'),
  FP2_ONE,
];

const horner = (k: Fp2[], x: Fp2): Fp2 => k.reduceRight((acc, c) => fp2Add(fp2Mul(acc, x), c), fp2(0n, 0n));

/**
 * The 3-isogeny, returned in Jacobian coordinates so that it needs no inversion:
 * with x = Nx/Dx and y = y'·Ny/Dy, Z = Dx·Dy gives X = Nx·Dx·Dy² and Y = y'·Ny·Dx³·Dy².
 * A zero denominator yields Z = 0, the identity, as the RFC specifies.
 */
export function isoMap(p: { x: Fp2; y: Fp2 }): G2Point {
  const nx = horner(X_NUM, p.x);
  const dx = horner(X_DEN, p.x);
  const ny = fp2Mul(p.y, horner(Y_NUM, p.x));
  const dy = horner(Y_DEN, p.x);
  const dy2 = fp2Sqr(dy);
  return { x: fp2Mul(fp2Mul(nx, dx), dy2), y: fp2Mul(fp2Mul(ny, fp2Mul(fp2Sqr(dx), dx)), dy2), z: fp2Mul(dx, dy) };
}

/** hash_to_curve (random oracle) onto G2 for BLS12381G2_XMD:SHA-256_SSWU_RO_ with the caller's DST. */
export function hashToG2(message: Uint8Array, dst: string): G2Point {
  if (!(message instanceof Uint8Array)) throw new Bls12381Error('message must be a Uint8Array');
  if (typeof dst !== 'string' || dst.length === 0) throw new Bls12381Error('domain separation tag must be a non-empty string'); // RFC 9380 §3.1
  const [u0, u1] = hashToFieldFp2(message, new TextEncoder().encode(dst));
  return g2ClearCofactor(g2.add(isoMap(mapToIsoCurve(u0)), isoMap(mapToIsoCurve(u1))));
}
