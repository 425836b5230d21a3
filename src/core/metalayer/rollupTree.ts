import type { Hex } from 'viem';
import { abiUint, fixedBytes, joinHex } from '../bytes/abi.js';
import { concatHex as concat } from '../bytes/hex.js';
import { keccak256 } from '../crypto/keccak.js';
import { MetalayerFormatError } from './errors.js';
import type { InclusionProof, RollupHead } from './types.js';

const ZERO32: Hex = `0x${'00'.repeat(32)}`;

/** keccak(abi.encode(uint64 chainId, uint64 blockNumber, bytes32 blockHash, bytes32 stateRoot)) (spec A2). */
export function rollupLeaf(head: RollupHead): Hex {
  return keccak256(joinHex(abiUint(head.chainId, 64), abiUint(head.blockNumber, 64), fixedBytes(head.blockHash, 32), fixedBytes(head.stateRoot, 32)));
}

/** Tree depth for n leaves: max(1, ceil(log2 n)). */
export function aggregateTreeDepth(leafCount: number): number {
  if (!Number.isInteger(leafCount) || leafCount < 1)
    throw new MetalayerFormatError('rollupCount', `expected at least one leaf, got ${leafCount}`);
  let depth = 1;
  while (2 ** depth < leafCount) depth++;
  return depth;
}

export type AggregateTree = {
  root: Hex;
  depth: number;
  /** Heads in tree order (ascending chainId). */
  heads: readonly RollupHead[];
  leaves: readonly Hex[];
  /** Inclusion proof of the head of `chainId`; throws if that chain has no leaf. */
  proofOf(chainId: bigint | number): InclusionProof;
};

/** Builds the aggregate tree of spec A2: leaves by ascending chainId, zero padding to 2^depth. */
export function buildAggregateTree(heads: readonly RollupHead[]): AggregateTree {
  const sorted = [...heads].sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.chainId === sorted[i - 1]!.chainId)
      throw new MetalayerFormatError('heads', `chainId ${sorted[i]!.chainId} appears more than once`);
  const depth = aggregateTreeDepth(sorted.length);
  const leaves = sorted.map(rollupLeaf);
  // levels[0] is the padded leaf row; levels[depth] is [root].
  const levels: Hex[][] = [[...leaves, ...Array<Hex>(2 ** depth - leaves.length).fill(ZERO32)]];
  for (let d = 0; d < depth; d++) {
    const row = levels[d]!;
    const up: Hex[] = [];
    for (let i = 0; i < row.length; i += 2) up.push(keccak256(concat([row[i]!, row[i + 1]!])));
    levels.push(up);
  }
  return {
    root: levels[depth]![0]!,
    depth,
    heads: sorted,
    leaves,
    proofOf(chainId) {
      const index = sorted.findIndex((h) => h.chainId === BigInt(chainId));
      if (index < 0) throw new MetalayerFormatError('chainId', `no leaf for chain ${chainId}`);
      const siblings = levels.slice(0, depth).map((row, d) => row[(index >> d) ^ 1]!);
      return { index, siblings };
    },
  };
}

/** Folds a leaf up its proof: at level i the node is the right child iff bit i of index is 1 (spec A2). */
export function aggregateRootFromProof(leaf: Hex, proof: InclusionProof): Hex {
  const depth = proof.siblings.length;
  if (depth < 1 || depth > 32) throw new MetalayerFormatError('proof.siblings', `bad depth ${depth}`);
  if (!Number.isInteger(proof.index) || proof.index < 0 || proof.index >= 2 ** depth)
    throw new MetalayerFormatError('proof.index', `index ${proof.index} outside a tree of depth ${depth}`);
  let node = leaf;
  proof.siblings.forEach((sibling, i) => {
    if (!/^0x[0-9a-fA-F]{64}$/.test(sibling)) throw new MetalayerFormatError(`proof.siblings[${i}]`, 'expected 32 bytes');
    node = Math.floor(proof.index / 2 ** i) % 2 === 1 ? keccak256(concat([sibling, node])) : keccak256(concat([node, sibling]));
  });
  return node;
}
