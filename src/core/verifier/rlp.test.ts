import fc from 'fast-check';
import { bytesToHex, fromRlp, hexToBytes, toRlp, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeRlp, encodeRlpList, RlpDecodeError, rlpBytesToBigInt, type RlpItem } from './rlp.js';

type Nested = Hex | Nested[];
const toHexTree = (item: RlpItem): Nested => (item instanceof Uint8Array ? bytesToHex(item) : item.map(toHexTree));
const bytes = fc.uint8Array({ maxLength: 80 }).map((u) => bytesToHex(u));
const nested: fc.Arbitrary<Nested> = fc.letrec<{ node: Nested }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, bytes, fc.array(tie('node'), { maxLength: 5 })),
})).node;

describe('decodeRlp', () => {
  it('decodes whatever viem encodes, as viem decodes it', () => {
    fc.assert(
      fc.property(nested, (value) => {
        const encoded = toRlp(value as never);
        expect(toHexTree(decodeRlp(hexToBytes(encoded)))).toEqual(fromRlp(encoded, 'hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects non-canonical and truncated encodings', () => {
    const bad = [
      '0x8105', // single byte < 0x80 wrapped
      '0xb801aa', // long form for a 1-byte string
      '0xb90001' + 'aa', // length with a leading zero
      '0x83aabb', // truncated string
      '0xc2aa', // list overruns
      '0x0102', // trailing bytes
      '0x', // nothing
      '0xf800', // long list form for an empty list
    ];
    for (const hex of bad) expect(() => decodeRlp(hexToBytes(hex as Hex)), hex).toThrow(RlpDecodeError);
  });

  it('reads canonical big-endian integers and refuses a leading zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (n) => {
        const hex = n === 0n ? '0x' : `0x${n.toString(16).padStart(Math.ceil(n.toString(16).length / 2) * 2, '0')}`;
        expect(rlpBytesToBigInt(hexToBytes(hex as Hex))).toBe(n);
      }),
    );
    expect(() => rlpBytesToBigInt(Uint8Array.of(0, 1))).toThrow(RlpDecodeError);
  });
});

describe('encodeRlpList', () => {
  it('equals viem toRlp for lists of byte strings of every header size class', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 24 }), (items) => {
        expect(bytesToHex(encodeRlpList(items))).toBe(toRlp(items.map((i) => bytesToHex(i))));
      }),
    );
    const single = [Uint8Array.of(0x7f), Uint8Array.of(0x80), new Uint8Array(0), new Uint8Array(55), new Uint8Array(56), new Uint8Array(70000)];
    expect(bytesToHex(encodeRlpList(single))).toBe(toRlp(single.map((i) => bytesToHex(i))));
  });
});
