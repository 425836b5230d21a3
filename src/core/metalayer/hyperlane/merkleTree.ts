import type { Hex } from 'viem';
import { concatHex as concat } from '../../bytes/hex.js';
import { keccak256 } from '../../crypto/keccak.js';
import { MetalayerFormatError } from '../errors.js';

/** Depth of Hyperlane's MerkleTreeHook tree (Merkle.sol TREE_DEPTH). */
export const TREE_DEPTH = 32;
const MAX_LEAVES = 2 ** TREE_DEPTH - 1;

/** Z0 = 0, Z(i+1) = keccak(Zi ‖ Zi). */
export const ZERO_HASHES: readonly Hex[] = (() => {
  const zs: Hex[] = [`0x${'00'.repeat(32)}`];
  for (let i = 1; i < TREE_DEPTH; i++) zs.push(keccak256(concat([zs[i - 1]!, zs[i - 1]!])));
  return zs;
})();

// Arithmetic, not `^ 1`: positions may exceed 2^31 where JS bitwise ops wrap.
const siblingPosition = (p: number) => (p % 2 === 0 ? p + 1 : p - 1);
const isBytes32 = (h: string) => /^0x[0-9a-fA-F]{64}$/.test(h);

/** Root of `leaf` at `index` given its 32 siblings, as Merkle.sol branchRoot. */
export function branchRoot(leaf: Hex, branch: readonly Hex[], index: number): Hex {
  if (branch.length !== TREE_DEPTH) throw new MetalayerFormatError('branch', `expected ${TREE_DEPTH} siblings, got ${branch.length}`);
  if (!Number.isInteger(index) || index < 0 || index > MAX_LEAVES) throw new MetalayerFormatError('index', 'does not fit uint32');
  if (!isBytes32(leaf)) throw new MetalayerFormatError('leaf', 'expected 32 bytes');
  let current = leaf;
  for (let i = 0; i < TREE_DEPTH; i++) {
    const next = branch[i]!;
    if (!isBytes32(next)) throw new MetalayerFormatError(`branch[${i}]`, 'expected 32 bytes');
    current = Math.floor(index / 2 ** i) % 2 === 1 ? keccak256(concat([next, current])) : keccak256(concat([current, next]));
  }
  return current;
}

/**
 * Hyperlane's incremental Merkle tree (Merkle.sol): `branch` and `count` evolve exactly as on
 * chain; every level is also kept so proofs for any inserted index cost 32 lookups.
 */
export class IncrementalMerkleTree {
  /** Merkle.sol's `branch`: the latest left node at each level. */
  readonly branch: Hex[] = [...ZERO_HASHES];
  private readonly levels: Hex[][] = Array.from({ length: TREE_DEPTH }, () => []);

  get count(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf; returns its index (Merkle.sol insert). */
  insert(leaf: Hex): number {
    if (!isBytes32(leaf)) throw new MetalayerFormatError('leaf', 'expected 32 bytes');
    if (this.count >= MAX_LEAVES) throw new MetalayerFormatError('tree', 'merkle tree full');
    const index = this.count;
    let node = leaf.toLowerCase() as Hex;
    let size = index + 1;
    let placed = false;
    for (let i = 0; i < TREE_DEPTH; i++) {
      if (!placed && (size & 1) === 1) {
        this.branch[i] = node;
        placed = true;
      }
      if (!placed) {
        node = keccak256(concat([this.branch[i]!, node]));
        size = Math.floor(size / 2);
      }
    }
    // Keep every level for proofs: recompute the path of the new leaf.
    let pos = index;
    let cur = leaf.toLowerCase() as Hex;
    for (let i = 0; i < TREE_DEPTH; i++) {
      this.levels[i]![pos] = cur;
      if (i === TREE_DEPTH - 1) break;
      const sibling = this.levels[i]![siblingPosition(pos)] ?? ZERO_HASHES[i]!;
      cur = pos % 2 === 1 ? keccak256(concat([sibling, cur])) : keccak256(concat([cur, sibling]));
      pos = Math.floor(pos / 2);
    }
    return index;
  }

  /** Merkle.sol root(): folds `branch` with the zero hashes according to `count`. */
  root(): Hex {
    let current: Hex = ZERO_HASHES[0]!;
    const count = this.count;
    for (let i = 0; i < TREE_DEPTH; i++) {
      current =
        Math.floor(count / 2 ** i) % 2 === 1
          ? keccak256(concat([this.branch[i]!, current]))
          : keccak256(concat([current, ZERO_HASHES[i]!]));
    }
    return current;
  }

  /** The 32 siblings of leaf `index` in the current tree (for branchRoot / MerkleRootMultisig metadata). */
  proof(index: number): Hex[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.count)
      throw new MetalayerFormatError('index', `no leaf ${index} in a tree of ${this.count}`);
    const siblings: Hex[] = [];
    for (let i = 0; i < TREE_DEPTH; i++) {
      siblings.push(this.levels[i]![siblingPosition(Math.floor(index / 2 ** i))] ?? ZERO_HASHES[i]!);
    }
    return siblings;
  }

  /** The leaf at `index`. */
  leaf(index: number): Hex {
    const leaf = this.levels[0]![index];
    if (leaf === undefined) throw new MetalayerFormatError('index', `no leaf ${index}`);
    return leaf;
  }
}
