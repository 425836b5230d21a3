import type { Hex } from 'viem';
import {
  assertGuardianSet,
  guardianSetFromJson,
  guardianSetHash,
  guardianSetToJson,
  guardianSetUpdateSigningRoot,
  MetalayerFormatError,
  signedGuardianSetUpdateFromJson,
  signedGuardianSetUpdateToJson,
  type GuardianSet,
  type GuardianSetJson,
  type SignedGuardianSetUpdate,
  type SignedGuardianSetUpdateJson,
} from '../metalayer/index.js';
import { guardianPublicKeys, verifyGuardianQuorum } from './bls.js';
import { GuardianSetUpdateError, NetworkMismatchError, UnknownGuardianSetError, VerificationError } from './errors.js';

/** A guardian set the wallet accepted, and from which epoch it signs. */
export type AcceptedGuardianSet = {
  set: GuardianSet;
  hash: Hex;
  /** First epoch this set signs; genesis: 0. It stops signing at the next set's activation epoch. */
  activationEpoch: bigint;
};

/** Plain JSON-able form (IndexedDB); `fromJSON` replays and re-verifies every update. */
export type GuardianSetRegistryJson = {
  version: 1;
  networkId: number;
  genesisHash: Hex;
  genesis: GuardianSetJson | null;
  updates: SignedGuardianSetUpdateJson[];
};

/**
 * The guardian sets a wallet trusts for one Metalayer network: exactly the pinned genesis set,
 * then the chain of hand-overs each signed by ≥ 2/3 of the stake of the set before it (spec A1, A4).
 */
export class GuardianSetRegistry {
  readonly networkId: number;
  readonly genesisHash: Hex;
  private readonly sets: AcceptedGuardianSet[] = [];
  private readonly updates: SignedGuardianSetUpdate[] = [];

  constructor(options: { networkId: number; genesisHash: Hex }) {
    if (!Number.isInteger(options.networkId) || options.networkId < 0 || options.networkId > 0xffffffff)
      throw new GuardianSetUpdateError(`networkId ${options.networkId} does not fit uint32.`);
    if (!/^0x[0-9a-fA-F]{64}$/.test(options.genesisHash)) throw new GuardianSetUpdateError('The pinned genesis hash must be 32 bytes.');
    this.networkId = options.networkId;
    this.genesisHash = options.genesisHash.toLowerCase() as Hex;
  }

  /** Accepts the genesis set iff it hashes to the pinned hash. Idempotent. */
  acceptGenesis(set: GuardianSet): AcceptedGuardianSet {
    try {
      assertGuardianSet(set);
    } catch (cause) {
      throw new GuardianSetUpdateError((cause as Error).message, { cause });
    }
    const hash = guardianSetHash(set);
    if (hash !== this.genesisHash) throw new GuardianSetUpdateError(`Set hash ${hash} is not the pinned genesis ${this.genesisHash}.`);
    if (this.sets[0]) return this.sets[0];
    guardianPublicKeys(set); // refuse a set with an invalid BLS key now, not at the first checkpoint
    const accepted = { set, hash, activationEpoch: 0n };
    this.sets.push(accepted);
    return accepted;
  }

  /**
   * Applies a hand-over from the latest set: same network, toSet.id = fromSetId + 1, activation after
   * the from-set's, and a BLS quorum (≥ 2/3 stake) of the FROM set over its signing root.
   * Re-applying an already accepted update is a no-op.
   */
  applyUpdate(signed: SignedGuardianSetUpdate): AcceptedGuardianSet {
    const { update } = signed;
    if (update.networkId !== this.networkId)
      throw new NetworkMismatchError(`Update is for network ${update.networkId}, the registry for ${this.networkId}.`);
    const latest = this.latest();
    let toHash: Hex;
    try {
      assertGuardianSet(update.toSet, 'toSet');
      toHash = guardianSetHash(update.toSet);
    } catch (cause) {
      throw new GuardianSetUpdateError(cause instanceof MetalayerFormatError ? cause.message : 'Malformed toSet.', { cause });
    }
    const known = this.get(update.toSet.id);
    if (known) {
      if (known.hash === toHash && known.activationEpoch === update.activationEpoch && this.get(update.fromSetId)) return known;
      throw new GuardianSetUpdateError(`Set ${update.toSet.id} is already accepted with other members or activation.`);
    }
    if (update.fromSetId !== latest.set.id)
      throw new GuardianSetUpdateError(`Update hands over from set ${update.fromSetId}; the latest accepted set is ${latest.set.id}.`);
    if (update.toSet.id !== update.fromSetId + 1n)
      throw new GuardianSetUpdateError(`toSet.id ${update.toSet.id} is not fromSetId + 1.`);
    if (update.activationEpoch <= latest.activationEpoch)
      throw new GuardianSetUpdateError(`Activation epoch ${update.activationEpoch} is not after ${latest.activationEpoch}.`);
    guardianPublicKeys(update.toSet);
    // Bitmap, stake and signature failures keep their own step (signer-bitmap, stake-threshold, checkpoint-signature).
    verifyGuardianQuorum(latest.set, signed.signers, guardianSetUpdateSigningRoot(update), signed.signature);
    const accepted = { set: update.toSet, hash: toHash, activationEpoch: update.activationEpoch };
    this.sets.push(accepted);
    this.updates.push(signed);
    return accepted;
  }

  /** Applies updates oldest first (as `GET /v1/guardian-set-updates` serves them); returns the latest set. */
  applyUpdates(updates: readonly SignedGuardianSetUpdate[]): AcceptedGuardianSet {
    for (const u of updates) this.applyUpdate(u);
    return this.latest();
  }

  get(setId: bigint): AcceptedGuardianSet | undefined {
    return this.sets.find((s) => s.set.id === setId);
  }

  /** The set that signs checkpoints of `epoch` under id `setId`, or UnknownGuardianSetError. */
  require(setId: bigint, epoch?: bigint): AcceptedGuardianSet {
    const at = this.sets.findIndex((s) => s.set.id === setId);
    const accepted = this.sets[at];
    if (!accepted) throw new UnknownGuardianSetError(`Guardian set ${setId} was never accepted.`);
    if (epoch !== undefined) {
      const next = this.sets[at + 1];
      if (epoch < accepted.activationEpoch)
        throw new UnknownGuardianSetError(`Set ${setId} only signs from epoch ${accepted.activationEpoch}, not ${epoch}.`);
      if (next && epoch >= next.activationEpoch)
        throw new UnknownGuardianSetError(`Set ${setId} was replaced by set ${next.set.id} at epoch ${next.activationEpoch}.`);
    }
    return accepted;
  }

  latest(): AcceptedGuardianSet {
    const latest = this.sets[this.sets.length - 1];
    if (!latest) throw new UnknownGuardianSetError('No genesis guardian set accepted yet.');
    return latest;
  }

  /** Accepted sets, genesis first. */
  list(): readonly AcceptedGuardianSet[] {
    return [...this.sets];
  }

  toJSON(): GuardianSetRegistryJson {
    return {
      version: 1,
      networkId: this.networkId,
      genesisHash: this.genesisHash,
      genesis: this.sets[0] ? guardianSetToJson(this.sets[0].set) : null,
      updates: this.updates.map(signedGuardianSetUpdateToJson),
    };
  }

  /** Rebuilds a registry from `toJSON()` output, re-checking the genesis hash and every update's signatures. */
  static fromJSON(json: unknown): GuardianSetRegistry {
    const o = json as Partial<GuardianSetRegistryJson> | null;
    if (typeof o !== 'object' || o === null || o.version !== 1 || typeof o.networkId !== 'number' || typeof o.genesisHash !== 'string' || !Array.isArray(o.updates))
      throw new GuardianSetUpdateError('Not a stored guardian-set registry.');
    const registry = new GuardianSetRegistry({ networkId: o.networkId, genesisHash: o.genesisHash as Hex });
    if (o.genesis == null) {
      if (o.updates.length > 0) throw new GuardianSetUpdateError('Stored updates without a genesis set.');
      return registry;
    }
    try {
      registry.acceptGenesis(guardianSetFromJson(o.genesis, 'genesis'));
      registry.applyUpdates(o.updates.map((u, i) => signedGuardianSetUpdateFromJson(u, `updates[${i}]`)));
    } catch (cause) {
      if (cause instanceof VerificationError) throw cause;
      throw new GuardianSetUpdateError((cause as Error).message, { cause });
    }
    return registry;
  }
}
