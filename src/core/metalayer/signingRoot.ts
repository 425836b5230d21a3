import { encodePacked, keccak256, type Hex } from 'viem';
import { guardianSetHash } from './guardianSet.js';
import type { Checkpoint, GuardianSetUpdate } from './types.js';

export const CHECKPOINT_DOMAIN = 'METALAYER/CHECKPOINT/v1';
export const GUARDIAN_SET_DOMAIN = 'METALAYER/GUARDIAN_SET/v1';

/** keccak(abi.encodePacked("METALAYER/CHECKPOINT/v1", networkId, epoch, timestamp, guardianSetId, aggregateRoot, rollupCount)) (spec A3). */
export function checkpointSigningRoot(cp: Checkpoint): Hex {
  return keccak256(
    encodePacked(
      ['string', 'uint32', 'uint64', 'uint64', 'uint64', 'bytes32', 'uint32'],
      [CHECKPOINT_DOMAIN, cp.networkId, cp.epoch, cp.timestamp, cp.guardianSetId, cp.aggregateRoot, cp.rollupCount],
    ),
  );
}

/** keccak(abi.encodePacked("METALAYER/GUARDIAN_SET/v1", networkId, fromSetId, guardianSetHash(toSet), activationEpoch)) (spec A4). */
export function guardianSetUpdateSigningRoot(u: GuardianSetUpdate): Hex {
  return keccak256(
    encodePacked(
      ['string', 'uint32', 'uint64', 'bytes32', 'uint64'],
      [GUARDIAN_SET_DOMAIN, u.networkId, u.fromSetId, guardianSetHash(u.toSet), u.activationEpoch],
    ),
  );
}
