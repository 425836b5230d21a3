import type { Hex } from 'viem';
import { fixedBytes, joinHex } from '../bytes/abi.js';
import { uintDigits, utf8Digits } from '../bytes/hex.js';
import { keccak256 } from '../crypto/keccak.js';
import { guardianSetHash } from './guardianSet.js';
import type { Checkpoint, GuardianSetUpdate } from './types.js';

export const CHECKPOINT_DOMAIN = 'METALAYER/CHECKPOINT/v1';
export const GUARDIAN_SET_DOMAIN = 'METALAYER/GUARDIAN_SET/v1';
/** Hash-to-curve DST of spec A1 (Ethereum consensus, proof-of-possession scheme). */
export const BLS_DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';

/** keccak(abi.encodePacked("METALAYER/CHECKPOINT/v1", networkId, epoch, timestamp, guardianSetId, aggregateRoot, rollupCount)) (spec A3). */
export function checkpointSigningRoot(cp: Checkpoint): Hex {
  return keccak256(
    joinHex(utf8Digits(CHECKPOINT_DOMAIN), uintDigits(cp.networkId, 4), uintDigits(cp.epoch, 8), uintDigits(cp.timestamp, 8), uintDigits(cp.guardianSetId, 8), fixedBytes(cp.aggregateRoot, 32), uintDigits(cp.rollupCount, 4)),
  );
}

/** keccak(abi.encodePacked("METALAYER/GUARDIAN_SET/v1", networkId, fromSetId, guardianSetHash(toSet), activationEpoch)) (spec A4). */
export function guardianSetUpdateSigningRoot(u: GuardianSetUpdate): Hex {
  return keccak256(
    joinHex(utf8Digits(GUARDIAN_SET_DOMAIN), uintDigits(u.networkId, 4), uintDigits(u.fromSetId, 8), guardianSetHash(u.toSet).slice(2), uintDigits(u.activationEpoch, 8)),
  );
}
