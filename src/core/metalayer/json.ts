import type { Address, Hex } from 'viem';
import { MetalayerFormatError } from './errors.js';
import { assertGuardianSet, MAX_GUARDIANS } from './guardianSet.js';
import { hexInt, readAddress, readArray, readBigUint, readBytes, readObject, readUint } from './jsonFields.js';
import type {
  Checkpoint,
  Guardian,
  GuardianEcdsaSignature,
  GuardianSet,
  GuardianSetUpdate,
  InclusionProof,
  RollupHead,
  RollupInclusion,
  SignedCheckpoint,
  SignedGuardianSetUpdate,
} from './types.js';

// JSON shapes of the spec: ints as 0x-hex strings, bytes as 0x-hex, addresses EIP-55 on output.
// Decoders validate everything and throw MetalayerFormatError; unknown extra fields are ignored.

export type GuardianJson = { index: Hex; blsPubkey: Hex; ecdsa: Address; stake: Hex };
export type GuardianSetJson = { id: Hex; guardians: GuardianJson[] };
export type RollupHeadJson = { chainId: Hex; blockNumber: Hex; blockHash: Hex; stateRoot: Hex };
export type InclusionProofJson = { index: Hex; siblings: Hex[] };
export type RollupInclusionJson = { head: RollupHeadJson; proof: InclusionProofJson };
export type CheckpointJson = {
  networkId: Hex;
  epoch: Hex;
  timestamp: Hex;
  guardianSetId: Hex;
  aggregateRoot: Hex;
  rollupCount: Hex;
};
export type GuardianEcdsaSignatureJson = { index: Hex; signature: Hex };
export type SignedCheckpointJson = {
  checkpoint: CheckpointJson;
  signers: Hex;
  signature: Hex;
  ecdsaSignatures?: GuardianEcdsaSignatureJson[];
};
export type GuardianSetUpdateJson = {
  networkId: Hex;
  fromSetId: Hex;
  /** Redundant with toSet.id; written for readers, checked when read. */
  toSetId: Hex;
  activationEpoch: Hex;
  toSet: GuardianSetJson;
};
export type SignedGuardianSetUpdateJson = {
  update: GuardianSetUpdateJson;
  signers: Hex;
  signature: Hex;
  ecdsaSignatures?: GuardianEcdsaSignatureJson[];
};

const SIGNERS_MAX_BYTES = MAX_GUARDIANS / 8;

export function guardianFromJson(json: unknown, path = 'guardian'): Guardian {
  const o = readObject(json, path);
  return {
    index: readUint(o.index, `${path}.index`, 16),
    blsPubkey: readBytes(o.blsPubkey, `${path}.blsPubkey`, 48),
    ecdsa: readAddress(o.ecdsa, `${path}.ecdsa`),
    stake: readBigUint(o.stake, `${path}.stake`, 256),
  };
}

export function guardianToJson(g: Guardian): GuardianJson {
  return { index: hexInt(g.index), blsPubkey: g.blsPubkey.toLowerCase() as Hex, ecdsa: readAddress(g.ecdsa, 'ecdsa'), stake: hexInt(g.stake) };
}

export function guardianSetFromJson(json: unknown, path = 'guardianSet'): GuardianSet {
  const o = readObject(json, path);
  const set: GuardianSet = {
    id: readBigUint(o.id, `${path}.id`, 64),
    guardians: readArray(o.guardians, `${path}.guardians`, MAX_GUARDIANS).map((g, i) => guardianFromJson(g, `${path}.guardians[${i}]`)),
  };
  assertGuardianSet(set, path);
  return set;
}

export function guardianSetToJson(set: GuardianSet): GuardianSetJson {
  return { id: hexInt(set.id), guardians: set.guardians.map(guardianToJson) };
}

export function rollupHeadFromJson(json: unknown, path = 'head'): RollupHead {
  const o = readObject(json, path);
  return {
    chainId: readBigUint(o.chainId, `${path}.chainId`, 64),
    blockNumber: readBigUint(o.blockNumber, `${path}.blockNumber`, 64),
    blockHash: readBytes(o.blockHash, `${path}.blockHash`, 32),
    stateRoot: readBytes(o.stateRoot, `${path}.stateRoot`, 32),
  };
}

export function rollupHeadToJson(h: RollupHead): RollupHeadJson {
  return { chainId: hexInt(h.chainId), blockNumber: hexInt(h.blockNumber), blockHash: lower(h.blockHash), stateRoot: lower(h.stateRoot) };
}

export function inclusionProofFromJson(json: unknown, path = 'proof'): InclusionProof {
  const o = readObject(json, path);
  const siblings = readArray(o.siblings, `${path}.siblings`, 32).map((s, i) => readBytes(s, `${path}.siblings[${i}]`, 32));
  if (siblings.length === 0) throw new MetalayerFormatError(`${path}.siblings`, 'expected at least one sibling');
  return { index: readUint(o.index, `${path}.index`, 32), siblings };
}

export function inclusionProofToJson(p: InclusionProof): InclusionProofJson {
  return { index: hexInt(p.index), siblings: p.siblings.map(lower) };
}

export function rollupInclusionFromJson(json: unknown, path = 'inclusion'): RollupInclusion {
  const o = readObject(json, path);
  return { head: rollupHeadFromJson(o.head, `${path}.head`), proof: inclusionProofFromJson(o.proof, `${path}.proof`) };
}

export function rollupInclusionToJson(r: RollupInclusion): RollupInclusionJson {
  return { head: rollupHeadToJson(r.head), proof: inclusionProofToJson(r.proof) };
}

export function checkpointFromJson(json: unknown, path = 'checkpoint'): Checkpoint {
  const o = readObject(json, path);
  return {
    networkId: readUint(o.networkId, `${path}.networkId`, 32),
    epoch: readBigUint(o.epoch, `${path}.epoch`, 64),
    timestamp: readBigUint(o.timestamp, `${path}.timestamp`, 64),
    guardianSetId: readBigUint(o.guardianSetId, `${path}.guardianSetId`, 64),
    aggregateRoot: readBytes(o.aggregateRoot, `${path}.aggregateRoot`, 32),
    rollupCount: readUint(o.rollupCount, `${path}.rollupCount`, 32),
  };
}

export function checkpointToJson(cp: Checkpoint): CheckpointJson {
  return {
    networkId: hexInt(cp.networkId),
    epoch: hexInt(cp.epoch),
    timestamp: hexInt(cp.timestamp),
    guardianSetId: hexInt(cp.guardianSetId),
    aggregateRoot: lower(cp.aggregateRoot),
    rollupCount: hexInt(cp.rollupCount),
  };
}

function ecdsaSignaturesFromJson(value: unknown, path: string): GuardianEcdsaSignature[] | undefined {
  if (value === undefined) return undefined;
  return readArray(value, path, MAX_GUARDIANS).map((item, i) => {
    const o = readObject(item, `${path}[${i}]`);
    return { index: readUint(o.index, `${path}[${i}].index`, 16), signature: readBytes(o.signature, `${path}[${i}].signature`, 65) };
  });
}

function ecdsaSignaturesToJson(sigs: readonly GuardianEcdsaSignature[] | undefined): { ecdsaSignatures?: GuardianEcdsaSignatureJson[] } {
  return sigs === undefined ? {} : { ecdsaSignatures: sigs.map((s) => ({ index: hexInt(s.index), signature: lower(s.signature) })) };
}

function signersFromJson(value: unknown, path: string): Hex {
  const signers = readBytes(value, path);
  if (signers.length < 4 || (signers.length - 2) / 2 > SIGNERS_MAX_BYTES)
    throw new MetalayerFormatError(path, `expected 1..${SIGNERS_MAX_BYTES} bytes`);
  return signers;
}

export function signedCheckpointFromJson(json: unknown, path = 'signedCheckpoint'): SignedCheckpoint {
  const o = readObject(json, path);
  const ecdsaSignatures = ecdsaSignaturesFromJson(o.ecdsaSignatures, `${path}.ecdsaSignatures`);
  return {
    checkpoint: checkpointFromJson(o.checkpoint, `${path}.checkpoint`),
    signers: signersFromJson(o.signers, `${path}.signers`),
    signature: readBytes(o.signature, `${path}.signature`, 96),
    ...(ecdsaSignatures ? { ecdsaSignatures } : {}),
  };
}

export function signedCheckpointToJson(s: SignedCheckpoint): SignedCheckpointJson {
  return { checkpoint: checkpointToJson(s.checkpoint), signers: lower(s.signers), signature: lower(s.signature), ...ecdsaSignaturesToJson(s.ecdsaSignatures) };
}

export function guardianSetUpdateFromJson(json: unknown, path = 'update'): GuardianSetUpdate {
  const o = readObject(json, path);
  const update: GuardianSetUpdate = {
    networkId: readUint(o.networkId, `${path}.networkId`, 32),
    fromSetId: readBigUint(o.fromSetId, `${path}.fromSetId`, 64),
    toSet: guardianSetFromJson(o.toSet, `${path}.toSet`),
    activationEpoch: readBigUint(o.activationEpoch, `${path}.activationEpoch`, 64),
  };
  if (o.toSetId !== undefined && readBigUint(o.toSetId, `${path}.toSetId`, 64) !== update.toSet.id)
    throw new MetalayerFormatError(`${path}.toSetId`, 'differs from toSet.id');
  return update;
}

export function guardianSetUpdateToJson(u: GuardianSetUpdate): GuardianSetUpdateJson {
  return {
    networkId: hexInt(u.networkId),
    fromSetId: hexInt(u.fromSetId),
    toSetId: hexInt(u.toSet.id),
    activationEpoch: hexInt(u.activationEpoch),
    toSet: guardianSetToJson(u.toSet),
  };
}

export function signedGuardianSetUpdateFromJson(json: unknown, path = 'signedUpdate'): SignedGuardianSetUpdate {
  const o = readObject(json, path);
  const ecdsaSignatures = ecdsaSignaturesFromJson(o.ecdsaSignatures, `${path}.ecdsaSignatures`);
  return {
    update: guardianSetUpdateFromJson(o.update, `${path}.update`),
    signers: signersFromJson(o.signers, `${path}.signers`),
    signature: readBytes(o.signature, `${path}.signature`, 96),
    ...(ecdsaSignatures ? { ecdsaSignatures } : {}),
  };
}

export function signedGuardianSetUpdateToJson(s: SignedGuardianSetUpdate): SignedGuardianSetUpdateJson {
  return { update: guardianSetUpdateToJson(s.update), signers: lower(s.signers), signature: lower(s.signature), ...ecdsaSignaturesToJson(s.ecdsaSignatures) };
}

function lower(h: Hex): Hex {
  return h.toLowerCase() as Hex;
}
