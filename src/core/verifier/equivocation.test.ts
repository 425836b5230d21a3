import { encodeFunctionData, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { guardianSetHash, signCheckpoint, type Checkpoint } from '../metalayer/index.js';
import { verifySignedCheckpoint } from './checkpoint.js';
import { detectEquivocation, CheckpointHistory, REPORT_EQUIVOCATION_ABI, reportEquivocationArgs } from './equivocation.js';
import { EquivocationError } from './errors.js';
import { GuardianSetRegistry } from './guardianSetRegistry.js';
import { makeGuardianSet } from './guardians.fixture.js';
import { recoverEcdsaSigner, guardianEcdsaDigest, checkpointSigningRoot } from '../metalayer/index.js';

const NET = 7;
const { set, signers } = makeGuardianSet(0n, 6, 'equivocation');
const cp: Checkpoint = { networkId: NET, epoch: 42n, timestamp: 1n, guardianSetId: 0n, aggregateRoot: `0x${'11'.repeat(32)}`, rollupCount: 3 };
const conflicting: Checkpoint = { ...cp, aggregateRoot: `0x${'22'.repeat(32)}` };
// Guardians 0-4 sign A, guardians 1-5 sign B: 1..4 equivocate.
const a = signCheckpoint(cp, signers.slice(0, 5), 6);
const b = signCheckpoint(conflicting, signers.slice(1), 6);
const registry = () => {
  const r = new GuardianSetRegistry({ networkId: NET, genesisHash: guardianSetHash(set) });
  r.acceptGenesis(set);
  return r;
};

describe('detectEquivocation', () => {
  it('finds the intersection of signers and turns their ECDSA signatures into L1 reports', () => {
    const ev = detectEquivocation(a, b, set)!;
    expect(ev.offenders).toEqual([1, 2, 3, 4]);
    expect(ev.reports.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    for (const r of ev.reports) {
      expect(r.guardian).toBe(set.guardians[r.index]!.ecdsa);
      expect(recoverEcdsaSigner(guardianEcdsaDigest(checkpointSigningRoot(r.a)), r.sigA)).toBe(r.guardian);
      expect(recoverEcdsaSigner(guardianEcdsaDigest(checkpointSigningRoot(r.b)), r.sigB)).toBe(r.guardian);
      const data = encodeFunctionData({ abi: REPORT_EQUIVOCATION_ABI, functionName: 'reportEquivocation', args: reportEquivocationArgs(r) });
      expect(data.startsWith('0x')).toBe(true);
    }
  });

  it('returns null for the same checkpoint or different slots', () => {
    expect(detectEquivocation(a, a, set)).toBeNull();
    expect(detectEquivocation(a, signCheckpoint({ ...conflicting, epoch: 43n }, signers, 6), set)).toBeNull();
    expect(detectEquivocation(a, signCheckpoint({ ...conflicting, guardianSetId: 1n }, signers, 6), set)).toBeNull();
  });

  it('leaves out offenders without valid ECDSA signatures on both sides', () => {
    const bForged = { ...b, ecdsaSignatures: b.ecdsaSignatures!.map((s) => (s.index === 2 ? { ...s, signature: a.ecdsaSignatures![2]!.signature } : s)) };
    const ev = detectEquivocation(a, bForged, set)!;
    expect(ev.offenders).toEqual([1, 2, 3, 4]);
    expect(ev.reports.map((r) => r.index)).toEqual([1, 3, 4]);
  });
});

describe('CheckpointHistory', () => {
  it('refuses the second conflicting checkpoint, then both, and keeps the evidence', () => {
    const history = new CheckpointHistory();
    const r = registry();
    verifySignedCheckpoint(a, { registry: r, history });
    verifySignedCheckpoint(a, { registry: r, history }); // the same checkpoint again is fine
    let caught: unknown;
    try {
      verifySignedCheckpoint(b, { registry: r, history });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EquivocationError);
    expect((caught as EquivocationError).step).toBe('equivocation');
    expect((caught as EquivocationError).evidence.offenders).toEqual([1, 2, 3, 4]);
    expect(() => verifySignedCheckpoint(a, { registry: r, history })).toThrow(EquivocationError);
    expect(() => verifySignedCheckpoint(b, { registry: r, history })).toThrow(EquivocationError);
    expect(history.isEquivocated(cp)).toBe(true);
    // Other epochs still verify.
    verifySignedCheckpoint(signCheckpoint({ ...cp, epoch: 43n }, signers, 6), { registry: r, history });

    const restored = CheckpointHistory.fromJSON(JSON.parse(JSON.stringify(history.toJSON())));
    expect(restored.evidence()[0]!.reports.map((x) => x.index)).toEqual([1, 2, 3, 4]);
    expect(() => verifySignedCheckpoint(a, { registry: r, history: restored })).toThrow(EquivocationError);
    expect(() => verifySignedCheckpoint(signCheckpoint({ ...cp, epoch: 43n, timestamp: 9n }, signers, 6), { registry: r, history: restored })).toThrow(
      EquivocationError,
    );
  });

  it('does not record checkpoints that failed verification', () => {
    const history = new CheckpointHistory();
    const forged = { ...b, signature: a.signature as Hex };
    expect(() => verifySignedCheckpoint(forged, { registry: registry(), history })).toThrow();
    verifySignedCheckpoint(a, { registry: registry(), history });
    expect(history.evidence()).toEqual([]);
  });

  it('stays bounded', () => {
    const history = new CheckpointHistory({ maxEntries: 3 });
    const r = registry();
    for (let e = 1n; e <= 5n; e++) verifySignedCheckpoint(signCheckpoint({ ...cp, epoch: e }, signers, 6), { registry: r, history });
    expect(history.toJSON().entries.map((x) => x.checkpoint.epoch)).toEqual(['0x3', '0x4', '0x5']);
  });
});
