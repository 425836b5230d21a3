import type { Address, Hex } from 'viem';

/** One guardian of a set (spec A1). `index` is its position in the set, 0..n-1. */
export type Guardian = {
  index: number;
  /** BLS12-381 G1 public key, 48 bytes compressed. */
  blsPubkey: Hex;
  /** ECDSA address that signs the same roots (EIP-191) for accountability on L1. */
  ecdsa: Address;
  /** ERA staked on L1, in wei. */
  stake: bigint;
};

/** Guardians ordered by index 0..n-1, n <= 1024 (spec A1). */
export type GuardianSet = {
  id: bigint;
  guardians: readonly Guardian[];
};

/** State of one rollup (or the settlement L1) at one block (spec A2). */
export type RollupHead = {
  chainId: bigint;
  blockNumber: bigint;
  blockHash: Hex;
  stateRoot: Hex;
};

/** Position of a leaf in the aggregate tree with its siblings, bottom-up (spec A2). */
export type InclusionProof = {
  index: number;
  siblings: readonly Hex[];
};

/** What the guardians sign each epoch (spec A3). */
export type Checkpoint = {
  networkId: number;
  epoch: bigint;
  timestamp: bigint;
  guardianSetId: bigint;
  aggregateRoot: Hex;
  rollupCount: number;
};

/** A guardian's EIP-191 signature over a signing root, r‖s‖v (65 bytes). */
export type GuardianEcdsaSignature = {
  index: number;
  signature: Hex;
};

/** A checkpoint with the BLS aggregate of its signers (spec A3). */
export type SignedCheckpoint = {
  checkpoint: Checkpoint;
  /** Bitmap of ceil(n/8) bytes; guardian i is bit (i & 7) of byte (i >> 3), LSB first. */
  signers: Hex;
  /** BLS aggregate signature (G2, 96 bytes compressed) over the signing root. */
  signature: Hex;
  ecdsaSignatures?: readonly GuardianEcdsaSignature[];
};

/** Hand-over from set `fromSetId` to `toSet` (spec A4). */
export type GuardianSetUpdate = {
  networkId: number;
  fromSetId: bigint;
  toSet: GuardianSet;
  activationEpoch: bigint;
};

/** A hand-over signed by the FROM set, exactly like a checkpoint (spec A4). */
export type SignedGuardianSetUpdate = {
  update: GuardianSetUpdate;
  signers: Hex;
  signature: Hex;
  ecdsaSignatures?: readonly GuardianEcdsaSignature[];
};

/** The rollup-proof response of the Metalayer API (spec C). */
export type RollupInclusion = {
  head: RollupHead;
  proof: InclusionProof;
};
