import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import {
  checkpointFromJson,
  guardianSetFromJson,
  guardianSetUpdateFromJson,
  guardianSetUpdateSigningRoot,
  checkpointSigningRoot,
  signRoot,
} from '../../../src/core/metalayer/index.js';
import type { GuardianKeys } from './keys.js';
import { deriveGuardianKeys } from './keys.js';
import { minimalOfflineSet, signWithGuardians, stakeOf, type GuardianSetPlan } from './network.js';

type VectorGuardian = { index: Hex; blsPubkey: Hex; ecdsa: Hex; stake: Hex; blsSecretKey: Hex; ecdsaSecretKey: Hex };
const vectors = JSON.parse(readFileSync(new URL('../../../src/core/metalayer/vectors/part-a.json', import.meta.url), 'utf8')) as {
  guardianSet: { guardians: VectorGuardian[] };
  checkpoint: unknown;
  signedCheckpoint: { signers: Hex; signature: Hex; ecdsaSignatures: { index: Hex; signature: Hex }[] };
  guardianSetUpdate: { update: unknown; signers: Hex; signature: Hex };
};

function planOf(json: { guardians: VectorGuardian[] }, set: ReturnType<typeof guardianSetFromJson>): GuardianSetPlan {
  const keys: GuardianKeys[] = json.guardians.map((g, i) => ({
    index: i,
    blsSecretKey: g.blsSecretKey,
    blsPubkey: g.blsPubkey,
    ecdsaPrivateKey: g.ecdsaSecretKey,
    ecdsa: set.guardians[i]!.ecdsa,
  }));
  return { set, keys };
}

const bitsOf = (bitmap: Hex) => {
  const v = parseInt(bitmap.slice(2), 16);
  return [...Array(8).keys()].filter((i) => (v >> i) & 1);
};

describe('guardian signing (producer side of spec A3/A4)', () => {
  const set = guardianSetFromJson(vectors.guardianSet);
  const plan = planOf(vectors.guardianSet, set);
  const checkpoint = checkpointFromJson(vectors.checkpoint);

  for (const mode of ['each', 'combined'] as const) {
    it(`reproduces the part-A signed checkpoint byte for byte (${mode})`, async () => {
      const signers = bitsOf(vectors.signedCheckpoint.signers);
      const sig = await signWithGuardians(plan, checkpointSigningRoot(checkpoint), signers, mode);
      expect(sig.signers).toBe(vectors.signedCheckpoint.signers);
      expect(sig.signature).toBe(vectors.signedCheckpoint.signature);
      expect(sig.ecdsaSignatures.map((s) => s.signature)).toEqual(vectors.signedCheckpoint.ecdsaSignatures.map((s) => s.signature));
    });

    it(`reproduces the part-A signed hand-over (${mode})`, async () => {
      const update = guardianSetUpdateFromJson(vectors.guardianSetUpdate.update);
      const sig = await signWithGuardians(plan, guardianSetUpdateSigningRoot(update), bitsOf(vectors.guardianSetUpdate.signers), mode);
      expect(sig.signers).toBe(vectors.guardianSetUpdate.signers);
      expect(sig.signature).toBe(vectors.guardianSetUpdate.signature);
    });
  }

  it('combined and each give the same aggregate as the shared signRoot for larger sets', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => deriveGuardianKeys('combined-test', i));
    const big: GuardianSetPlan = { set: { id: 0n, guardians: keys.map((k, i) => ({ index: i, blsPubkey: k.blsPubkey, ecdsa: k.ecdsa, stake: 1n })) }, keys };
    const root = checkpointSigningRoot(checkpoint);
    const subset = [0, 3, 9, 17, 18, 25, 39];
    const reference = signRoot(root, subset.map((i) => ({ index: i, blsSecretKey: keys[i]!.blsSecretKey, ecdsaSecretKey: keys[i]!.ecdsaPrivateKey })), 40);
    const combined = await signWithGuardians(big, root, subset, 'combined');
    const each = await signWithGuardians(big, root, subset, 'each');
    expect(combined).toEqual({ ...reference, ecdsaSignatures: reference.ecdsaSignatures });
    expect(each).toEqual(combined);
  });

  it('takes offline exactly enough stake to fall below 2/3', () => {
    const offline = minimalOfflineSet(set);
    const online = set.guardians.map((g) => g.index).filter((i) => !offline.includes(i));
    const total = stakeOf(set, set.guardians.map((g) => g.index));
    expect(stakeOf(set, online) * 3n < total * 2n).toBe(true);
    const onlineWithOneBack = [...online, offline[offline.length - 1]!];
    expect(stakeOf(set, onlineWithOneBack) * 3n >= total * 2n).toBe(true);
  });
});

describe('devnet genesis guardian set', () => {
  it('matches the hash pinned in src/core/chains/devnet.json for the default devnet (seed, guardian count, stakes)', async () => {
    const { DEFAULT_SEED, DEFAULT_GUARDIANS } = await import('../../network.js');
    const { guardianStake } = await import('../staking/guardianStaking.js');
    const { guardianSetHash } = await import('../../../src/core/metalayer/index.js');
    const pinned = (JSON.parse(readFileSync(new URL('../../../src/core/chains/devnet.json', import.meta.url), 'utf8')) as { genesisGuardianSetHash: Hex })
      .genesisGuardianSetHash;
    const keys = Array.from({ length: DEFAULT_GUARDIANS }, (_, i) => deriveGuardianKeys(DEFAULT_SEED, i));
    const set = { id: 0n, guardians: keys.map((k, i) => ({ index: i, blsPubkey: k.blsPubkey, ecdsa: k.ecdsa, stake: guardianStake(i) })) };
    expect(guardianSetHash(set)).toBe(pinned);
  });
});
