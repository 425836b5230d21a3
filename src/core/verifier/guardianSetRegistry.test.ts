import { readFileSync } from 'node:fs';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  guardianSetFromJson,
  guardianSetHash,
  signCheckpoint,
  signGuardianSetUpdate,
  signedGuardianSetUpdateFromJson,
  type Checkpoint,
  type GuardianSetUpdate,
} from '../metalayer/index.js';
import { verifySignedCheckpoint } from './checkpoint.js';
import { VerificationError } from './errors.js';
import { GuardianSetRegistry } from './guardianSetRegistry.js';
import { makeGuardianSet, type KeyedGuardianSet } from './guardians.fixture.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('../metalayer/vectors/part-a.json', import.meta.url), 'utf8'));
const NET = 4242;
const stepOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(VerificationError);
    return (e as VerificationError).step;
  }
};

// Genesis set 0 and three hand-overs: 0 → 1 (epoch 10) → 2 (epoch 20) → 3 (epoch 30), sizes vary.
const sets: KeyedGuardianSet[] = [makeGuardianSet(0n, 4), makeGuardianSet(1n, 5), makeGuardianSet(2n, 3), makeGuardianSet(3n, 7)];
const handOver = (from: number, activationEpoch: bigint, signerCount?: number) => {
  const update: GuardianSetUpdate = { networkId: NET, fromSetId: BigInt(from), toSet: sets[from + 1]!.set, activationEpoch };
  const fromKeys = sets[from]!.signers;
  return signGuardianSetUpdate(update, fromKeys.slice(0, signerCount ?? fromKeys.length), fromKeys.length);
};
const chain = [handOver(0, 10n), handOver(1, 20n), handOver(2, 30n)];
const checkpointAt = (setIndex: number, epoch: bigint) => {
  const cp: Checkpoint = { networkId: NET, epoch, timestamp: 1000n + epoch, guardianSetId: BigInt(setIndex), aggregateRoot: `0x${'cd'.repeat(32)}`, rollupCount: 2 };
  return signCheckpoint(cp, sets[setIndex]!.signers, sets[setIndex]!.set.guardians.length);
};
const fresh = () => {
  const r = new GuardianSetRegistry({ networkId: NET, genesisHash: guardianSetHash(sets[0]!.set) });
  r.acceptGenesis(sets[0]!.set);
  return r;
};

describe('GuardianSetRegistry', () => {
  it('applies the vector hand-over to set 1 (signed by guardians 0, 2, 3 of set 0)', () => {
    const r = new GuardianSetRegistry({ networkId: 0x1092, genesisHash: v.guardianSetHash });
    r.acceptGenesis(guardianSetFromJson(v.guardianSet));
    const h = v.guardianSetUpdate;
    const accepted = r.applyUpdate(signedGuardianSetUpdateFromJson({ update: h.update, signers: h.signers, signature: h.signature }));
    expect(accepted.hash).toBe(h.toSetHash);
    expect(accepted.activationEpoch).toBe(100n);
    expect(r.latest().set.id).toBe(1n);
  });

  it('accepts exactly the pinned genesis', () => {
    const r = new GuardianSetRegistry({ networkId: NET, genesisHash: guardianSetHash(sets[0]!.set) });
    expect(stepOf(() => r.acceptGenesis(sets[1]!.set))).toBe('guardian-set');
    expect(stepOf(() => r.latest())).toBe('guardian-set');
    r.acceptGenesis(sets[0]!.set);
    expect(r.acceptGenesis(sets[0]!.set).set).toBe(sets[0]!.set);
    expect(stepOf(() => new GuardianSetRegistry({ networkId: NET, genesisHash: '0x12' as Hex }))).toBe('guardian-set');
  });

  it('walks a 3-step hand-over chain; each set signs only its own epochs', () => {
    const r = fresh();
    expect(r.applyUpdates(chain).set.id).toBe(3n);
    expect(r.list().map((s) => s.activationEpoch)).toEqual([0n, 10n, 20n, 30n]);
    expect(verifySignedCheckpoint(checkpointAt(0, 9n), { registry: r }).guardianSet).toBe(sets[0]!.set);
    expect(verifySignedCheckpoint(checkpointAt(1, 10n), { registry: r }).signers).toHaveLength(5);
    expect(verifySignedCheckpoint(checkpointAt(2, 29n), { registry: r }).signers).toHaveLength(3);
    expect(verifySignedCheckpoint(checkpointAt(3, 1000n), { registry: r }).signers).toHaveLength(7);
    // A replaced set may not sign later epochs; a new set may not sign before its activation.
    expect(stepOf(() => verifySignedCheckpoint(checkpointAt(0, 10n), { registry: r }))).toBe('guardian-set');
    expect(stepOf(() => verifySignedCheckpoint(checkpointAt(3, 29n), { registry: r }))).toBe('guardian-set');
    // Re-applying a known update is a no-op.
    expect(r.applyUpdate(chain[1]!).set.id).toBe(2n);
    expect(r.latest().set.id).toBe(3n);
  });

  it('refuses hand-overs out of order, skipping ids, for other networks, or not later', () => {
    const r = fresh();
    expect(stepOf(() => r.applyUpdate(chain[1]!))).toBe('guardian-set');
    const skip = signGuardianSetUpdate({ networkId: NET, fromSetId: 0n, toSet: sets[2]!.set, activationEpoch: 10n }, sets[0]!.signers, 4);
    expect(stepOf(() => r.applyUpdate(skip))).toBe('guardian-set');
    const net = signGuardianSetUpdate({ ...chain[0]!.update, networkId: NET + 1 }, sets[0]!.signers, 4);
    expect(stepOf(() => r.applyUpdate(net))).toBe('network');
    r.applyUpdate(chain[0]!);
    const early = signGuardianSetUpdate({ networkId: NET, fromSetId: 1n, toSet: sets[2]!.set, activationEpoch: 10n }, sets[1]!.signers, 5);
    expect(stepOf(() => r.applyUpdate(early))).toBe('guardian-set');
  });

  it('refuses a hand-over signed by too little stake of the FROM set, or by the new set itself', () => {
    const r = fresh();
    expect(stepOf(() => r.applyUpdate(handOver(0, 10n, 2)))).toBe('stake-threshold');
    const selfSigned = signGuardianSetUpdate(chain[0]!.update, sets[1]!.signers.slice(0, 4), 4);
    expect(stepOf(() => r.applyUpdate(selfSigned))).toBe('checkpoint-signature');
    const tampered = { ...chain[0]!, update: { ...chain[0]!.update, activationEpoch: 11n } };
    expect(stepOf(() => r.applyUpdate(tampered))).toBe('checkpoint-signature');
    expect(r.latest().set.id).toBe(0n);
  });

  it('round-trips through plain JSON, re-verifying every update', () => {
    const r = fresh();
    r.applyUpdates(chain);
    const json = JSON.parse(JSON.stringify(r.toJSON()));
    const back = GuardianSetRegistry.fromJSON(json);
    expect(back.list().map((s) => s.hash)).toEqual(r.list().map((s) => s.hash));
    expect(verifySignedCheckpoint(checkpointAt(3, 31n), { registry: back }).checkpoint.epoch).toBe(31n);
    const forged = JSON.parse(JSON.stringify(json));
    forged.updates[1].signature = json.updates[2].signature;
    expect(stepOf(() => GuardianSetRegistry.fromJSON(forged))).toBe('checkpoint-signature');
    const otherGenesis = { ...json, genesisHash: `0x${'00'.repeat(32)}` };
    expect(stepOf(() => GuardianSetRegistry.fromJSON(otherGenesis))).toBe('guardian-set');
    expect(stepOf(() => GuardianSetRegistry.fromJSON({ version: 2 }))).toBe('guardian-set');
    expect(GuardianSetRegistry.fromJSON(new GuardianSetRegistry({ networkId: NET, genesisHash: r.genesisHash }).toJSON()).list()).toEqual([]);
  });
});
