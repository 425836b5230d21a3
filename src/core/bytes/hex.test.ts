import fc from 'fast-check';
import * as viem from 'viem';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatHex, hexSize, hexToBytes, hexToNumber, HexEncodingError, isHex, isHexBytes, numberToHex, sliceHex, uintDigits, utf8Digits } from './hex.js';

const hexBytes = fc.uint8Array({ maxLength: 100 }).map((b) => viem.bytesToHex(b));

describe('hex', () => {
  it('round-trips bytes like viem, in any case and with odd digit counts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const hex = bytesToHex(bytes);
        expect(hex).toBe(viem.bytesToHex(bytes));
        expect(hexToBytes(hex)).toEqual(bytes);
        expect(hexToBytes(hex.toUpperCase().replace('0X', '0x'))).toEqual(bytes);
      }),
    );
    expect(hexToBytes('0xabc')).toEqual(viem.hexToBytes('0xabc'));
  });

  it('refuses what is not hex', () => {
    for (const bad of ['', '0x0g', 'abcd', '0X00', ' 0x00', '0x00 ']) {
      expect(isHex(bad)).toBe(false);
      expect(() => hexToBytes(bad)).toThrow(HexEncodingError);
    }
    expect(isHexBytes('0x123')).toBe(false);
    expect(isHexBytes('0x1234', 2)).toBe(true);
    expect(isHexBytes('0x1234', 3)).toBe(false);
  });

  it('slices, sizes and concatenates like viem', () => {
    fc.assert(
      fc.property(hexBytes, hexBytes, fc.nat(100), fc.nat(100), (a, b, i, j) => {
        expect(concatHex([a, b])).toBe(viem.concat([a, b]));
        expect(hexSize(a)).toBe(viem.size(a));
        const [start, end] = [Math.min(i, j), Math.max(i, j)];
        // An empty range is '0x' (viem refuses a start at the end even then).
        if (end > hexSize(a)) expect(() => sliceHex(a, start, end)).toThrow(HexEncodingError);
        else if (start === end) expect(sliceHex(a, start, end)).toBe('0x');
        else expect(sliceHex(a, start, end)).toBe(viem.slice(a, start, end, { strict: true }));
      }),
    );
  });

  it('encodes unsigned integers in fixed widths and refuses what does not fit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.integer({ min: 1, max: 32 }), (n, bytes) => {
        if (n < 1n << BigInt(8 * bytes)) expect(`0x${uintDigits(n, bytes)}`).toBe(viem.numberToHex(n, { size: bytes }));
        else expect(() => uintDigits(n, bytes)).toThrow(HexEncodingError);
      }),
    );
    expect(() => uintDigits(-1, 4)).toThrow(HexEncodingError);
    expect(() => uintDigits(1.5, 4)).toThrow(HexEncodingError);
    expect(numberToHex(0)).toBe('0x0');
    expect(numberToHex(255n)).toBe('0xff');
    expect(() => numberToHex(-1)).toThrow(HexEncodingError);
    expect(hexToNumber('0x')).toBe(0);
    expect(hexToNumber('0x0100')).toBe(256);
    expect(() => hexToNumber('0x20000000000000')).toThrow(HexEncodingError);
    expect(utf8Digits('HYPERLANE')).toBe(viem.stringToHex('HYPERLANE').slice(2));
    expect(utf8Digits('€')).toBe('e282ac');
  });
});
