import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildAggregateTree, inclusionProofFromJson, rollupHeadFromJson, type RollupHead } from '../metalayer/index.js';
import { InclusionProofError } from './errors.js';
import { verifyRollupInclusion } from './merkle.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('../metalayer/vectors/part-a.json', import.meta.url), 'utf8'));
const heads: RollupHead[] = v.heads.map((h: unknown) => rollupHeadFromJson(h));
const proofs = v.proofs.map((p: unknown) => inclusionProofFromJson(p));
const flipByte = (hex: Hex, at: number, xor: number): Hex => {
  const i = 2 + 2 * (at % ((hex.length - 2) / 2));
  return `${hex.slice(0, i)}${(parseInt(hex.slice(i, i + 2), 16) ^ xor).toString(16).padStart(2, '0')}${hex.slice(i + 2)}` as Hex;
};

describe('verifyRollupInclusion (A2)', () => {
  it('accepts every vector head under the vector root, with and without rollupCount', () => {
    heads.forEach((h, i) => {
      verifyRollupInclusion(h, proofs[i], v.aggregateRoot);
      verifyRollupInclusion(h, proofs[i], v.aggregateRoot, { rollupCount: 3 });
    });
  });

  it('refuses a head under another index, the zero padding leaf, and a wrong depth', () => {
    expect(() => verifyRollupInclusion(heads[0]!, proofs[1], v.aggregateRoot)).toThrow(InclusionProofError);
    expect(() => verifyRollupInclusion(heads[2]!, { ...proofs[2], index: 3 }, v.aggregateRoot, { rollupCount: 3 })).toThrow(/not below rollupCount/);
    expect(() => verifyRollupInclusion(heads[0]!, { index: 0, siblings: [...proofs[0].siblings, proofs[0].siblings[0]] }, v.aggregateRoot, { rollupCount: 3 })).toThrow(
      /depth/,
    );
    expect(() => verifyRollupInclusion(heads[0]!, { index: 4, siblings: proofs[0].siblings }, v.aggregateRoot)).toThrow(InclusionProofError);
    expect(() => verifyRollupInclusion(heads[0]!, { index: 0, siblings: ['0x12'] }, v.aggregateRoot)).toThrow(InclusionProofError);
  });

  it('property: flipping any byte of a sibling or of the head makes inclusion fail', () => {
    fc.assert(
      fc.property(fc.nat(2), fc.nat(1), fc.nat(31), fc.integer({ min: 1, max: 255 }), (leaf, level, at, xor) => {
        const siblings = [...proofs[leaf].siblings];
        siblings[level] = flipByte(siblings[level], at, xor);
        expect(() => verifyRollupInclusion(heads[leaf]!, { index: leaf, siblings }, v.aggregateRoot)).toThrow(InclusionProofError);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.nat(2), fc.constantFrom('blockHash', 'stateRoot', 'chainId', 'blockNumber'), fc.nat(31), fc.integer({ min: 1, max: 255 }), (leaf, field, at, xor) => {
        const h = { ...heads[leaf]! };
        if (field === 'blockHash' || field === 'stateRoot') h[field] = flipByte(h[field], at, xor);
        else h[field] = h[field] ^ (BigInt(xor) << BigInt(8 * (at % 8)));
        expect(() => verifyRollupInclusion(h, proofs[leaf], v.aggregateRoot)).toThrow(InclusionProofError);
      }),
      { numRuns: 100 },
    );
  });

  it('property: every head of a random tree verifies under its root', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), { minLength: 1, maxLength: 20 }), (chainIds) => {
        const hs = chainIds.map((chainId) => ({ ...heads[0]!, chainId }));
        const tree = buildAggregateTree(hs);
        for (const h of hs) verifyRollupInclusion(h, tree.proofOf(h.chainId), tree.root, { rollupCount: hs.length });
      }),
      { numRuns: 25 },
    );
  });
});
