import type { Address, Hex } from 'viem';
import {
  checkpointSigningRoot,
  guardianEcdsaDigest,
  meetsStakeThreshold,
  recoverEcdsaSigner,
  totalStake,
  type Checkpoint,
  type GuardianSet,
  type SignedCheckpoint,
} from '../metalayer/index.js';
import { verifyGuardianQuorum } from './bls.js';
import type { CheckpointHistory } from './equivocation.js';
import { CheckpointSignatureError, MalformedInputError, NetworkMismatchError, RollbackError, StakeThresholdError } from './errors.js';
import type { GuardianSetRegistry } from './guardianSetRegistry.js';

export type VerifySignedCheckpointOptions = {
  /** The accepted guardian sets of the checkpoint's network. */
  registry: GuardianSetRegistry;
  /** Refuse checkpoints of an older epoch (the wallet's finalized view): no silent rollback. */
  minEpoch?: bigint;
  /** When given, the checkpoint is recorded there and refused if it conflicts with one already seen (A5). */
  history?: CheckpointHistory;
};

/** A checkpoint whose signature, set and stake were checked; the only kind proofs may be chained to. */
export type VerifiedCheckpoint = {
  checkpoint: Checkpoint;
  signingRoot: Hex;
  guardianSetHash: Hex;
  guardianSet: GuardianSet;
  /** Indices of the guardians that signed, ascending. */
  signers: readonly number[];
  signedStake: bigint;
  totalStake: bigint;
  via: 'bls' | 'ecdsa';
  signed: SignedCheckpoint;
};

function checkHeader(signed: SignedCheckpoint, options: VerifySignedCheckpointOptions) {
  const cp = signed.checkpoint;
  if (cp.networkId !== options.registry.networkId)
    throw new NetworkMismatchError(`Checkpoint is for network ${cp.networkId}, the wallet pins ${options.registry.networkId}.`);
  if (options.minEpoch !== undefined && cp.epoch < options.minEpoch)
    throw new RollbackError(`Epoch ${cp.epoch} is older than the finalized epoch ${options.minEpoch}.`);
  if (cp.rollupCount < 1) throw new MalformedInputError('A checkpoint must cover at least one chain.');
  return options.registry.require(cp.guardianSetId, cp.epoch);
}

/**
 * Verifies a SignedCheckpoint by its BLS aggregate (spec A3): network, accepted set active at
 * the epoch, no rollback below `minEpoch`, signer bitmap, ≥ 2/3 stake, one pairing check.
 */
export function verifySignedCheckpoint(signed: SignedCheckpoint, options: VerifySignedCheckpointOptions): VerifiedCheckpoint {
  const accepted = checkHeader(signed, options);
  const signingRoot = checkpointSigningRoot(signed.checkpoint);
  const quorum = verifyGuardianQuorum(accepted.set, signed.signers, signingRoot, signed.signature);
  const verified: VerifiedCheckpoint = {
    checkpoint: signed.checkpoint,
    signingRoot,
    guardianSetHash: accepted.hash,
    guardianSet: accepted.set,
    ...quorum,
    via: 'bls',
    signed,
  };
  options.history?.record(verified);
  return verified;
}

/** ⌈2n/3⌉: the ECDSA fallback's guardian count threshold. */
export function ecdsaThreshold(n: number): number {
  return Math.ceil((2 * n) / 3);
}

/**
 * Fallback path: verifies the guardians' EIP-191 signatures instead of the BLS aggregate. Needs
 * ⌈2n/3⌉ distinct guardians whose signatures recover to their registered address, and (fail
 * closed with uneven stakes) ≥ 2/3 of the stake. Stops recovering once both hold.
 */
export function verifySignedCheckpointEcdsa(signed: SignedCheckpoint, options: VerifySignedCheckpointOptions): VerifiedCheckpoint {
  const accepted = checkHeader(signed, options);
  const { set } = accepted;
  const n = set.guardians.length;
  const needed = ecdsaThreshold(n);
  const total = totalStake(set);
  const signingRoot = checkpointSigningRoot(signed.checkpoint);
  const digest = guardianEcdsaDigest(signingRoot);
  const seen = new Set<number>();
  let signedStake = 0n;
  for (const { index, signature } of signed.ecdsaSignatures ?? []) {
    if (seen.size >= needed && meetsStakeThreshold(signedStake, total)) break;
    const guardian = set.guardians[index];
    if (!guardian) throw new CheckpointSignatureError(`ECDSA signature for guardian ${index}, outside the set of ${n}.`);
    if (seen.has(index)) throw new CheckpointSignatureError(`Guardian ${index} has two ECDSA signatures.`);
    const signer: Address | null = recoverEcdsaSigner(digest, signature);
    if (signer !== guardian.ecdsa) throw new CheckpointSignatureError(`ECDSA signature of guardian ${index} does not recover to ${guardian.ecdsa}.`);
    seen.add(index);
    signedStake += guardian.stake;
  }
  if (seen.size < needed) throw new StakeThresholdError(`${seen.size} valid ECDSA signatures; ${needed} of ${n} are required.`);
  if (!meetsStakeThreshold(signedStake, total))
    throw new StakeThresholdError(`ECDSA signers hold ${signedStake} of ${total} stake; 2/3 is required.`);
  const verified: VerifiedCheckpoint = {
    checkpoint: signed.checkpoint,
    signingRoot,
    guardianSetHash: accepted.hash,
    guardianSet: accepted.set,
    signers: [...seen].sort((a, b) => a - b),
    signedStake,
    totalStake: total,
    via: 'ecdsa',
    signed,
  };
  options.history?.record(verified);
  return verified;
}
