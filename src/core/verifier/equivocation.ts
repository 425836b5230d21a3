import type { Address, Hex } from 'viem';
import {
  checkpointSigningRoot,
  guardianEcdsaDigest,
  recoverEcdsaSigner,
  signedCheckpointFromJson,
  signedCheckpointToJson,
  type Checkpoint,
  type GuardianSet,
  type SignedCheckpoint,
  type SignedCheckpointJson,
} from '../metalayer/index.js';
import type { VerifiedCheckpoint } from './checkpoint.js';
import { EquivocationError, MalformedInputError } from './errors.js';

/**
 * Arguments of ONE call of the L1 contract (devnet/contracts/GuardianStaking.sol), per slashable guardian:
 *
 *   struct Checkpoint { uint32 networkId; uint64 epoch; uint64 timestamp; uint64 guardianSetId;
 *                       bytes32 aggregateRoot; uint32 rollupCount; }        // spec A3, same order
 *   function reportEquivocation(address guardian, Checkpoint a, bytes sigA, Checkpoint b, bytes sigB)
 *
 * `sigA`/`sigB` are the guardian's 65-byte r‖s‖v EIP-191 signatures over checkpointSigningRoot(a)/(b);
 * a.networkId = b.networkId, a.epoch = b.epoch, a.guardianSetId = b.guardianSetId, and the roots differ.
 * Pass `reportEquivocationArgs(report)` with `REPORT_EQUIVOCATION_ABI` to viem's writeContract/encodeFunctionData.
 */
export type EquivocationReport = {
  guardian: Address;
  index: number;
  a: Checkpoint;
  sigA: Hex;
  b: Checkpoint;
  sigB: Hex;
};

/** Proof that guardians signed two different checkpoints of one (networkId, epoch, guardianSetId) (spec A5). */
export type EquivocationEvidence = {
  networkId: number;
  epoch: bigint;
  guardianSetId: bigint;
  a: SignedCheckpoint;
  b: SignedCheckpoint;
  signingRootA: Hex;
  signingRootB: Hex;
  /** Guardians in both BLS signer bitmaps: every one of them equivocated. */
  offenders: readonly number[];
  /** Offenders whose ECDSA signatures over both roots are present and recover to them: slashable on L1. */
  reports: readonly EquivocationReport[];
};

/** The ABI item of GuardianStaking.reportEquivocation, for viem. */
export const REPORT_EQUIVOCATION_ABI = [
  {
    type: 'function',
    name: 'reportEquivocation',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'guardian', type: 'address' },
      { name: 'a', type: 'tuple', components: checkpointComponents() },
      { name: 'sigA', type: 'bytes' },
      { name: 'b', type: 'tuple', components: checkpointComponents() },
      { name: 'sigB', type: 'bytes' },
    ],
    outputs: [
      { name: 'slashed', type: 'uint256' },
      { name: 'reward', type: 'uint256' },
    ],
  },
] as const;

function checkpointComponents() {
  return [
    { name: 'networkId', type: 'uint32' },
    { name: 'epoch', type: 'uint64' },
    { name: 'timestamp', type: 'uint64' },
    { name: 'guardianSetId', type: 'uint64' },
    { name: 'aggregateRoot', type: 'bytes32' },
    { name: 'rollupCount', type: 'uint32' },
  ] as const;
}

/** `[guardian, a, sigA, b, sigB]` for `reportEquivocation`. */
export function reportEquivocationArgs(r: EquivocationReport): readonly [Address, Checkpoint, Hex, Checkpoint, Hex] {
  return [r.guardian, r.a, r.sigA, r.b, r.sigB];
}

function bitmapIndices(bitmap: Hex): Set<number> {
  const out = new Set<number>();
  for (let byte = 0; byte < (bitmap.length - 2) / 2; byte++) {
    const b = parseInt(bitmap.slice(2 + 2 * byte, 4 + 2 * byte), 16);
    for (let bit = 0; bit < 8; bit++) if ((b >> bit) & 1) out.add(byte * 8 + bit);
  }
  return out;
}

/**
 * Evidence if `a` and `b` conflict (same networkId, epoch and guardianSetId, different signing
 * roots), else null. Only meaningful for checkpoints that verified (else anyone could forge a
 * "conflict"). With the set, ECDSA signatures are checked and turned into L1 reports.
 */
export function detectEquivocation(a: SignedCheckpoint, b: SignedCheckpoint, set?: GuardianSet): EquivocationEvidence | null {
  const ca = a.checkpoint;
  const cb = b.checkpoint;
  if (ca.networkId !== cb.networkId || ca.epoch !== cb.epoch || ca.guardianSetId !== cb.guardianSetId) return null;
  const signingRootA = checkpointSigningRoot(ca);
  const signingRootB = checkpointSigningRoot(cb);
  if (signingRootA === signingRootB) return null;
  const inB = bitmapIndices(b.signers);
  const offenders = [...bitmapIndices(a.signers)].filter((i) => inB.has(i) && (!set || i < set.guardians.length)).sort((x, y) => x - y);
  const reports: EquivocationReport[] = [];
  if (set && set.id === ca.guardianSetId) {
    const digestA = guardianEcdsaDigest(signingRootA);
    const digestB = guardianEcdsaDigest(signingRootB);
    for (const index of offenders) {
      const guardian = set.guardians[index]!.ecdsa;
      const sigA = a.ecdsaSignatures?.find((s) => s.index === index && recoverEcdsaSigner(digestA, s.signature) === guardian);
      const sigB = b.ecdsaSignatures?.find((s) => s.index === index && recoverEcdsaSigner(digestB, s.signature) === guardian);
      if (sigA && sigB) reports.push({ guardian, index, a: ca, sigA: sigA.signature, b: cb, sigB: sigB.signature });
    }
  }
  return { networkId: ca.networkId, epoch: ca.epoch, guardianSetId: ca.guardianSetId, a, b, signingRootA, signingRootB, offenders, reports };
}

type Entry = { signingRoot: Hex; signed: SignedCheckpoint };

export type CheckpointHistoryJson = {
  version: 1;
  entries: SignedCheckpointJson[];
  equivocations: { a: SignedCheckpointJson; b: SignedCheckpointJson; reports: { guardian: Address; index: number; sigA: Hex; sigB: Hex }[] }[];
};

const keyOf = (c: Checkpoint) => `${c.networkId}:${c.epoch}:${c.guardianSetId}`;

/**
 * The checkpoints the wallet has verified, one per (networkId, epoch, guardianSetId), and the
 * equivocations found. A conflicting checkpoint is refused and so, from then on, is that slot.
 */
export class CheckpointHistory {
  private readonly entries = new Map<string, Entry>();
  private readonly conflicts = new Map<string, EquivocationEvidence>();
  private readonly maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? 4096;
  }

  /** Remembers a verified checkpoint; throws EquivocationError (with evidence) on a conflict or a slot already in conflict. */
  record(verified: VerifiedCheckpoint): void {
    const key = keyOf(verified.checkpoint);
    const conflict = this.conflicts.get(key);
    if (conflict) throw new EquivocationError(`Epoch ${verified.checkpoint.epoch} of set ${verified.checkpoint.guardianSetId} is equivocated.`, conflict);
    const seen = this.entries.get(key);
    if (seen) {
      if (seen.signingRoot === verified.signingRoot) return;
      const evidence = detectEquivocation(seen.signed, verified.signed, verified.guardianSet)!;
      this.conflicts.set(key, evidence);
      this.entries.delete(key);
      throw new EquivocationError(
        `Guardians ${evidence.offenders.join(', ')} signed two checkpoints of epoch ${verified.checkpoint.epoch}.`,
        evidence,
      );
    }
    this.entries.set(key, { signingRoot: verified.signingRoot, signed: verified.signed });
    if (this.entries.size > this.maxEntries) this.pruneOldest();
  }

  /** True when this (networkId, epoch, guardianSetId) is known to be equivocated. */
  isEquivocated(checkpoint: Checkpoint): boolean {
    return this.conflicts.has(keyOf(checkpoint));
  }

  /** All equivocations found, for the warning UI and for reporting on L1. */
  evidence(): EquivocationEvidence[] {
    return [...this.conflicts.values()];
  }

  private pruneOldest(): void {
    let oldestKey: string | undefined;
    let oldest: bigint | undefined;
    for (const [key, e] of this.entries)
      if (oldest === undefined || e.signed.checkpoint.epoch < oldest) [oldestKey, oldest] = [key, e.signed.checkpoint.epoch];
    if (oldestKey !== undefined) this.entries.delete(oldestKey);
  }

  toJSON(): CheckpointHistoryJson {
    return {
      version: 1,
      entries: [...this.entries.values()].map((e) => signedCheckpointToJson(e.signed)),
      equivocations: [...this.conflicts.values()].map((ev) => ({
        a: signedCheckpointToJson(ev.a),
        b: signedCheckpointToJson(ev.b),
        reports: ev.reports.map(({ guardian, index, sigA, sigB }) => ({ guardian, index, sigA, sigB })),
      })),
    };
  }

  /** Restores `toJSON()` output (the background's IndexedDB copy; entries were verified before being stored). */
  static fromJSON(json: unknown, options: { maxEntries?: number } = {}): CheckpointHistory {
    const o = json as Partial<CheckpointHistoryJson> | null;
    if (typeof o !== 'object' || o === null || o.version !== 1 || !Array.isArray(o.entries) || !Array.isArray(o.equivocations))
      throw new MalformedInputError('Not a stored checkpoint history.');
    const history = new CheckpointHistory(options);
    try {
      for (const [i, e] of o.entries.entries()) {
        const signed = signedCheckpointFromJson(e, `entries[${i}]`);
        history.entries.set(keyOf(signed.checkpoint), { signingRoot: checkpointSigningRoot(signed.checkpoint), signed });
      }
      for (const [i, e] of o.equivocations.entries()) {
        const a = signedCheckpointFromJson(e.a, `equivocations[${i}].a`);
        const b = signedCheckpointFromJson(e.b, `equivocations[${i}].b`);
        const evidence = detectEquivocation(a, b);
        if (!evidence) throw new MalformedInputError(`equivocations[${i}] is not a conflict.`);
        const reports = (e.reports ?? []).map((r) => ({ ...r, a: a.checkpoint, b: b.checkpoint }));
        history.conflicts.set(keyOf(a.checkpoint), { ...evidence, reports });
        history.entries.delete(keyOf(a.checkpoint));
      }
    } catch (cause) {
      if (cause instanceof MalformedInputError) throw cause;
      throw new MalformedInputError((cause as Error).message, { cause });
    }
    return history;
  }
}
