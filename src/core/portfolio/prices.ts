import { decodeFunctionResult, encodeFunctionData, type Address, type Hex } from 'viem';
import type { ChainEntry } from '../chains/types';
import { httpRpc, type ChainRpc } from './rpc';
import { toUsdDecimals } from './usd';

/** USD per whole token, fixed-point with USD_DECIMALS. */
export interface Price {
  usd: bigint;
  /** Unix seconds of the oracle update, when the source knows it. */
  updatedAt?: number;
  source: string;
}

export interface PriceQuery {
  chainId: number;
  address: Address | 'native';
  symbol: string;
  decimals: number;
  assetKey: string;
}

/** Prices by priceKey(chainId, address); a missing key means 'no price' (never $0). */
export type PriceBook = Map<string, Price>;

/** Injected so other sources (an API, a second oracle) can be added without touching the portfolio. */
export type PriceSource = (queries: readonly PriceQuery[]) => Promise<PriceBook>;

export const priceKey = (chainId: number, address: Address | 'native'): string =>
  `${chainId}:${address === 'native' ? 'native' : address.toLowerCase()}`;

/** The devnet PriceOracle's key for the native asset. */
export const ORACLE_NATIVE = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE' as const satisfies Address;

/** devnet/contracts/PriceOracle.sol: pricesOf returns zeros for unknown tokens; 8 decimals. */
export const priceOracleAbi = [
  {
    type: 'function',
    name: 'pricesOf',
    stateMutability: 'view',
    inputs: [{ name: 'tokens', type: 'address[]' }],
    outputs: [
      { name: 'prices', type: 'uint256[]' },
      { name: 'updatedAt', type: 'uint256[]' },
    ],
  },
] as const;
const ORACLE_DECIMALS = 8;

export interface DevnetOraclePriceSourceParameters {
  chains: readonly ChainEntry[];
  rpcFor?: (chain: ChainEntry) => ChainRpc | undefined;
  /** Older prices count as 'no price'. */
  maxAgeSeconds?: number;
  timeoutMs?: number;
  now?: () => number;
}

/** Reads each chain's PriceOracle with one pricesOf eth_call per chain, all chains in parallel. */
export function devnetOraclePriceSource(p: DevnetOraclePriceSourceParameters): PriceSource {
  const rpcFor = p.rpcFor ?? ((c: ChainEntry) => (c.rpcUrls[0] ? httpRpc(c.rpcUrls[0]) : undefined));
  const now = p.now ?? (() => Date.now());
  return async (queries) => {
    const book: PriceBook = new Map();
    const byChain = new Map<number, PriceQuery[]>();
    for (const q of queries) byChain.set(q.chainId, [...(byChain.get(q.chainId) ?? []), q]);
    await Promise.all(
      [...byChain].map(async ([chainId, qs]) => {
        const chain = p.chains.find((c) => c.chainId === chainId);
        const rpc = chain?.priceOracle ? rpcFor(chain) : undefined;
        if (!chain?.priceOracle || !rpc) return;
        const tokens = qs.map((q) => (q.address === 'native' ? ORACLE_NATIVE : q.address));
        const data = encodeFunctionData({ abi: priceOracleAbi, functionName: 'pricesOf', args: [tokens] });
        try {
          const signal = AbortSignal.timeout(p.timeoutMs ?? 5_000);
          const result = (await rpc.request({ method: 'eth_call', params: [{ to: chain.priceOracle, data }, 'latest'] }, { signal })) as Hex;
          const [prices, updated] = decodeFunctionResult({ abi: priceOracleAbi, functionName: 'pricesOf', data: result });
          qs.forEach((q, i) => {
            const updatedAt = Number(updated[i] ?? 0n);
            const price = prices[i] ?? 0n;
            if (updatedAt === 0 || price === 0n) return;
            if (p.maxAgeSeconds !== undefined && now() / 1000 - updatedAt > p.maxAgeSeconds) return;
            book.set(priceKey(chainId, q.address), {
              usd: toUsdDecimals(price, ORACLE_DECIMALS),
              updatedAt,
              source: `devnet-oracle:${chainId}`,
            });
          });
        } catch {
          // An unreachable oracle means 'no price' for this chain's assets, never a failed portfolio.
        }
      }),
    );
    return book;
  };
}

/** Asks each source in order; the first price found for a key wins. A throwing source is skipped. */
export function firstPriceOf(...sources: PriceSource[]): PriceSource {
  return async (queries) => {
    const book: PriceBook = new Map();
    for (const source of sources) {
      const missing = queries.filter((q) => !book.has(priceKey(q.chainId, q.address)));
      if (missing.length === 0) break;
      try {
        for (const [k, v] of await source(missing)) if (!book.has(k)) book.set(k, v);
      } catch {
        // One failing source must not hide the prices of the others.
      }
    }
    return book;
  };
}
