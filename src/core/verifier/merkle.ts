import type { Hex } from 'viem';
import {
  aggregateRootFromProof,
  aggregateTreeDepth,
  MetalayerFormatError,
  rollupLeaf,
  type InclusionProof,
  type RollupHead,
} from '../metalayer/index.js';
import { InclusionProofError } from './errors.js';

export type VerifyRollupInclusionOptions = {
  /** The checkpoint's rollupCount: when given, the proof must have exactly its depth and an index below it. */
  rollupCount?: number;
};

/** Checks that `head` is a leaf of the aggregate tree whose root is `aggregateRoot` (spec A2); throws InclusionProofError. */
export function verifyRollupInclusion(
  head: RollupHead,
  proof: InclusionProof,
  aggregateRoot: Hex,
  options: VerifyRollupInclusionOptions = {},
): void {
  const { rollupCount } = options;
  if (rollupCount !== undefined) {
    let depth: number;
    try {
      depth = aggregateTreeDepth(rollupCount);
    } catch (cause) {
      throw new InclusionProofError(`rollupCount ${rollupCount} is not a tree size.`, { cause });
    }
    if (proof.siblings.length !== depth)
      throw new InclusionProofError(`Proof has ${proof.siblings.length} siblings, the tree of ${rollupCount} has depth ${depth}.`);
    // Indices in the zero padding would "prove" a zero leaf: refuse them.
    if (proof.index >= rollupCount) throw new InclusionProofError(`Index ${proof.index} is not below rollupCount ${rollupCount}.`);
  }
  let root: Hex;
  try {
    root = aggregateRootFromProof(rollupLeaf(head), proof);
  } catch (cause) {
    const details = cause instanceof MetalayerFormatError ? cause.message : 'Malformed head or proof.';
    throw new InclusionProofError(details, { cause });
  }
  if (root.toLowerCase() !== aggregateRoot.toLowerCase())
    throw new InclusionProofError(`Chain ${head.chainId} at block ${head.blockNumber} folds to ${root}, not ${aggregateRoot}.`);
}
