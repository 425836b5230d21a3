import { getAbiItem, getAddress, type Address, type Hex } from 'viem';
import {
  checkpointDigest,
  decodeHyperlaneMessage,
  ecdsaSignDigest,
  hyperlaneMessageId,
  IncrementalMerkleTree,
  type HyperlaneCheckpoint,
} from '../../../src/core/metalayer/index.js';
import type { ChainClient } from '../chainClient.js';
import type { GuardianKeys } from '../guardians/keys.js';
import { hyperlaneArtifact } from './artifacts.js';
import type { HyperlaneDeployment } from './deploy.js';

/** A dispatched message with the guardians' signatures over its MerkleTreeHook checkpoint (spec B). */
export type SignedHyperlaneMessage = {
  messageId: Hex;
  message: Hex;
  origin: number;
  destination: number;
  merkleTreeHook: Address;
  /** The checkpoint at the message's own index: root after inserting it. */
  checkpoint: HyperlaneCheckpoint;
  /** Siblings of the message leaf in the tree of `checkpoint.root` (MerkleRootMultisig metadata). */
  proof: Hex[];
  /** ECDSA signatures of the online validators, by validator index (ascending). */
  signatures: { index: number; signature: Hex }[];
  /** The validator list (ISM order) and threshold these signatures are for; replaced on a hand-over. */
  validators: Address[];
  threshold: number;
  dispatchBlock: bigint;
  dispatchedAt: number;
};

export class HyperlaneValidatorError extends Error {
  override name = 'HyperlaneValidatorError';
  constructor(message: string, readonly details: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
  }
}

type DispatchLog = { args: { message: Hex }; blockNumber: bigint; logIndex: number };
type InsertedLog = { args: { messageId: Hex; index: number } };

type OriginState = { client: ChainClient; deployment: HyperlaneDeployment; tree: IncrementalMerkleTree; nextBlock: bigint };

const mailboxAbi = () => hyperlaneArtifact('Mailbox').abi;
const hookAbi = () => hyperlaneArtifact('MerkleTreeHook').abi;

/**
 * The guardians acting as Hyperlane validators: they index each origin's Dispatch events, rebuild its
 * MerkleTreeHook tree (checked against the chain's root), and sign every checkpoint with ECDSA.
 */
export class HyperlaneValidatorSet {
  #validators: readonly GuardianKeys[];
  #threshold: number;
  readonly #origins = new Map<number, OriginState>();
  readonly #messages = new Map<Hex, SignedHyperlaneMessage>();
  readonly #isOnline: (index: number) => boolean;
  readonly #listeners = new Set<(m: SignedHyperlaneMessage) => void>();

  constructor(opts: {
    origins: readonly { client: ChainClient; deployment: HyperlaneDeployment }[];
    validators: readonly GuardianKeys[];
    threshold: number;
    isOnline?: (index: number) => boolean;
  }) {
    this.#validators = opts.validators;
    this.#threshold = opts.threshold;
    this.#isOnline = opts.isOnline ?? (() => true);
    for (const o of opts.origins) {
      this.#origins.set(o.deployment.domain, { ...o, tree: new IncrementalMerkleTree(), nextBlock: o.deployment.deployedBlock });
    }
  }

  get validators(): readonly GuardianKeys[] {
    return this.#validators;
  }

  get threshold(): number {
    return this.#threshold;
  }

  get validatorAddresses(): Address[] {
    return this.#validators.map((v) => v.ecdsa);
  }

  /** Hand-over: the new validators (the new guardian set, in the new ISM's order) re-sign every known checkpoint. */
  rotate(validators: readonly GuardianKeys[], threshold: number): void {
    this.#validators = validators;
    this.#threshold = threshold;
    for (const m of this.#messages.values()) this.#sign(m);
  }

  #sign(m: SignedHyperlaneMessage): void {
    const digest = checkpointDigest(m.checkpoint);
    m.signatures = this.#validators
      .map((v, i) => ({ v, i }))
      .filter(({ i }) => this.#isOnline(i))
      .map(({ v, i }) => ({ index: i, signature: ecdsaSignDigest(digest, v.ecdsaPrivateKey) }));
    m.validators = this.validatorAddresses;
    m.threshold = this.#threshold;
  }

  message(messageId: Hex): SignedHyperlaneMessage | undefined {
    return this.#messages.get(messageId.toLowerCase() as Hex);
  }

  messages(): SignedHyperlaneMessage[] {
    return [...this.#messages.values()];
  }

  onMessage(listener: (m: SignedHyperlaneMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Indexes and signs everything dispatched since the last poll, on every origin. */
  async poll(): Promise<SignedHyperlaneMessage[]> {
    // Validators that were offline sign what they missed once they are back.
    for (const m of this.#messages.values()) if (m.signatures.length < m.threshold) this.#sign(m);
    const results = await Promise.all([...this.#origins.values()].map((o) => this.#pollOrigin(o)));
    return results.flat();
  }

  async #pollOrigin(o: OriginState): Promise<SignedHyperlaneMessage[]> {
    // viem caches the block number for its polling interval; a message mined just now must not be missed.
    const latest = await o.client.public.getBlockNumber({ cacheTime: 0 });
    if (latest < o.nextBlock) return [];
    const [dispatches, inserts] = (await Promise.all([
      o.client.public.getLogs({
        address: o.deployment.mailbox,
        event: getAbiItem({ abi: mailboxAbi(), name: 'Dispatch' }) as never,
        fromBlock: o.nextBlock,
        toBlock: latest,
      }),
      o.client.public.getLogs({
        address: o.deployment.merkleTreeHook,
        event: getAbiItem({ abi: hookAbi(), name: 'InsertedIntoTree' }) as never,
        fromBlock: o.nextBlock,
        toBlock: latest,
      }),
    ])) as unknown as [DispatchLog[], InsertedLog[]];
    const indexById = new Map<string, number>();
    for (const log of inserts) {
      const args = log.args;
      indexById.set(args.messageId.toLowerCase(), Number(args.index));
    }
    const signed: SignedHyperlaneMessage[] = [];
    const ordered = [...dispatches].sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
    for (const log of ordered) {
      const message = log.args.message;
      const messageId = hyperlaneMessageId(message).toLowerCase() as Hex;
      const hookIndex = indexById.get(messageId);
      // Only messages that went through this MerkleTreeHook (the default hook) can be proven.
      if (hookIndex === undefined) continue;
      const index = o.tree.insert(messageId);
      if (index !== hookIndex) {
        throw new HyperlaneValidatorError('Local tree out of step with the MerkleTreeHook', { origin: o.deployment.domain, index, hookIndex });
      }
      const checkpoint: HyperlaneCheckpoint = {
        origin: o.deployment.domain,
        merkleTreeHook: o.deployment.merkleTreeHook,
        root: o.tree.root(),
        index,
        messageId,
      };
      const decoded = decodeHyperlaneMessage(message);
      const record: SignedHyperlaneMessage = {
        messageId,
        message,
        origin: decoded.origin,
        destination: decoded.destination,
        merkleTreeHook: getAddress(o.deployment.merkleTreeHook),
        checkpoint,
        proof: o.tree.proof(index),
        signatures: [],
        validators: [],
        threshold: this.#threshold,
        dispatchBlock: log.blockNumber,
        dispatchedAt: Date.now(),
      };
      this.#sign(record);
      this.#messages.set(messageId, record);
      signed.push(record);
    }
    // Validators only sign what the chain itself commits to: compare with the hook's root at `latest`.
    if (ordered.length > 0) {
      const onChain = (await o.client.public.readContract({
        address: o.deployment.merkleTreeHook,
        abi: hookAbi(),
        functionName: 'root',
        blockNumber: latest,
      })) as Hex;
      if (onChain.toLowerCase() !== o.tree.root()) {
        for (const s of signed) this.#messages.delete(s.messageId);
        throw new HyperlaneValidatorError('MerkleTreeHook root differs from the indexed tree', { origin: o.deployment.domain, onChain });
      }
    }
    o.nextBlock = latest + 1n;
    for (const s of signed) for (const l of this.#listeners) l(s);
    return signed;
  }
}
