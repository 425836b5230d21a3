import fc from 'fast-check';
import { bytesToHex, encodeAbiParameters, getAddress, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { guardianSetHash } from './guardianSet.js';
import type { GuardianSet } from './types.js';

const guardian = fc.record({
  blsPubkey: fc.uint8Array({ minLength: 48, maxLength: 48 }).map((b) => bytesToHex(b)),
  ecdsa: fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(bytesToHex(b))),
  stake: fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
});

describe('guardianSetHash', () => {
  it('is keccak(abi.encode(uint64 id, (bytes, address, uint256)[])) exactly as viem encodes it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.array(guardian, { minLength: 1, maxLength: 6 }), (id, gs) => {
        const set: GuardianSet = { id, guardians: gs.map((g, index) => ({ index, ...g })) };
        const reference = keccak256(
          encodeAbiParameters(
            [{ type: 'uint64' }, { type: 'tuple[]', components: [{ type: 'bytes' }, { type: 'address' }, { type: 'uint256' }] }],
            [id, gs.map((g) => [g.blsPubkey, g.ecdsa, g.stake] as const)],
          ),
        );
        expect(guardianSetHash(set)).toBe(reference);
      }),
      { numRuns: 50 },
    );
  });
});
