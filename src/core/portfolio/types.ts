import type { Address } from 'viem';

/** A token whose balance the portfolio reads on one chain. */
export interface PortfolioToken {
  chainId: number;
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
  /** Merges the same asset across chains; defaults to `${symbol}:${decimals}` (see assetKeyOf). */
  assetId?: string;
  logoURI?: string;
  /** Where the wallet learned of it; unknown tokens (e.g. airdrops) are hidden by default. */
  source: 'chain' | 'list' | 'watchAsset' | 'unknown';
  /** Storage slot of the balances mapping, when known (lets the verifier prove the balance). */
  balancesSlot?: number;
}

/** Reading status of one chain in a refresh. */
export type ChainReadStatus = 'ok' | 'offline' | 'timeout' | 'error';

export interface TokenBalance {
  token: PortfolioToken;
  /** Undefined when this one token's call failed (the rest of the chain still counts). */
  balance?: bigint;
  error?: string;
}

export interface ChainBalances {
  chainId: number;
  status: ChainReadStatus;
  /** How the values were read: one Multicall3.aggregate3 eth_call, or one JSON-RPC batch. */
  method?: 'multicall3' | 'batch';
  /** Block the values belong to (Multicall3.getBlockNumber inside the same call, or the batch's eth_blockNumber). */
  blockNumber?: bigint;
  native?: bigint;
  tokens: TokenBalance[];
  error?: { name: string; message: string; details?: string };
  /** HTTP requests this read made (the target is 1). */
  requests: number;
  elapsedMs: number;
}
