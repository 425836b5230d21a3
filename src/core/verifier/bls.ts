import type { Hex } from 'viem';
import { hexToBytes } from '../bytes/hex.js';
import { decodeG1, decodeG2, G1_ZERO, g1Add, g1IsZero, g1Negate, hashToG2, verifySignature, type G1Point } from '../crypto/bls12381/index.js';
import { decodeSignerBitmap, meetsStakeThreshold, totalStake, type GuardianSet } from '../metalayer/index.js';
import { BLS_DST } from '../metalayer/signingRoot.js';
import { CheckpointSignatureError, GuardianSetUpdateError, SignerBitmapError, StakeThresholdError } from './errors.js';

// Decompressing and subgroup-checking a G1 key is the expensive part of aggregation: do it once per set.
const keyCache = new WeakMap<GuardianSet, readonly G1Point[]>();

/**
 * The set's BLS keys as validated G1 points, decompressed once per GuardianSet object.
 * Throws GuardianSetUpdateError on an invalid or infinity key: such a set is never accepted.
 */
export function guardianPublicKeys(set: GuardianSet): readonly G1Point[] {
  let keys = keyCache.get(set);
  if (keys) return keys;
  keys = set.guardians.map((g) => {
    let point: G1Point;
    try {
      point = decodeG1(hexToBytes(g.blsPubkey)); // on the curve and in the prime-order subgroup
    } catch (cause) {
      throw new GuardianSetUpdateError(`Guardian ${g.index} has an invalid BLS public key.`, { cause });
    }
    if (g1IsZero(point)) throw new GuardianSetUpdateError(`Guardian ${g.index} has the infinity BLS public key.`);
    return point;
  });
  keyCache.set(set, keys);
  return keys;
}

type AggregateCache = { all: G1Point; bySigners: Map<string, G1Point> };
const aggregateCache = new WeakMap<GuardianSet, AggregateCache>();
const AGGREGATES_PER_SET = 16;

/**
 * Sum of the signers' G1 keys in projective form. Consecutive checkpoints usually have the same
 * signers, so sums are cached per set by signer list; a large quorum is computed as the whole
 * set's sum minus the few non-signers.
 */
export function aggregatePublicKey(set: GuardianSet, signers: readonly number[]): G1Point {
  const keys = guardianPublicKeys(set);
  let cache = aggregateCache.get(set);
  if (!cache) {
    cache = { all: keys.reduce(g1Add, G1_ZERO), bySigners: new Map() };
    aggregateCache.set(set, cache);
  }
  const id = signers.join(',');
  const hit = cache.bySigners.get(id);
  if (hit) return hit;
  const included = new Uint8Array(keys.length);
  for (const i of signers) {
    if (!Number.isInteger(i) || i < 0 || i >= keys.length || included[i])
      throw new CheckpointSignatureError(`Signer ${i} is not a distinct member of guardian set ${set.id}.`);
    included[i] = 1;
  }
  let aggregate = G1_ZERO;
  if (signers.length * 2 > keys.length) {
    aggregate = cache.all;
    for (let i = 0; i < keys.length; i++) if (!included[i]) aggregate = g1Add(aggregate, g1Negate(keys[i]!));
  } else {
    for (const i of signers) aggregate = g1Add(aggregate, keys[i]!);
  }
  if (cache.bySigners.size >= AGGREGATES_PER_SET) cache.bySigners.delete(cache.bySigners.keys().next().value!);
  cache.bySigners.set(id, aggregate);
  return aggregate;
}

/**
 * Verifies a BLS aggregate over `signingRoot` by the guardians `signers` of `set`: adds their
 * cached G1 keys in projective form and does one pairing check. Throws CheckpointSignatureError.
 */
export function verifyBlsAggregate(set: GuardianSet, signers: readonly number[], signingRoot: Hex, signature: Hex): void {
  if (signers.length === 0) throw new CheckpointSignatureError('No signer.');
  const aggregate = aggregatePublicKey(set, signers);
  if (g1IsZero(aggregate)) throw new CheckpointSignatureError('The signers\u2019 keys sum to infinity.');
  let sig;
  try {
    sig = decodeG2(hexToBytes(signature)); // on the twist and in the prime-order subgroup
  } catch (cause) {
    throw new CheckpointSignatureError('The aggregate signature is not a valid G2 point.', { cause });
  }
  let valid = false;
  try {
    valid = verifySignature(aggregate, hashToG2(hexToBytes(signingRoot), BLS_DST), sig);
  } catch (cause) {
    throw new CheckpointSignatureError('The aggregate signature could not be checked.', { cause });
  }
  if (!valid) throw new CheckpointSignatureError(`The aggregate signature of ${signers.length} guardians does not verify.`);
}

/** Who signed and with how much stake. */
export type GuardianQuorum = {
  signers: number[];
  signedStake: bigint;
  totalStake: bigint;
};

/**
 * The spec's rule for anything signed by a guardian set (A3, A4): a well-formed bitmap, signers'
 * stake × 3 ≥ total × 2, and the BLS aggregate over `signingRoot` verifying against their keys.
 */
export function verifyGuardianQuorum(set: GuardianSet, signersBitmap: Hex, signingRoot: Hex, signature: Hex): GuardianQuorum {
  let signers: number[];
  try {
    signers = decodeSignerBitmap(signersBitmap, set.guardians.length);
  } catch (cause) {
    throw new SignerBitmapError(cause instanceof Error ? cause.message : 'Malformed bitmap.', { cause });
  }
  if (signers.length === 0) throw new SignerBitmapError('No guardian signed.');
  const total = totalStake(set);
  const signedStake = signers.reduce((sum, i) => sum + set.guardians[i]!.stake, 0n);
  if (!meetsStakeThreshold(signedStake, total))
    throw new StakeThresholdError(`Signers hold ${signedStake} of ${total} stake; 2/3 is required.`);
  verifyBlsAggregate(set, signers, signingRoot, signature);
  return { signers, signedStake, totalStake: total };
}
