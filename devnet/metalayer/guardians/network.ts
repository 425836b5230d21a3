import { bls12_381 } from '@noble/curves/bls12-381.js';
import { concat, keccak256, numberToHex, toHex, type Hex } from 'viem';
import {
  blsAggregate,
  blsSign,
  guardianEcdsaSign,
  buildAggregateTree,
  checkpointSigningRoot,
  encodeSignerBitmap,
  guardianSetHash,
  guardianSetUpdateSigningRoot,
  meetsStakeThreshold,
  signRoot,
  totalStake,
  type AggregateTree,
  type Checkpoint,
  type GuardianEcdsaSignature,
  type GuardianSet,
  type GuardianSetUpdate,
  type RollupHead,
  type SignedCheckpoint,
  type SignedGuardianSetUpdate,
} from '../../../src/core/metalayer/index.js';
import type { FaultSwitchboard } from '../faults/faults.js';
import type { GuardianKeys } from './keys.js';
import { readLatestHeads, type HeadSource } from './heads.js';

/** A guardian set with the keys of its members (keys[i] belongs to guardian index i). */
export type GuardianSetPlan = { set: GuardianSet; keys: readonly GuardianKeys[] };

/** A signature over one root by a subset of a set: bitmap, BLS aggregate and each signer's ECDSA signature. */
export type GuardianSignatures = { signers: Hex; signature: Hex; ecdsaSignatures: GuardianEcdsaSignature[] };

/** One published epoch and what the API needs to serve it. */
export type EpochRecord = {
  epoch: bigint;
  signed: SignedCheckpoint;
  tree: AggregateTree;
  /** Stake of the signers reached 2/3 (false only when a fault published an under-signed checkpoint). */
  meetsThreshold: boolean;
  /** Conflicting checkpoints signed by equivocating guardians for the same epoch. */
  alternatives: { signed: SignedCheckpoint; tree: AggregateTree }[];
  /** ms timestamps: heads read, checkpoint published. */
  headsReadAt: number;
  publishedAt: number;
};

export type GuardianNetworkOptions = {
  networkId: number;
  epochMs: number;
  chains: readonly HeadSource[];
  genesis: GuardianSetPlan;
  /** Planned hand-over to `next.set` (id genesis+1), signed by the genesis set (spec A4). */
  next?: GuardianSetPlan & { activationEpoch: bigint };
  faults: FaultSwitchboard;
  /** Epochs kept for the API (older ones are dropped). */
  historyLimit?: number;
  /** BLS aggregation mode; default `each` up to 16 signers, `combined` above. */
  blsSigning?: BlsSigningMode;
  onEpoch?: (record: EpochRecord) => void;
  onError?: (error: unknown) => void;
};

export class GuardianNetworkError extends Error {
  override name = 'GuardianNetworkError';
  constructor(message: string, readonly details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Lets the API and relayer run between signatures: 100 guardians sign for hundreds of ms. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Guardians signing per slice: between slices the event loop serves the API and the relayer. */
const SIGNING_SLICE = 8;
const BLS_ORDER = bls12_381.fields.Fr.ORDER;

/**
 * How the BLS aggregate is produced. `each`: every guardian signs (shared signRoot) and the
 * signatures are summed. `combined`: the devnet holds every key in one process, so it signs once
 * with the sum of the signers' secret keys — by BLS linearity the very same bytes as `each`
 * (a test checks it), at the cost of one signature instead of n. ECDSA is always per guardian.
 */
export type BlsSigningMode = 'each' | 'combined';

/** Up to this many signers `each` is used by default; above, `combined` keeps 100+ guardians inside a 2 s epoch. */
export const EACH_SIGNING_MAX_DEFAULT = 16;

/**
 * Signs `root` with BLS (aggregate) and ECDSA (EIP-191) by the guardians at `indices` of `plan`,
 * with the shared producer `signRoot`; slices are re-aggregated (a sum of G2 points either way).
 */
export async function signWithGuardians(
  plan: GuardianSetPlan,
  root: Hex,
  indices: readonly number[],
  mode: BlsSigningMode = indices.length <= EACH_SIGNING_MAX_DEFAULT ? 'each' : 'combined',
): Promise<GuardianSignatures> {
  if (indices.length === 0) throw new GuardianNetworkError('No guardian to sign', { root });
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const n = plan.set.guardians.length;
  if (mode === 'combined') return signCombined(plan, root, sorted);
  const partial: Hex[] = [];
  const ecdsaSignatures: GuardianEcdsaSignature[] = [];
  for (let at = 0; at < sorted.length; at += SIGNING_SLICE) {
    const signers = sorted.slice(at, at + SIGNING_SLICE).map((i) => {
      const keys = plan.keys[i];
      if (!keys || i >= n) throw new GuardianNetworkError('Guardian index outside the set', { index: i });
      return { index: i, blsSecretKey: keys.blsSecretKey, ecdsaSecretKey: keys.ecdsaPrivateKey };
    });
    const slice = signRoot(root, signers, n);
    partial.push(slice.signature);
    ecdsaSignatures.push(...(slice.ecdsaSignatures ?? []));
    if (at + SIGNING_SLICE < sorted.length) await yieldToLoop();
  }
  return { signers: encodeSignerBitmap(sorted, n), signature: partial.length === 1 ? partial[0]! : blsAggregate(partial), ecdsaSignatures };
}

async function signCombined(plan: GuardianSetPlan, root: Hex, sorted: readonly number[]): Promise<GuardianSignatures> {
  const n = plan.set.guardians.length;
  let sum = 0n;
  const ecdsaSignatures: GuardianEcdsaSignature[] = [];
  for (const [k, i] of sorted.entries()) {
    const keys = plan.keys[i];
    if (!keys || i >= n) throw new GuardianNetworkError('Guardian index outside the set', { index: i });
    sum = (sum + BigInt(keys.blsSecretKey)) % BLS_ORDER;
    ecdsaSignatures.push({ index: i, signature: guardianEcdsaSign(root, keys.ecdsaPrivateKey) });
    if (k % 64 === 63) await yieldToLoop();
  }
  // A zero sum is astronomically unlikely; fall back to signing one by one rather than sign with 0.
  if (sum === 0n) return signWithGuardians(plan, root, sorted, 'each');
  return { signers: encodeSignerBitmap(sorted, n), signature: blsSign(root, numberToHex(sum, { size: 32 })), ecdsaSignatures };
}

/** Signed stake of `indices` in `set`. */
export function stakeOf(set: GuardianSet, indices: Iterable<number>): bigint {
  let sum = 0n;
  for (const i of indices) sum += set.guardians[i]?.stake ?? 0n;
  return sum;
}

/** Guardians taken offline from the highest index down until the rest hold less than 2/3 of the stake. */
export function minimalOfflineSet(set: GuardianSet): number[] {
  const total = totalStake(set);
  const offline: number[] = [];
  let online = total;
  for (let i = set.guardians.length - 1; i >= 0 && meetsStakeThreshold(online, total); i--) {
    offline.push(i);
    online -= set.guardians[i]!.stake;
  }
  return offline;
}

/**
 * The guardian network of spec A: every epoch it reads the head of every chain, builds the
 * aggregate tree, has each online guardian sign (BLS + ECDSA) and publishes the SignedCheckpoint.
 */
export class GuardianNetwork {
  readonly networkId: number;
  readonly epochMs: number;
  readonly genesis: GuardianSetPlan;
  readonly genesisGuardianSetHash: Hex;
  readonly next: (GuardianSetPlan & { activationEpoch: bigint }) | undefined;
  readonly #chains: readonly HeadSource[];
  readonly #faults: FaultSwitchboard;
  readonly #historyLimit: number;
  readonly #records = new Map<bigint, EpochRecord>();
  readonly #updates: SignedGuardianSetUpdate[] = [];
  readonly #opts: GuardianNetworkOptions;
  #epoch = 0n;
  #latest: EpochRecord | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #ticking: Promise<unknown> = Promise.resolve();
  #startedAt = 0;
  /** Epoch slots skipped because the previous epoch was still being signed. */
  missedSlots = 0;
  /** Epochs where the online stake was below 2/3 and nothing valid could be published. */
  unpublishedEpochs = 0;

  private constructor(opts: GuardianNetworkOptions) {
    this.#opts = opts;
    this.networkId = opts.networkId;
    this.epochMs = opts.epochMs;
    this.genesis = opts.genesis;
    this.genesisGuardianSetHash = guardianSetHash(opts.genesis.set);
    this.next = opts.next;
    this.#chains = [...opts.chains].sort((a, b) => a.chainId - b.chainId);
    this.#faults = opts.faults;
    this.#historyLimit = opts.historyLimit ?? 1000;
  }

  /** Builds the network and signs the planned hand-over (if any) with the genesis set. */
  static async create(opts: GuardianNetworkOptions): Promise<GuardianNetwork> {
    const network = new GuardianNetwork(opts);
    if (opts.next) {
      if (opts.next.set.id !== opts.genesis.set.id + 1n) throw new GuardianNetworkError('Hand-over must go to set id + 1');
      const update: GuardianSetUpdate = {
        networkId: opts.networkId,
        fromSetId: opts.genesis.set.id,
        toSet: opts.next.set,
        activationEpoch: opts.next.activationEpoch,
      };
      const all = opts.genesis.set.guardians.map((g) => g.index);
      const sig = await signWithGuardians(opts.genesis, guardianSetUpdateSigningRoot(update), all, opts.blsSigning);
      network.#updates.push({ update, ...sig });
    }
    return network;
  }

  get currentEpoch(): bigint {
    return this.#epoch;
  }

  /** Guardian sets this network has used or announced, by id. */
  sets(): GuardianSet[] {
    return this.next ? [this.genesis.set, this.next.set] : [this.genesis.set];
  }

  planFor(epoch: bigint): GuardianSetPlan {
    return this.next && epoch >= this.next.activationEpoch ? this.next : this.genesis;
  }

  /** Signed hand-overs whose fromSetId ≥ `fromSetId`, oldest first. */
  updatesFrom(fromSetId: bigint): SignedGuardianSetUpdate[] {
    return this.#updates.filter((u) => u.update.fromSetId >= fromSetId);
  }

  latest(): EpochRecord | undefined {
    return this.#latest;
  }

  at(epoch: bigint): EpochRecord | undefined {
    return this.#records.get(epoch);
  }

  history(): EpochRecord[] {
    return [...this.#records.values()];
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#startedAt = Date.now();
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#ticking.catch(() => undefined);
  }

  #schedule(slot: number): void {
    if (!this.#running) return;
    const delay = Math.max(0, this.#startedAt + slot * this.epochMs - Date.now());
    this.#timer = setTimeout(() => {
      const run = this.tick().catch((e: unknown) => this.#opts.onError?.(e));
      this.#ticking = run;
      void run.then(() => {
        // Skip the slots an overlong epoch overran instead of bunching epochs together.
        const nextSlot = Math.max(slot + 1, Math.ceil((Date.now() - this.#startedAt) / this.epochMs));
        this.missedSlots += nextSlot - slot - 1;
        this.#schedule(nextSlot);
      });
    }, delay);
  }

  /** Runs one epoch now: read heads, sign, publish. Returns the record (undefined if nothing was published). */
  async tick(): Promise<EpochRecord | undefined> {
    const epoch = this.#epoch + 1n;
    this.#epoch = epoch;
    const heads = await readLatestHeads(this.#chains);
    const headsReadAt = Date.now();
    const plan = this.planFor(epoch);
    const offline = this.#offlineGuardians(plan.set);
    const online = plan.set.guardians.map((g) => g.index).filter((i) => !offline.has(i));
    const meets = meetsStakeThreshold(stakeOf(plan.set, online), totalStake(plan.set));
    const offlineFault = this.#faults.get('offlineGuardians');
    if ((!meets && !offlineFault?.publishBelowThreshold) || online.length === 0) {
      this.unpublishedEpochs++;
      return undefined;
    }
    const tree = buildAggregateTree(heads);
    const checkpoint: Checkpoint = {
      networkId: this.networkId,
      epoch,
      timestamp: BigInt(Math.floor(headsReadAt / 1000)),
      guardianSetId: plan.set.id,
      aggregateRoot: tree.root,
      rollupCount: tree.leaves.length,
    };
    const sig = await signWithGuardians(plan, checkpointSigningRoot(checkpoint), online, this.#opts.blsSigning);
    const alternatives = await this.#equivocations(plan, checkpoint, heads, new Set(online));
    const record: EpochRecord = {
      epoch,
      signed: { checkpoint, ...sig },
      tree,
      meetsThreshold: meets,
      alternatives,
      headsReadAt,
      publishedAt: Date.now(),
    };
    this.#publish(record);
    return record;
  }

  #offlineGuardians(set: GuardianSet): Set<number> {
    const fault = this.#faults.get('offlineGuardians');
    if (!fault) return new Set();
    return new Set(fault.guardians ?? minimalOfflineSet(set));
  }

  /** Equivocating guardians also sign a checkpoint whose tree lies about the last chain's state root. */
  async #equivocations(plan: GuardianSetPlan, honest: Checkpoint, heads: RollupHead[], online: Set<number>): Promise<EpochRecord['alternatives']> {
    const fault = this.#faults.get('equivocation');
    const equivocators = (fault?.guardians ?? []).filter((i) => online.has(i) && i < plan.set.guardians.length);
    if (!fault || equivocators.length === 0) return [];
    const lie = heads.map((h, i) => (i === heads.length - 1 ? { ...h, stateRoot: keccak256(concat([h.stateRoot, toHex('equivocation')])) } : h));
    const tree = buildAggregateTree(lie);
    const checkpoint: Checkpoint = { ...honest, aggregateRoot: tree.root };
    const sig = await signWithGuardians(plan, checkpointSigningRoot(checkpoint), equivocators, this.#opts.blsSigning);
    return [{ signed: { checkpoint, ...sig }, tree }];
  }

  #publish(record: EpochRecord): void {
    this.#records.set(record.epoch, record);
    this.#latest = record;
    while (this.#records.size > this.#historyLimit) {
      const oldest = this.#records.keys().next().value as bigint;
      this.#records.delete(oldest);
    }
    this.#opts.onEpoch?.(record);
  }
}
