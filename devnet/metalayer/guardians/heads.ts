import type { Hex } from 'viem';
import type { RollupHead } from '../../../src/core/metalayer/types.js';

/** Where the guardians read a chain: its own RPC (never the fault proxy). */
export type HeadSource = { chainId: number; rpcUrl: string };

export class HeadReadError extends Error {
  override name = 'HeadReadError';
  constructor(message: string, readonly details: { chainId: number }, options?: { cause?: unknown }) {
    super(message, options);
  }
}

type RpcBlock = { number: Hex; hash: Hex; stateRoot: Hex };

/** eth_getBlockByNumber('latest') of one chain → its RollupHead; checks the chain id it answers for. */
export async function readLatestHead(source: HeadSource): Promise<RollupHead> {
  let body: { result?: [Hex, RpcBlock]; error?: unknown };
  try {
    const res = await fetch(source.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] },
        { jsonrpc: '2.0', id: 2, method: 'eth_getBlockByNumber', params: ['latest', false] },
      ]),
    });
    const batch = (await res.json()) as { id: number; result?: unknown; error?: unknown }[];
    const chainId = batch.find((r) => r.id === 1)?.result as Hex | undefined;
    const block = batch.find((r) => r.id === 2)?.result as RpcBlock | undefined;
    body = chainId && block ? { result: [chainId, block] } : { error: batch };
  } catch (cause) {
    throw new HeadReadError('Chain unreachable', { chainId: source.chainId }, { cause });
  }
  if (!body.result) throw new HeadReadError('No latest block', { chainId: source.chainId }, { cause: body.error });
  const [chainId, block] = body.result;
  if (BigInt(chainId) !== BigInt(source.chainId)) throw new HeadReadError(`RPC answers for chain ${BigInt(chainId)}`, { chainId: source.chainId });
  return { chainId: BigInt(source.chainId), blockNumber: BigInt(block.number), blockHash: block.hash, stateRoot: block.stateRoot };
}

export async function readLatestHeads(sources: readonly HeadSource[]): Promise<RollupHead[]> {
  return Promise.all(sources.map(readLatestHead));
}
