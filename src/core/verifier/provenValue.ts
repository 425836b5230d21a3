import type { InclusionProof, RollupHead } from '../metalayer/index.js';
import type { VerifiedCheckpoint } from './checkpoint.js';
import { VerificationError } from './errors.js';

/** verified: every step held and the RPC agrees; mismatch: proofs hold but the RPC said otherwise (an alarm). */
export type ProvenValueStatus = 'verified' | 'mismatch' | 'invalid' | 'unverifiable' | 'pending';

/** The step of spec A6 at which a value stopped being verified. */
export type ProvenValueStep = 'checkpoint' | 'inclusion' | 'header' | 'account' | 'storage' | 'rpc';

/** A value read from an untrusted rollup RPC, with how far it is proven (spec A6). */
export type ProvenValue<T> = {
  status: ProvenValueStatus;
  /** The value the proofs show; set when the proofs held (verified or mismatch). */
  value?: T;
  /** What the RPC said at the same block. */
  rpcValue?: T;
  failedStep?: ProvenValueStep;
  error?: Error;
  blockNumber?: bigint;
  epoch?: bigint;
};

/** A minimal EIP-1193 request function (the rollup's RPC; untrusted). */
export type Eip1193Request = (args: { method: string; params?: readonly unknown[] }) => Promise<unknown>;

/** The parts of a chain-registry entry the prover reads. */
export type ProvableChain = { chainId: number | bigint; framework: string };

/** A checkpoint the caller verified (verifySignedCheckpoint), and the chain's head with its inclusion proof. */
export type CheckpointContext = {
  checkpoint: VerifiedCheckpoint;
  head: RollupHead;
  proof: InclusionProof;
};

export type ProveParameters = {
  request: Eip1193Request;
  chain: ProvableChain;
  /** null when no checkpoint covers the chain. */
  context: CheckpointContext | null | undefined;
  /** The value must be at least this recent (e.g. after a transfer): older checkpoints give `pending`. */
  minBlockNumber?: bigint;
};

/** The chain's state is not a Merkle-Patricia trie (ZK Stack), so no proof exists. */
export class StateNotProvableError extends Error {
  override name = 'StateNotProvableError';
  constructor(readonly framework: string) {
    super(`State of ${framework} chains is not Merkle-Patricia provable.`);
  }
}

/** No verified checkpoint covers the chain (or the block asked for). */
export class NoCheckpointError extends Error {
  override name = 'NoCheckpointError';
  constructor(readonly details: string) {
    super(`No checkpoint covers this value. ${details}`);
  }
}

/** The untrusted RPC failed or answered with something that is not the expected shape. */
export class RpcResponseError extends VerificationError {
  override name = 'RpcResponseError';
  readonly method: string;
  constructor(method: string, details: string, options?: { cause?: unknown }) {
    super('format', `Bad ${method} response.`, details, options);
    this.method = method;
  }
}

/** The header the RPC serves at the checkpoint's block is not the checkpointed one. */
export class HeadMismatchError extends VerificationError {
  override name = 'HeadMismatchError';
  constructor(details: string) {
    super('header', 'The RPC block is not the checkpointed head.', details);
  }
}

/** The proofs hold but the RPC's plain answer (eth_getBalance, eth_call, eth_getStorageAt) differs. */
export class RpcValueMismatchError extends VerificationError {
  override name = 'RpcValueMismatchError';
  constructor(step: 'account' | 'storage', method: string, claimed: bigint, proven: bigint) {
    super(step, 'The RPC value differs from the proven value.', `${method} says ${claimed}, the proof shows ${proven}.`);
  }
}
