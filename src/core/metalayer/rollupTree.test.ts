import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetalayerFormatError } from './errors.js';
import { rollupHeadFromJson } from './json.js';
import { aggregateRootFromProof, buildAggregateTree, rollupLeaf } from './rollupTree.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('./vectors/part-a.json', import.meta.url), 'utf8'));

describe('aggregate tree', () => {
  const head = (chainId: bigint) => rollupHeadFromJson({ ...v.heads[0], chainId: `0x${chainId.toString(16)}` });

  it('one leaf has depth 1 and a zero sibling; five leaves have depth 3', () => {
    const one = buildAggregateTree([head(1n)]);
    expect(one.depth).toBe(1);
    expect(aggregateRootFromProof(one.leaves[0]!, one.proofOf(1n))).toBe(one.root);
    const five = buildAggregateTree([5n, 1n, 3n, 2n, 4n].map(head));
    expect(five.depth).toBe(3);
    expect(five.heads.map((h) => h.chainId)).toEqual([1n, 2n, 3n, 4n, 5n]);
    for (let c = 1n; c <= 5n; c++) expect(aggregateRootFromProof(rollupLeaf(head(c)), five.proofOf(c))).toBe(five.root);
  });

  it('refuses duplicate chains, no heads, and proofs whose index exceeds the depth', () => {
    expect(() => buildAggregateTree([head(1n), head(1n)])).toThrow(MetalayerFormatError);
    expect(() => buildAggregateTree([])).toThrow(MetalayerFormatError);
    const t = buildAggregateTree([head(1n), head(2n)]);
    expect(() => aggregateRootFromProof(t.leaves[0]!, { index: 2, siblings: t.proofOf(1n).siblings })).toThrow(MetalayerFormatError);
    expect(() => t.proofOf(3n)).toThrow(MetalayerFormatError);
  });
});
