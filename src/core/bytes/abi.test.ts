import fc from 'fast-check';
import { bytesToHex, encodeAbiParameters, encodePacked, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { abiAddress, abiBytesTail, abiUint, fixedBytes, joinHex } from './abi.js';
import { HexEncodingError } from './hex.js';

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(bytesToHex(b)));
const bytes = fc.uint8Array({ maxLength: 130 }).map((b) => bytesToHex(b));
const uint256 = fc.bigInt({ min: 0n, max: (1n << 256n) - 1n });

describe('abi words', () => {
  it('abi.encode of static words and a dynamic bytes tail equals viem', () => {
    fc.assert(
      fc.property(address, uint256, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), bytes, (a, n, small, b) => {
        expect(joinHex(abiAddress(a), abiUint(n), abiUint(small, 64))).toBe(
          encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'uint64' }], [a, n, small]),
        );
        // A lone dynamic `bytes` is its offset word (0x20) and then its tail.
        expect(joinHex(abiUint(32), abiBytesTail(b))).toBe(encodeAbiParameters([{ type: 'bytes' }], [b]));
      }),
    );
  });

  it('packed fixed bytes equal viem encodePacked, and wrong lengths are refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), address, (b, a) => {
        const h = bytesToHex(b);
        expect(joinHex(fixedBytes(h, 32), fixedBytes(a, 20))).toBe(encodePacked(['bytes32', 'address'], [h, a]).toLowerCase());
      }),
    );
    expect(() => fixedBytes('0x1234', 32)).toThrow(HexEncodingError);
    expect(() => abiAddress('0x1234')).toThrow(HexEncodingError);
    expect(() => abiUint(1n << 64n, 64)).toThrow(HexEncodingError);
    expect(() => abiBytesTail('0x123' as `0x${string}`)).toThrow(HexEncodingError);
  });
});
