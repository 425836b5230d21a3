import { keccak_256 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { bytesToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { keccak256Bytes, keccak256Equals } from './keccak.js';

describe('keccak256Bytes', () => {
  it('matches known vectors', () => {
    expect(bytesToHex(keccak256Bytes(new Uint8Array(0)))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(bytesToHex(keccak256Bytes(Uint8Array.of(0x80)))).toBe('0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421');
  });

  it('equals @noble/hashes keccak_256 at every length around the block boundaries', () => {
    for (let len = 0; len <= 600; len++) {
      const data = Uint8Array.from({ length: len }, (_, i) => (i * 131 + len) & 0xff);
      expect(bytesToHex(keccak256Bytes(data)), `length ${len}`).toBe(bytesToHex(keccak_256(data)));
    }
  });

  it('equals @noble/hashes keccak_256 on random inputs, and keccak256Equals agrees', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(40), (data, at) => {
        const digest = keccak_256(data);
        expect(keccak256Bytes(data)).toEqual(digest);
        const ref = new Uint8Array(at + 32);
        ref.set(digest, at);
        expect(keccak256Equals(data, ref, at)).toBe(true);
        ref[at + (data.length % 32)]! ^= 1;
        expect(keccak256Equals(data, ref, at)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
