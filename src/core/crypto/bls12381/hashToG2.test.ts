import { bls12_381 } from '@noble/curves/bls12-381.js';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fp2, fp2, fp2Add, fp2Eq, fp2Mul, fp2Sqr, P } from './fields.js';
import { g2 } from './g2.js';
import { Bls12381Error, encodeG2, hashToG2 } from './index.js';
import { expandMessageXmd, hashToFieldFp2, isoMap, mapToIsoCurve } from './hashToG2.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 9380 Appendix J.10.1 (BLS12381G2_XMD:SHA-256_SSWU_RO_), as (msg, P.x c0, c1, P.y c0, c1).
const QUUX = 'QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_';
const RFC_VECTORS: [string, string, string, string, string][] = [
  ['', '0x0141ebfbdca40eb85b87142e130ab689c673cf60f1a3e98d69335266f30d9b8d4ac44c1038e9dcdd5393faf5c41fb78a', '0x05cb8437535e20ecffaef7752baddf98034139c38452458baeefab379ba13dff5bf5dd71b72418717047f5b0f37da03d', '0x0503921d7f6a12805e72940b963c0cf3471c7b2a524950ca195d11062ee75ec076daf2d4bc358c4b190c0c98064fdd92', '0x12424ac32561493f3fe3c260708a12b7c620e7be00099a974e259ddc7d1f6395c3c811cdd19f1e8dbf3e9ecfdcbab8d6'],
  ['abc', '0x02c2d18e033b960562aae3cab37a27ce00d80ccd5ba4b7fe0e7a210245129dbec7780ccc7954725f4168aff2787776e6', '0x139cddbccdc5e91b9623efd38c49f81a6f83f175e80b06fc374de9eb4b41dfe4ca3a230ed250fbe3a2acf73a41177fd8', '0x1787327b68159716a37440985269cf584bcb1e621d3a7202be6ea05c4cfe244aeb197642555a0645fb87bf7466b2ba48', '0x00aa65dae3c8d732d10ecd2c50f8a1baf3001578f71c694e03866e9f3d49ac1e1ce70dd94a733534f106d4cec0eddd16'],
  ['abcdef0123456789', '0x121982811d2491fde9ba7ed31ef9ca474f0e1501297f68c298e9f4c0028add35aea8bb83d53c08cfc007c1e005723cd0', '0x190d119345b94fbd15497bcba94ecf7db2cbfd1e1fe7da034d26cbba169fb3968288b3fafb265f9ebd380512a71c3f2c', '0x05571a0f8d3c08d094576981f4a3b8eda0a8e771fcdcc8ecceaf1356a6acf17574518acb506e435b639353c2e14827c8', '0x0bb5e7572275c567462d91807de765611490205a941a5a6af3b1691bfe596c31225d3aabdf15faff860cb4ef17c7c3be'],
  [`q128_${'q'.repeat(128)}`, '0x19a84dd7248a1066f737cc34502ee5555bd3c19f2ecdb3c7d9e24dc65d4e25e50d83f0f77105e955d78f4762d33c17da', '0x0934aba516a52d8ae479939a91998299c76d39cc0c035cd18813bec433f587e2d7a4fef038260eef0cef4d02aae3eb91', '0x14f81cd421617428bc3b9fe25afbb751d934a00493524bc4e065635b0555084dd54679df1536101b2c979c0152d09192', '0x09bcccfa036b4847c9950780733633f13619994394c23ff0b32fa6b795844f4a0673e20282d07bc69641cee04f5e5662'],
  [`a512_${'a'.repeat(512)}`, '0x01a6ba2f9a11fa5598b2d8ace0fbe0a0eacb65deceb476fbbcb64fd24557c2f4b18ecfc5663e54ae16a84f5ab7f62534', '0x11fca2ff525572795a801eed17eb12785887c7b63fb77a42be46ce4a34131d71f7a73e95fee3f812aea3de78b4d01569', '0x0b6798718c8aed24bc19cb27f866f1c9effcdbf92397ad6448b5c9db90d2b9da6cbabf48adc1adf59a1a28344e79d57e', '0x03a47f8e6d1763ba0cad63d6114c0accbef65707825a511b251a660a9b3994249ae4e63fac38b23da0c398689ee2ab52'],
];

// RFC 9380 hash_to_field outputs (u0, u1) for the same suite and DST, as (msg, u0.c0, u0.c1, u1.c0, u1.c1).
const RFC_U: [string, string, string, string, string][] = [
  ['', '0x03dbc2cce174e91ba93cbb08f26b917f98194a2ea08d1cce75b2b9cc9f21689d80bd79b594a613d0a68eb807dfdc1cf8', '0x05a2acec64114845711a54199ea339abd125ba38253b70a92c876df10598bd1986b739cad67961eb94f7076511b3b39a', '0x02f99798e8a5acdeed60d7e18e9120521ba1f47ec090984662846bc825de191b5b7641148c0dbc237726a334473eee94', '0x145a81e418d4010cc027a68f14391b30074e89e60ee7a22f87217b2f6eb0c4b94c9115b436e6fa4607e95a98de30a435'],
  ['abcdef0123456789', '0x0313d9325081b415bfd4e5364efaef392ecf69b087496973b229303e1816d2080971470f7da112c4eb43053130b785e1', '0x062f84cb21ed89406890c051a0e8b9cf6c575cf6e8e18ecf63ba86826b0ae02548d83b483b79e48512b82a6c0686df8f', '0x1739123845406baa7be5c5dc74492051b6d42504de008c635f3535bb831d478a341420e67dcc7b46b2e8cba5379cca97', '0x01897665d9cb5db16a27657760bbea7951f67ad68f8d55f7113f24ba6ddd82caef240a9bfa627972279974894701d975'],
  [`q128_${'q'.repeat(128)}`, '0x025820cefc7d06fd38de7d8e370e0da8a52498be9b53cba9927b2ef5c6de1e12e12f188bbc7bc923864883c57e49e253', '0x034147b77ce337a52e5948f66db0bab47a8d038e712123bb381899b6ab5ad20f02805601e6104c29df18c254b8618c7b', '0x0930315cae1f9a6017c3f0c8f2314baa130e1cf13f6532bff0a8a1790cd70af918088c3db94bda214e896e1543629795', '0x10c4df2cacf67ea3cb3108b00d4cbd0b3968031ebc8eac4b1ebcefe84d6b715fde66bef0219951ece29d1facc8a520ef'],
];

// E': y² = x³ + 240u·x + 1012(1 + u), the curve simplified SWU maps to before the isogeny.
const onIsoCurve = ({ x, y }: { x: Fp2; y: Fp2 }) =>
  fp2Eq(fp2Sqr(y), fp2Add(fp2Mul(fp2Add(fp2Sqr(x), fp2(0n, 240n)), x), fp2(1012n, 1012n)));

const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';

describe('hashToG2', () => {
  it.each(RFC_VECTORS)('matches RFC 9380 J.10.1 for msg %#', (msg, xc0, xc1, yc0, yc1) => {
    const p = g2.toAffine(hashToG2(utf8(msg), QUUX));
    expect(p.x).toEqual(fp2(BigInt(xc0), BigInt(xc1)));
    expect(p.y).toEqual(fp2(BigInt(yc0), BigInt(yc1)));
  });

  it.each(RFC_U)('hash_to_field matches RFC 9380 for msg %#', (msg, a, b, c, d) => {
    expect(hashToFieldFp2(utf8(msg), utf8(QUUX))).toEqual([fp2(BigInt(a), BigInt(b)), fp2(BigInt(c), BigInt(d))]);
  });

  it('maps field elements onto E\' and then, through the 3-isogeny, onto E', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: P - 1n }), fc.bigInt({ min: 0n, max: P - 1n }), (c0, c1) => {
        const q = mapToIsoCurve(fp2(c0, c1));
        expect(onIsoCurve(q)).toBe(true);
        expect(g2.isOnCurve(g2.toAffine(isoMap(q)))).toBe(true);
      }),
      { numRuns: 50 },
    );
    expect(onIsoCurve(mapToIsoCurve(fp2(0n, 0n)))).toBe(true); // the exceptional case tv1 = 0
  });

  it('refuses an empty DST and a non-byte message', () => {
    expect(() => hashToG2(utf8('abc'), '')).toThrow(Bls12381Error);
    expect(() => hashToG2('abc' as unknown as Uint8Array, QUUX)).toThrow(Bls12381Error);
  });

  it('equals noble bls.hash on random messages (product DST)', () => {
    const bls = bls12_381.longSignatures;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (msg) => {
        expect(hex(encodeG2(hashToG2(msg, DST)))).toBe(hex(bls.hash(msg, DST).toBytes()));
      }),
      { numRuns: 30 },
    );
  });
});

describe('expandMessageXmd', () => {
  it('equals noble on random messages, lengths and DSTs, including DSTs over 255 bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 1000 }),
        (msg, dst, len) => {
          expect(hex(expandMessageXmd(msg, dst, len))).toBe(hex(expand_message_xmd(msg, dst, len, sha256)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses outputs longer than 255 hash blocks, and empty ones', () => {
    expect(() => expandMessageXmd(new Uint8Array(0), utf8('x'), 255 * 32 + 1)).toThrow(/out of range/);
    expect(() => expandMessageXmd(new Uint8Array(0), utf8('x'), 0)).toThrow(/out of range/);
    expect(expandMessageXmd(new Uint8Array(0), utf8('x'), 255 * 32)).toHaveLength(255 * 32);
  });
});
