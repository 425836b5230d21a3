// Public-key recovery on secp256k1 (what ecrecover does), and nothing else: verifying guardian and
// Hyperlane validator ECDSA signatures needs no signing, so the verifier carries no curve library.
// Variable-time is fine here: every input is public.
import { invertMod } from './modular.js';
import { type Field, type Jacobian, weierstrass } from './weierstrass.js';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
/** Order of the generator. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const GX = 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n;
const GY = 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n;

const mod = (a: bigint, m = P) => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

const Fp: Field<bigint> = {
  zero: 0n,
  one: 1n,
  add: (a, b) => (a + b >= P ? a + b - P : a + b),
  sub: (a, b) => (a >= b ? a - b : a - b + P),
  mul: (a, b) => (a * b) % P,
  sqr: (a) => (a * a) % P,
  neg: (a) => (a === 0n ? 0n : P - a),
  inv: (a) => invertMod(a, P),
  eq: (a, b) => a === b,
  isZero: (a) => a === 0n,
};
const curve = /* @__PURE__ */ weierstrass(Fp, 7n);

/** u1·G + u2·R in one pass over the bits (Shamir's trick). */
function doubleScalarMul(u1: bigint, u2: bigint, r: Jacobian<bigint>): Jacobian<bigint> {
  const g = curve.fromAffine({ x: GX, y: GY });
  const gr = curve.add(g, r);
  let acc = curve.zero;
  for (let bit = 255n; bit >= 0n; bit--) {
    acc = curve.double(acc);
    const b1 = (u1 >> bit) & 1n;
    const b2 = (u2 >> bit) & 1n;
    if (b1 && b2) acc = curve.add(acc, gr);
    else if (b1) acc = curve.add(acc, g);
    else if (b2) acc = curve.add(acc, r);
  }
  return acc;
}

/**
 * The 64-byte public key (x ‖ y) that signed the 32-byte `digest` with (r, s) and recovery bit
 * `recovery` (y parity of R), or null when no key did: r or s outside [1, n-1], r not an x on the curve,
 * or the result at infinity. The caller applies its own malleability rule on s.
 */
export function recoverSecp256k1PublicKey(digest: Uint8Array, r: bigint, s: bigint, recovery: number): Uint8Array | null {
  if (digest.length !== 32 || (recovery !== 0 && recovery !== 1)) return null;
  if (r <= 0n || r >= SECP256K1_N || s <= 0n || s >= SECP256K1_N) return null;
  const rhs = (((r * r) % P) * r + 7n) % P;
  let y = pow(rhs, (P + 1n) / 4n);
  if ((y * y) % P !== rhs) return null;
  if (Number(y & 1n) !== recovery) y = P - y;
  let e = 0n;
  for (const byte of digest) e = (e << 8n) | BigInt(byte);
  const rInv = invertMod(r, SECP256K1_N);
  const q = doubleScalarMul(mod(-e * rInv, SECP256K1_N), (s * rInv) % SECP256K1_N, curve.fromAffine({ x: r, y }));
  if (curve.isZero(q)) return null;
  const affine = curve.toAffine(q);
  const out = new Uint8Array(64);
  let x = affine.x;
  let qy = affine.y;
  for (let i = 31; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  for (let i = 63; i >= 32; i--, qy >>= 8n) out[i] = Number(qy & 0xffn);
  return out;
}
