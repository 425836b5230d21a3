import { bls12_381 } from '@noble/curves/bls12-381.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fp2, fp2Sqrt, fpSqrt, P } from './fields.js';
import { g1 } from './g1.js';
import { g2 } from './g2.js';
import { Bls12381Error, decodeG1, decodeG2, encodeG1, encodeG2, G1_ZERO, g1IsZero, g2IsZero } from './index.js';

const R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const be48 = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(96, '0'), 'hex'));
const secretKey = fc.bigInt({ min: 1n, max: R - 1n });
const bls = bls12_381.longSignatures;
const be32 = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));

/** First x (counting up from `from`) for which y² = x³ + b has a root and [r]P ≠ O: on the curve, outside G1. */
function g1OffSubgroup(from: bigint) {
  for (let x = from; ; x++) {
    const y = fpSqrt(g1.rhs(x));
    if (y === undefined) continue;
    const p = g1.fromAffine({ x, y });
    if (!g1.isZero(g1.mul(p, R))) return p;
  }
}
function g2OffSubgroup(from: bigint) {
  for (let c0 = from; ; c0++) {
    const x = fp2(c0, 1n);
    const y = fp2Sqrt(g2.rhs(x));
    if (y === undefined) continue;
    const p = g2.fromAffine({ x, y });
    if (!g2.isZero(g2.mul(p, R))) return p;
  }
}

/** An x whose x³ + b is not a square: no point has it. */
function g1OffCurveX(): bigint {
  for (let x = 1n; ; x++) if (fpSqrt(g1.rhs(x)) === undefined) return x;
}
function g2OffCurveX() {
  for (let c0 = 1n; ; c0++) if (fp2Sqrt(g2.rhs(fp2(c0, 3n))) === undefined) return fp2(c0, 3n);
}

const expectReject = (f: () => unknown, message: RegExp) => {
  expect(f).toThrow(Bls12381Error);
  expect(f).toThrow(message);
};

describe('G1 encoding', () => {
  it('decodes noble public keys and re-encodes them byte for byte', () => {
    fc.assert(
      fc.property(secretKey, (sk) => {
        const bytes = bls12_381.G1.Point.BASE.multiply(sk).toBytes();
        const p = decodeG1(bytes);
        expect(hex(encodeG1(p))).toBe(hex(bytes));
        expect(g1.isOnCurve(g1.toAffine(p))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('decodes the infinity encoding to G1_ZERO and encodes it back', () => {
    const inf = new Uint8Array(48);
    inf[0] = 0xc0;
    expect(g1IsZero(decodeG1(inf))).toBe(true);
    expect(hex(encodeG1(G1_ZERO))).toBe(hex(inf));
  });

  it('rejects wrong lengths', () => {
    const good = bls12_381.G1.Point.BASE.toBytes();
    for (const len of [0, 47, 49, 96]) {
      const b = new Uint8Array(len);
      b.set(good.subarray(0, Math.min(len, 48)));
      expectReject(() => decodeG1(b), /48 bytes/);
    }
  });

  it('rejects bad flags', () => {
    const good = bls12_381.G1.Point.BASE.toBytes();
    expectReject(() => decodeG1(Uint8Array.from(good, (b, i) => (i === 0 ? b & 0x7f : b))), /compressed/);
    const inf = new Uint8Array(48);
    inf[0] = 0xc0;
    expectReject(() => decodeG1(Uint8Array.from(inf, (b, i) => (i === 0 ? 0xe0 : b))), /infinity/); // sort bit on infinity
    expectReject(() => decodeG1(Uint8Array.from(inf, (b, i) => (i === 0 ? 0xc1 : b))), /infinity/);
    expectReject(() => decodeG1(Uint8Array.from(inf, (b, i) => (i === 47 ? 1 : b))), /infinity/);
    expectReject(() => decodeG1(Uint8Array.from(good, (b, i) => (i === 0 ? b | 0x40 : b))), /infinity/); // infinity flag on a point
    const uncompressedInf = new Uint8Array(48);
    uncompressedInf[0] = 0x40;
    expectReject(() => decodeG1(uncompressedInf), /compressed/);
  });

  it('rejects x >= p', () => {
    for (const x of [P, P + 1n, (1n << 381n) - 1n]) {
      const b = be48(x);
      b[0]! |= 0x80;
      expectReject(() => decodeG1(b), /field modulus/);
    }
  });

  it('rejects an x with no point on the curve', () => {
    const b = be48(g1OffCurveX());
    b[0]! |= 0x80;
    expectReject(() => decodeG1(b), /not on the curve/);
  });

  it('rejects points on the curve outside the prime-order subgroup (noble agrees)', () => {
    for (const from of [1n, 1000n, 123456789n]) {
      const p = g1OffSubgroup(from);
      const bytes = encodeG1(p);
      expectReject(() => decodeG1(bytes), /subgroup/);
      expect(() => bls12_381.G1.Point.fromBytes(bytes).assertValidity()).toThrow();
      expectReject(() => decodeG1(encodeG1(g1.negate(p))), /subgroup/);
    }
  });
});

describe('G2 encoding', () => {
  it('decodes noble signatures and re-encodes them byte for byte', () => {
    fc.assert(
      fc.property(secretKey, fc.uint8Array({ maxLength: 64 }), (sk, msg) => {
        const bytes = bls.sign(bls.hash(msg), be32(sk)).toBytes();
        const p = decodeG2(bytes);
        expect(hex(encodeG2(p))).toBe(hex(bytes));
        expect(g2.isOnCurve(g2.toAffine(p))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('decodes the infinity encoding to zero and encodes it back', () => {
    const inf = new Uint8Array(96);
    inf[0] = 0xc0;
    expect(g2IsZero(decodeG2(inf))).toBe(true);
    expect(hex(encodeG2(g2.zero))).toBe(hex(inf));
  });

  it('rejects wrong lengths and bad flags', () => {
    const good = bls12_381.G2.Point.BASE.toBytes();
    for (const len of [0, 48, 95, 97]) expectReject(() => decodeG2(new Uint8Array(len).fill(0x80, 0, 1)), /96 bytes/);
    expectReject(() => decodeG2(Uint8Array.from(good, (b, i) => (i === 0 ? b & 0x7f : b))), /compressed/);
    const inf = new Uint8Array(96);
    inf[0] = 0xc0;
    expectReject(() => decodeG2(Uint8Array.from(inf, (b, i) => (i === 0 ? 0xe0 : b))), /infinity/);
    expectReject(() => decodeG2(Uint8Array.from(inf, (b, i) => (i === 95 ? 1 : b))), /infinity/);
    expectReject(() => decodeG2(Uint8Array.from(inf, (b, i) => (i === 48 ? 1 : b))), /infinity/);
    expectReject(() => decodeG2(Uint8Array.from(good, (b, i) => (i === 0 ? b | 0x40 : b))), /infinity/);
  });

  it('rejects c1 >= p and c0 >= p', () => {
    const good = bls12_381.G2.Point.BASE.toBytes();
    const big = be48(P);
    const c1 = Uint8Array.from(good);
    c1.set(big, 0);
    c1[0]! |= 0x80;
    expectReject(() => decodeG2(c1), /field modulus/);
    const c0 = Uint8Array.from(good);
    c0.set(big, 48);
    expectReject(() => decodeG2(c0), /field modulus/);
  });

  it('rejects an x with no point on the curve', () => {
    const x = g2OffCurveX();
    const b = new Uint8Array(96);
    b.set(be48(x.c1), 0);
    b.set(be48(x.c0), 48);
    b[0]! |= 0x80;
    expectReject(() => decodeG2(b), /not on the curve/);
  });

  it('rejects points on the twist outside the prime-order subgroup (noble agrees)', () => {
    for (const from of [1n, 1000n]) {
      const p = g2OffSubgroup(from);
      const bytes = encodeG2(p);
      expectReject(() => decodeG2(bytes), /subgroup/);
      expect(() => bls12_381.G2.Point.fromBytes(bytes).assertValidity()).toThrow();
    }
  });
});
