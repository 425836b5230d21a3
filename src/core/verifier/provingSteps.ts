// The steps of spec A6 shared by the prove* actions (not part of the public API).
import type { Address, Hex } from 'viem';
import { numberToHex } from '../bytes/hex.js';
import type { RollupHead } from '../metalayer/index.js';
import { AccountProofMismatchError, verifyAccountProof, type AccountState, type Eip1186Proof } from './accountProof.js';
import { verifyHeader, type RpcBlockHeader } from './header.js';
import { verifyRollupInclusion } from './merkle.js';
import {
  HeadMismatchError,
  NoCheckpointError,
  RpcResponseError,
  RpcValueMismatchError,
  StateNotProvableError,
  type Eip1193Request,
  type ProvenValue,
  type ProvenValueStatus,
  type ProvenValueStep,
  type ProveParameters,
} from './provenValue.js';
import { StorageProofMismatchError, verifyStorageProof } from './storageProof.js';

/** The checkpointed head whose header was re-hashed: the block every proof is then asked at. */
export type ProvenHead = { blockNumber: bigint; blockTag: Hex; stateRoot: Hex; epoch: bigint };

export type Failure = { status: Exclude<ProvenValueStatus, 'verified' | 'mismatch'>; failedStep: ProvenValueStep; error: Error; blockNumber?: bigint; epoch?: bigint };

const fail = (status: Failure['status'], failedStep: ProvenValueStep, error: Error, head?: RollupHead, epoch?: bigint): Failure => ({
  status,
  failedStep,
  error,
  ...(head ? { blockNumber: head.blockNumber } : {}),
  ...(epoch !== undefined ? { epoch } : {}),
});

/**
 * Steps 1–2 of spec A6 plus the header: the chain is provable, a verified checkpoint covers it,
 * its head is in the aggregate root, and the RPC's header at that block hashes to the head.
 * Returns the head to prove against, or the failure every value of this chain then carries.
 */
export async function proveHead(params: ProveParameters): Promise<ProvenHead | Failure> {
  const { chain, context, request } = params;
  if (chain.framework === 'zk-stack') return fail('unverifiable', 'checkpoint', new StateNotProvableError(chain.framework));
  if (!context) return fail('unverifiable', 'checkpoint', new NoCheckpointError(`Chain ${chain.chainId} has no checkpointed head.`));
  const { head, proof } = context;
  const checkpoint = context.checkpoint.checkpoint;
  const epoch = checkpoint.epoch;
  if (BigInt(head.chainId) !== BigInt(chain.chainId)) {
    return fail('invalid', 'inclusion', new HeadMismatchError(`The head is for chain ${head.chainId}, not ${chain.chainId}.`), head, epoch);
  }
  try {
    verifyRollupInclusion(head, proof, checkpoint.aggregateRoot, { rollupCount: checkpoint.rollupCount });
  } catch (error) {
    return fail('invalid', 'inclusion', asError(error), head, epoch);
  }
  if (params.minBlockNumber !== undefined && head.blockNumber < params.minBlockNumber) {
    const error = new NoCheckpointError(`The latest checkpoint is at block ${head.blockNumber}, before ${params.minBlockNumber}.`);
    return fail('pending', 'checkpoint', error, head, epoch);
  }
  const blockTag = numberToHex(head.blockNumber);
  let block: unknown;
  try {
    block = await request({ method: 'eth_getBlockByNumber', params: [blockTag, false] });
  } catch (cause) {
    return fail('invalid', 'rpc', new RpcResponseError('eth_getBlockByNumber', errorText(cause), { cause }), head, epoch);
  }
  if (block === null || typeof block !== 'object') {
    return fail('invalid', 'header', new RpcResponseError('eth_getBlockByNumber', `no block ${head.blockNumber}`), head, epoch);
  }
  try {
    const proven = verifyHeader(block as RpcBlockHeader);
    if (proven.number !== head.blockNumber || proven.hash !== head.blockHash.toLowerCase()) {
      throw new HeadMismatchError(`The RPC serves block ${proven.number} ${proven.hash}, the checkpoint has ${head.blockNumber} ${head.blockHash}.`);
    }
    if (proven.stateRoot !== head.stateRoot.toLowerCase()) {
      throw new HeadMismatchError(`Block ${proven.number} has state root ${proven.stateRoot}, the checkpoint ${head.stateRoot}.`);
    }
    return { blockNumber: head.blockNumber, blockTag, stateRoot: proven.stateRoot, epoch };
  } catch (error) {
    return fail('invalid', 'header', asError(error), head, epoch);
  }
}

export function isFailure(x: ProvenHead | Failure): x is Failure {
  return 'status' in x;
}

/** Runs an RPC call, turning transport errors and `null` into RpcResponseError. */
export async function rpc<T>(request: Eip1193Request, method: string, params: readonly unknown[]): Promise<T> {
  let result: unknown;
  try {
    result = await request({ method, params });
  } catch (cause) {
    throw new RpcResponseError(method, errorText(cause), { cause });
  }
  if (result === null || result === undefined) throw new RpcResponseError(method, 'empty result');
  return result as T;
}

/** Parses an RPC quantity or 32-byte word (eth_getBalance, eth_call, eth_getStorageAt). */
export function rpcBigInt(method: string, value: unknown): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) {
    throw new RpcResponseError(method, `expected a number up to 256 bits, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return BigInt(value);
}

/** The RPC's plain answer for one value, already requested. */
export type RpcAnswer = { method: string; value: Promise<bigint> };

/** Requests a plain RPC value now (to run beside the proof) and parses it as a 256-bit number. */
export function rpcAnswer(request: Eip1193Request, method: string, params: readonly unknown[], label = method): RpcAnswer {
  return { method: label, value: rpc<unknown>(request, method, params).then((v) => rpcBigInt(method, v)) };
}

/**
 * Steps 3–4 of spec A6 for one account and its slots, from one eth_getProof, then each value
 * compared with the RPC's plain answer. `plain` holds the RPC's own answers in the same order
 * (the native balance first when `withBalance`, then one per slot), already requested.
 */
export async function proveAccount(
  request: Eip1193Request,
  head: ProvenHead,
  address: Address,
  slots: readonly Hex[],
  withBalance: boolean,
  plain: readonly RpcAnswer[],
): Promise<ProvenValue<bigint>[]> {
  const base = { blockNumber: head.blockNumber, epoch: head.epoch };
  const count = (withBalance ? 1 : 0) + slots.length;
  const all = (status: Failure['status'], failedStep: ProvenValueStep, error: Error): ProvenValue<bigint>[] =>
    Array.from({ length: count }, () => ({ status, failedStep, error, ...base }));
  // Settle the plain answers now so a failed proof does not leave rejections unobserved.
  const settled = Promise.allSettled(plain.map((p) => p.value));

  let proof: Eip1186Proof;
  try {
    proof = await rpc<Eip1186Proof>(request, 'eth_getProof', [address, slots, head.blockTag]);
  } catch (error) {
    await settled;
    return all('invalid', 'rpc', asError(error));
  }
  let account: AccountState;
  let claimMismatch: AccountProofMismatchError | undefined;
  try {
    account = verifyAccountProof(head.stateRoot, address, proof);
  } catch (error) {
    await settled;
    if (error instanceof AccountProofMismatchError && error.proven && error.field !== 'address') {
      // The proof holds; the RPC contradicts it in its own response: every value of this account is an alarm.
      account = error.proven;
      claimMismatch = error;
    } else {
      return all('invalid', 'account', asError(error));
    }
  }

  const proven: (ProvenValue<bigint> & { value?: bigint })[] = [];
  if (withBalance) {
    proven.push(claimMismatch ? mismatched(account.balance, claimMismatch, base, 'account') : { status: 'verified', value: account.balance, ...base });
  }
  const entries = Array.isArray(proof.storageProof) ? proof.storageProof : [];
  for (let i = 0; i < slots.length; i++) {
    const entry = entries[i];
    if (entry === undefined) {
      proven.push({ status: 'invalid', failedStep: 'storage', error: new RpcResponseError('eth_getProof', `no storage proof for slot ${slots[i]}`), ...base });
      continue;
    }
    try {
      const value = verifyStorageProof(account.storageRoot, slots[i]!, entry);
      proven.push(claimMismatch ? mismatched(value, claimMismatch, base, 'account') : { status: 'verified', value, ...base });
    } catch (error) {
      if (error instanceof StorageProofMismatchError && error.field === 'value' && error.proven !== undefined) {
        proven.push(mismatched(error.proven, error, base, 'storage'));
      } else {
        proven.push({ status: 'invalid', failedStep: 'storage', error: asError(error), ...base });
      }
    }
  }

  const answers = await settled;
  return proven.map((p, i) => {
    if (p.status !== 'verified' && p.status !== 'mismatch') return p;
    const answer = answers[i]!;
    if (answer.status === 'rejected') return { status: 'invalid', failedStep: 'rpc', error: asError(answer.reason), ...base };
    if (p.status === 'mismatch') return { ...p, rpcValue: answer.value };
    if (answer.value !== p.value) {
      const error = new RpcValueMismatchError(withBalance && i === 0 ? 'account' : 'storage', plain[i]!.method, answer.value, p.value!);
      return { status: 'mismatch', value: p.value, rpcValue: answer.value, failedStep: 'rpc', error, ...base };
    }
    return { ...p, rpcValue: answer.value };
  });
}

function mismatched(value: bigint, error: Error, base: { blockNumber: bigint; epoch: bigint }, step: ProvenValueStep): ProvenValue<bigint> {
  return { status: 'mismatch', value, failedStep: step, error, ...base };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
