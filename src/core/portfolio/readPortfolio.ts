import type { Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import { readBalances, type Multicall3Presence } from './readBalances';
import { httpRpc, type ChainRpc } from './rpc';
import type { ChainBalances, PortfolioToken } from './types';

export interface ReadPortfolioParameters {
  /** Tokens to read (any chain); each chain reads only its own. */
  tokens: readonly PortfolioToken[];
  /** Per-chain deadline: a slow chain ends as 'timeout' and never delays the others past it. */
  timeoutMs?: number;
  /** How to reach a chain; defaults to HTTP on its first rpc URL. */
  rpcFor?: (chain: ChainEntry) => ChainRpc | undefined;
  presence?: Multicall3Presence;
  /** Called as each chain finishes, so a UI can show fast chains before slow ones. */
  onChain?: (result: ChainBalances) => void;
  signal?: AbortSignal;
}

export interface PortfolioRead {
  holder: Address;
  chains: ChainBalances[];
  /** Sum of HTTP requests over all chains. */
  requests: number;
  elapsedMs: number;
}

const defaultRpcFor = (chain: ChainEntry): ChainRpc | undefined =>
  chain.rpcUrls[0] === undefined ? undefined : httpRpc(chain.rpcUrls[0]);

/** Reads every chain in parallel, one request per chain; partial results carry each chain's status. */
export async function readPortfolio(
  chains: readonly ChainEntry[],
  holder: Address,
  params: ReadPortfolioParameters,
): Promise<PortfolioRead> {
  const started = Date.now();
  const rpcFor = params.rpcFor ?? defaultRpcFor;
  const results = await Promise.all(
    chains.map(async (chain): Promise<ChainBalances> => {
      const rpc = rpcFor(chain);
      const result: ChainBalances = rpc
        ? await readBalances(chain, holder, params.tokens, {
            rpc,
            ...(params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {}),
            ...(params.presence ? { presence: params.presence } : {}),
            ...(params.signal ? { signal: params.signal } : {}),
          })
        : {
            chainId: chain.chainId,
            status: 'offline',
            tokens: [],
            error: { name: 'NoRpcUrl', message: 'chain has no RPC URL' },
            requests: 0,
            elapsedMs: 0,
          };
      try {
        params.onChain?.(result);
      } catch {
        // A listener's failure must not turn a read chain into a failed one.
      }
      return result;
    }),
  );
  return {
    holder,
    chains: results,
    requests: results.reduce((n, r) => n + r.requests, 0),
    elapsedMs: Date.now() - started,
  };
}
