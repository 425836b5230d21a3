import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aggregateRootFromProof,
  blsAggregate,
  blsPublicKey,
  blsSign,
  buildAggregateTree,
  checkpointFromJson,
  checkpointSigningRoot,
  checkpointToJson,
  decodeSignerBitmap,
  encodeSignerBitmap,
  guardianEcdsaDigest,
  guardianEcdsaSign,
  guardianSetFromJson,
  guardianSetHash,
  guardianSetToJson,
  guardianSetUpdateFromJson,
  guardianSetUpdateSigningRoot,
  guardianSetUpdateToJson,
  inclusionProofFromJson,
  inclusionProofToJson,
  recoverEcdsaSigner,
  rollupHeadFromJson,
  rollupHeadToJson,
  rollupLeaf,
  signCheckpoint,
  signGuardianSetUpdate,
  signedCheckpointFromJson,
  signedCheckpointToJson,
  type GuardianSigner,
} from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('./vectors/part-a.json', import.meta.url), 'utf8'));
type KeyedGuardian = { index: string; blsSecretKey: `0x${string}`; ecdsaSecretKey: `0x${string}`; blsPubkey: string };
const signersOf = (guardians: KeyedGuardian[], bitmap: `0x${string}`): GuardianSigner[] =>
  decodeSignerBitmap(bitmap, guardians.length).map((i) => ({
    index: i,
    blsSecretKey: guardians[i]!.blsSecretKey,
    ecdsaSecretKey: guardians[i]!.ecdsaSecretKey,
  }));

describe('part A vectors (shared/vectors/metalayer/part-a.json)', () => {
  const heads = v.heads.map((h: unknown) => rollupHeadFromJson(h));

  it('round-trips heads and computes their leaves', () => {
    expect(heads.map(rollupHeadToJson)).toEqual(v.heads);
    expect(heads.map(rollupLeaf)).toEqual(v.leaves);
  });

  it('builds the aggregate tree, its depth and every proof', () => {
    const tree = buildAggregateTree([...heads].reverse());
    expect(tree.root).toBe(v.aggregateRoot);
    expect(tree.depth).toBe(v.depth);
    expect(tree.leaves).toEqual(v.leaves);
    heads.forEach((h: { chainId: bigint }, i: number) => {
      const proof = tree.proofOf(h.chainId);
      expect(inclusionProofToJson(proof)).toEqual(v.proofs[i]);
      expect(aggregateRootFromProof(v.leaves[i], inclusionProofFromJson(v.proofs[i]))).toBe(v.aggregateRoot);
    });
  });

  it('computes the checkpoint signing root', () => {
    const cp = checkpointFromJson(v.checkpoint);
    expect(checkpointToJson(cp)).toEqual(v.checkpoint);
    expect(checkpointSigningRoot(cp)).toBe(v.signingRoot);
    expect(cp.aggregateRoot).toBe(v.aggregateRoot);
  });

  it('hashes the guardian set and derives its keys', () => {
    const set = guardianSetFromJson(v.guardianSet);
    expect(guardianSetHash(set)).toBe(v.guardianSetHash);
    const stripped = v.guardianSet.guardians.map(({ index, blsPubkey, ecdsa, stake }: Record<string, string>) => ({ index, blsPubkey, ecdsa, stake }));
    expect(guardianSetToJson(set)).toEqual({ id: v.guardianSet.id, guardians: stripped });
    for (const g of v.guardianSet.guardians) expect(blsPublicKey(g.blsSecretKey)).toBe(g.blsPubkey);
  });

  it('reproduces the 3-of-4 BLS aggregate, its bitmap and the ECDSA signatures', () => {
    const cp = checkpointFromJson(v.checkpoint);
    const signers = signersOf(v.guardianSet.guardians, v.signedCheckpoint.signers);
    expect(signers.map((s) => s.index)).toEqual([1, 2, 3]);
    expect(encodeSignerBitmap([1, 2, 3], 4)).toBe(v.signedCheckpoint.signers);
    const signed = signCheckpoint(cp, signers, 4);
    expect(signedCheckpointToJson(signed)).toEqual(v.signedCheckpoint);
    expect(signedCheckpointToJson(signedCheckpointFromJson(v.signedCheckpoint))).toEqual(v.signedCheckpoint);
    expect(blsAggregate(signers.map((s) => blsSign(v.signingRoot, s.blsSecretKey)))).toBe(v.signedCheckpoint.signature);
    expect(guardianEcdsaDigest(v.signingRoot)).toBe(v.ecdsaDigest);
    const set = guardianSetFromJson(v.guardianSet);
    for (const s of v.signedCheckpoint.ecdsaSignatures) {
      const i = Number(s.index);
      expect(guardianEcdsaSign(v.signingRoot, v.guardianSet.guardians[i].ecdsaSecretKey)).toBe(s.signature);
      expect(recoverEcdsaSigner(v.ecdsaDigest, s.signature)).toBe(set.guardians[i]!.ecdsa);
    }
  });

  it('reproduces the signed hand-over to set 1', () => {
    const h = v.guardianSetUpdate;
    const update = guardianSetUpdateFromJson(h.update);
    const toJson = guardianSetUpdateToJson(update);
    expect(toJson.toSetId).toBe(h.update.toSetId);
    expect(guardianSetHash(update.toSet)).toBe(h.toSetHash);
    expect(guardianSetUpdateSigningRoot(update)).toBe(h.signingRoot);
    const signed = signGuardianSetUpdate(
      update,
      signersOf(v.guardianSet.guardians, h.signers).map(({ index, blsSecretKey }) => ({ index, blsSecretKey })),
      4,
    );
    expect(signed.signers).toBe(h.signers);
    expect(signed.signature).toBe(h.signature);
    for (const g of h.update.toSet.guardians) expect(blsPublicKey(g.blsSecretKey)).toBe(g.blsPubkey);
  });
});
