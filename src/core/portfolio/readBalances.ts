import { getAddress, isAddress, type Address, type Hex } from 'viem';
import { MULTICALL3_ADDRESS } from '../chains/types';
import {
  decodeAggregate3,
  decodeUint256,
  encodeAggregate3,
  encodeBalanceOf,
  encodeGetBlockNumber,
  encodeGetEthBalance,
  type Call3,
} from './multicall3';
import { RpcResponseError, RpcTimeoutError, RpcUnreachableError, type ChainRpc, type RpcCall } from './rpc';
import type { ChainBalances, ChainReadStatus, PortfolioToken, TokenBalance } from './types';

/** What readBalances needs of a chain. */
export interface BalanceChain {
  chainId: number;
  /** Set when the chain is known to have Multicall3 (then no probe is needed). */
  multicall3?: Address;
}

/** Remembers per chain whether Multicall3 is deployed, so only the first refresh probes. */
export type Multicall3Presence = Map<number, boolean>;

export interface ReadBalancesParameters {
  rpc: ChainRpc;
  /** Deadline for the whole chain read; past it the read is aborted and the status is 'timeout'. */
  timeoutMs?: number;
  signal?: AbortSignal;
  presence?: Multicall3Presence;
  /** Token calls per aggregate3 (default MAX_CALLS_PER_AGGREGATE). */
  maxCallsPerAggregate?: number;
}

export type ReadBalancesReturnType = ChainBalances;

const DEFAULT_TIMEOUT_MS = 8_000;
/** Token calls per aggregate3: ~30k gas each keeps a chunk far below common eth_call gas caps (50M). */
export const MAX_CALLS_PER_AGGREGATE = 500;

/** Thrown when arguments (not the chain) are wrong. */
export class ReadBalancesError extends Error {
  override name = 'ReadBalancesError';
  readonly details: string;
  constructor(message: string, details?: string) {
    super(message);
    this.details = details ?? message;
  }
}

/** The caller cancelled the read (its AbortSignal fired). */
export class ReadBalancesAbortedError extends Error {
  override name = 'AbortError';
  readonly details = 'cancelled by the caller';
  constructor() {
    super('Balance read cancelled');
  }
}

/**
 * Reads the holder's native balance and every token balance on one chain with ONE request:
 * a Multicall3.aggregate3 eth_call (allowFailure on every token), or, where Multicall3 is not deployed,
 * one JSON-RPC batch. RPC failures never throw: they come back as the chain's status.
 */
export async function readBalances(
  chain: BalanceChain,
  holder: Address,
  tokens: readonly PortfolioToken[],
  params: ReadBalancesParameters,
): Promise<ReadBalancesReturnType> {
  if (!isAddress(holder, { strict: false })) throw new ReadBalancesError('invalid holder address', holder);
  const who = getAddress(holder);
  const mine = tokens.filter((t) => t.chainId === chain.chainId);
  const started = Date.now();
  const timeoutMs = params.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(params.signal?.reason);
  if (params.signal?.aborted) onOuterAbort();
  else params.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new RpcTimeoutError(timeoutMs));
  }, timeoutMs);

  let requests = 0;
  const signal = controller.signal;
  // The deadline also cuts transports that ignore the signal.
  const deadline = new Promise<never>((_, reject) => {
    const fail = () => reject(timedOut ? new RpcTimeoutError(timeoutMs) : new ReadBalancesAbortedError());
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  deadline.catch(() => {});
  const rpc = {
    call: (c: RpcCall) => {
      requests += 1;
      return Promise.race([params.rpc.request(c, { signal }), deadline]);
    },
    batch: (cs: RpcCall[]) => {
      requests += 1;
      return Promise.race([params.rpc.batch(cs, { signal }), deadline]);
    },
  };

  const base = { chainId: chain.chainId, tokens: [] as TokenBalance[] };
  try {
    const mcAddress = chain.multicall3 ?? MULTICALL3_ADDRESS;
    const known = chain.multicall3 !== undefined ? true : params.presence?.get(chain.chainId);
    // Large token sets are split into several aggregate3 calls (node gas and size caps), still sent as ONE request.
    const chunks: PortfolioToken[][] = [];
    for (let i = 0; i < mine.length || chunks.length === 0; i += params.maxCallsPerAggregate ?? MAX_CALLS_PER_AGGREGATE)
      chunks.push(mine.slice(i, i + (params.maxCallsPerAggregate ?? MAX_CALLS_PER_AGGREGATE)));
    const aggregates: RpcCall[] = chunks.map((c) => ({
      method: 'eth_call',
      params: [{ to: mcAddress, data: encodeAggregate3(aggregateCalls(mcAddress, who, c)) }, 'latest'],
    }));
    let values: Omit<ChainBalances, 'requests' | 'elapsedMs' | 'chainId' | 'status'> | undefined;
    if (known === true) {
      const answers =
        aggregates.length === 1 ? [{ result: await rpc.call(aggregates[0]!) }] : await rpc.batch(aggregates);
      values = fromAggregates(chunks, answers);
    } else if (known === undefined) {
      // Probe and read in the same HTTP request; only a chain without Multicall3 needs a second one.
      const [code, ...answers] = await rpc.batch([{ method: 'eth_getCode', params: [mcAddress, 'latest'] }, ...aggregates]);
      if (code?.error) throw new RpcResponseError(code.error.message, code.error.code);
      const deployed = typeof code?.result === 'string' && code.result !== '0x' && code.result !== '0x0';
      params.presence?.set(chain.chainId, deployed);
      if (deployed) values = fromAggregates(chunks, answers);
    }
    values ??= await readByBatch(rpc.batch, who, mine);
    return { ...base, ...values, status: 'ok', requests, elapsedMs: Date.now() - started };
  } catch (error) {
    const status: ChainReadStatus = timedOut || error instanceof RpcTimeoutError
      ? 'timeout'
      : error instanceof RpcUnreachableError
        ? 'offline'
        : 'error';
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      ...base,
      status,
      error: { name: e.name, message: e.message, details: (e as { details?: string }).details },
      requests,
      elapsedMs: Date.now() - started,
    };
  } finally {
    clearTimeout(timer);
    params.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function aggregateCalls(mc: Address, holder: Address, tokens: readonly PortfolioToken[]): Call3[] {
  const balanceOf = encodeBalanceOf(holder);
  return [
    { target: mc, allowFailure: false, callData: encodeGetBlockNumber() },
    { target: mc, allowFailure: false, callData: encodeGetEthBalance(holder) },
    ...tokens.map((t) => ({ target: t.address, allowFailure: true, callData: balanceOf })),
  ];
}

function fromAggregates(chunks: readonly PortfolioToken[][], answers: ReadonlyArray<{ result?: unknown; error?: { code: number; message: string } }>) {
  const parts = chunks.map((c, i) => {
    const a = answers[i];
    if (!a || a.error) throw new RpcResponseError(a?.error?.message ?? 'missing aggregate3 answer', a?.error?.code);
    return fromAggregate(c, a.result as Hex);
  });
  const first = parts[0]!;
  // Chunks answered at different blocks: keep the values, but claim no single block (proof checks rely on it).
  const sameBlock = parts.every((p) => p.blockNumber === first.blockNumber);
  return {
    method: 'multicall3' as const,
    ...(sameBlock ? { blockNumber: first.blockNumber } : {}),
    native: first.native,
    tokens: parts.flatMap((p) => p.tokens),
  };
}

function fromAggregate(tokens: readonly PortfolioToken[], data: Hex) {
  if (typeof data !== 'string' || data === '0x') throw new RpcResponseError('empty Multicall3 result');
  let results;
  try {
    results = decodeAggregate3(data);
  } catch (cause) {
    throw new RpcResponseError('undecodable Multicall3 result', undefined, { cause });
  }
  if (results.length !== tokens.length + 2) throw new RpcResponseError('Multicall3 result count mismatch');
  const blockNumber = decodeUint256(results[0]!.returnData);
  const native = decodeUint256(results[1]!.returnData);
  if (blockNumber === undefined || native === undefined) throw new RpcResponseError('malformed Multicall3 result');
  return {
    method: 'multicall3' as const,
    blockNumber,
    native,
    tokens: tokens.map((token, i): TokenBalance => {
      const r = results[i + 2]!;
      const balance = r.success ? decodeUint256(r.returnData) : undefined;
      return balance === undefined ? { token, error: r.success ? 'not a uint256' : 'balanceOf reverted' } : { token, balance };
    }),
  };
}

async function readByBatch(
  batch: (cs: RpcCall[]) => Promise<Array<{ result?: unknown; error?: { code: number; message: string } }>>,
  holder: Address,
  tokens: readonly PortfolioToken[],
) {
  const data = encodeBalanceOf(holder);
  const answers = await batch([
    { method: 'eth_blockNumber' },
    { method: 'eth_getBalance', params: [holder, 'latest'] },
    ...tokens.map((t) => ({ method: 'eth_call', params: [{ to: t.address, data }, 'latest'] })),
  ]);
  const [bn, bal] = answers;
  if (bn?.error || bal?.error) throw new RpcResponseError((bn?.error ?? bal?.error)!.message, (bn?.error ?? bal?.error)!.code);
  if (typeof bn?.result !== 'string' || typeof bal?.result !== 'string') throw new RpcResponseError('malformed batch answer');
  return {
    method: 'batch' as const,
    blockNumber: BigInt(bn.result),
    native: BigInt(bal.result),
    tokens: tokens.map((token, i): TokenBalance => {
      const a = answers[i + 2];
      const balance = typeof a?.result === 'string' ? decodeUint256(a.result as Hex) : undefined;
      return balance === undefined ? { token, error: a?.error?.message ?? 'not a uint256' } : { token, balance };
    }),
  };
}
