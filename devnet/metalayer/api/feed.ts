import { concat, keccak256, toHex, type Hex } from 'viem';
import {
  buildAggregateTree,
  guardianSetUpdateSigningRoot,
  type AggregateTree,
  type Checkpoint,
  type GuardianSet,
  type SignedCheckpoint,
  type SignedGuardianSetUpdate,
} from '../../../src/core/metalayer/index.js';
import type { FaultSwitchboard } from '../faults/faults.js';
import { deriveGuardianKeys } from '../guardians/keys.js';
import { signWithGuardians, type EpochRecord, type GuardianNetwork, type GuardianSetPlan } from '../guardians/network.js';
import { checkpointSigningRoot } from '../../../src/core/metalayer/index.js';

/** What the API serves for one epoch: the signed checkpoint and the tree its rollup proofs come from. */
export type ServedCheckpoint = { signed: SignedCheckpoint; tree: AggregateTree };

const ATTACKER_SET_SIZE = 4;

/**
 * The API's view of the guardian network. Honest by default; with a fault on it serves what a
 * broken or malicious Metalayer API would (spec D): stale, forged, or signed by an unaccepted set.
 */
export class MetalayerFeed {
  readonly #network: GuardianNetwork;
  readonly #faults: FaultSwitchboard;
  readonly #seed: string;
  #frozenEpoch: bigint | undefined;
  #attacker: GuardianSetPlan | undefined;
  readonly #forged = new Map<string, ServedCheckpoint>();
  readonly #attackerCheckpoints = new Map<bigint, ServedCheckpoint>();
  #latestRequests = 0;

  constructor(network: GuardianNetwork, faults: FaultSwitchboard, seed: string) {
    this.#network = network;
    this.#faults = faults;
    this.#seed = seed;
    faults.onChange(() => {
      const stale = faults.get('staleApi');
      // A replaying API keeps serving what was latest when the fault went on.
      if (stale && stale.epoch === undefined && this.#frozenEpoch === undefined) this.#frozenEpoch = network.latest()?.epoch;
      if (!stale) this.#frozenEpoch = undefined;
      this.#forged.clear();
      this.#attackerCheckpoints.clear();
    });
  }

  async latest(): Promise<ServedCheckpoint | undefined> {
    const stale = this.#faults.get('staleApi');
    if (stale) {
      const epoch = stale.epoch !== undefined ? BigInt(stale.epoch) : this.#frozenEpoch;
      const record = epoch !== undefined ? this.#network.at(epoch) : undefined;
      if (record) return this.#serve(record);
    }
    const record = this.#network.latest();
    if (!record) return undefined;
    if (this.#faults.get('weakGuardianSetUpdate')) return this.#attackerCheckpoint(record);
    // Split view: every other caller of latest gets the equivocating guardians' checkpoint.
    const alternative = record.alternatives[0];
    if (this.#faults.get('equivocation')?.splitView && alternative && this.#latestRequests++ % 2 === 1) return alternative;
    return this.#serve(record);
  }

  async at(epoch: bigint): Promise<ServedCheckpoint | undefined> {
    const record = this.#network.at(epoch);
    if (!record) return undefined;
    // Consistent lie: the epoch and its rollup proofs come from the attacker's tree.
    if (this.#faults.get('weakGuardianSetUpdate')) return this.#attackerCheckpoint(record);
    return this.#serve(record);
  }

  /** Conflicting checkpoints of `epoch` (an equivocation fault makes guardians sign them). */
  alternatives(epoch: bigint): ServedCheckpoint[] {
    return this.#network.at(epoch)?.alternatives ?? [];
  }

  async guardianSet(id: bigint): Promise<GuardianSet | undefined> {
    if (this.#faults.get('weakGuardianSetUpdate')) {
      const attacker = this.#attackerPlan();
      if (attacker.set.id === id) return attacker.set;
    }
    return this.#network.sets().find((s) => s.id === id);
  }

  async updatesFrom(fromSetId: bigint): Promise<SignedGuardianSetUpdate[]> {
    const honest = this.#network.updatesFrom(fromSetId);
    if (!this.#faults.get('weakGuardianSetUpdate')) return honest;
    const weak = await this.#weakUpdate();
    if (weak.update.fromSetId < fromSetId) return honest;
    return [...honest.filter((u) => u.update.fromSetId < weak.update.fromSetId), weak];
  }

  #serve(record: EpochRecord): ServedCheckpoint {
    const forged = this.#faults.get('forgedCheckpoint');
    if (!forged) return { signed: record.signed, tree: record.tree };
    return this.#forgedOf(record, forged.chainId);
  }

  /** Same signature, different root: one chain's state root is swapped after signing. */
  #forgedOf(record: EpochRecord, chainId: number | undefined): ServedCheckpoint {
    const key = `${record.epoch}:${chainId ?? ''}`;
    const hit = this.#forged.get(key);
    if (hit) return hit;
    const tree = tamperedTree(record.tree, chainId);
    const served = { signed: { ...record.signed, checkpoint: { ...record.signed.checkpoint, aggregateRoot: tree.root } }, tree };
    this.#forged.set(key, served);
    return served;
  }

  #attackerPlan(): GuardianSetPlan {
    const current = this.#network.latest()?.signed.checkpoint.guardianSetId ?? this.#network.genesis.set.id;
    if (this.#attacker && this.#attacker.set.id === current + 1n) return this.#attacker;
    const keys = Array.from({ length: ATTACKER_SET_SIZE }, (_, i) => deriveGuardianKeys(`${this.#seed}/attacker`, i));
    const stake = 10n ** 24n;
    this.#attacker = {
      set: { id: current + 1n, guardians: keys.map((k, i) => ({ index: i, blsPubkey: k.blsPubkey, ecdsa: k.ecdsa, stake })) },
      keys,
    };
    return this.#attacker;
  }

  /** A hand-over to the attacker's set signed by a single guardian of the current set: too little stake. */
  async #weakUpdate(): Promise<SignedGuardianSetUpdate> {
    const attacker = this.#attackerPlan();
    const latest = this.#network.latest();
    const fromPlan = this.#network.planFor(latest?.epoch ?? 1n);
    const update = {
      networkId: this.#network.networkId,
      fromSetId: fromPlan.set.id,
      toSet: attacker.set,
      activationEpoch: (latest?.epoch ?? 0n) + 1n,
    };
    const sig = await signWithGuardians(fromPlan, guardianSetUpdateSigningRoot(update), [0]);
    return { update, ...sig };
  }

  /** The latest epoch, signed in full by the attacker's set, over a tree that lies about one chain. */
  async #attackerCheckpoint(record: EpochRecord): Promise<ServedCheckpoint> {
    const hit = this.#attackerCheckpoints.get(record.epoch);
    if (hit) return hit;
    const attacker = this.#attackerPlan();
    const tree = tamperedTree(record.tree, undefined);
    const checkpoint: Checkpoint = { ...record.signed.checkpoint, guardianSetId: attacker.set.id, aggregateRoot: tree.root };
    const sig = await signWithGuardians(attacker, checkpointSigningRoot(checkpoint), attacker.keys.map((k) => k.index));
    const served = { signed: { checkpoint, ...sig }, tree };
    this.#attackerCheckpoints.set(record.epoch, served);
    return served;
  }
}

/** The tree with one chain's state root replaced (the last chain unless `chainId` is given). */
export function tamperedTree(tree: AggregateTree, chainId: number | undefined): AggregateTree {
  const target = chainId !== undefined ? BigInt(chainId) : tree.heads[tree.heads.length - 1]!.chainId;
  const heads = tree.heads.map((h) => (h.chainId === target ? { ...h, stateRoot: keccak256(concat([h.stateRoot, toHex('forged')])) as Hex } : h));
  return buildAggregateTree(heads);
}
