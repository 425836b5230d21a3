import type { Address } from 'viem';

/** Settlement framework of a chain; 'unknown' when no source we checked states it. */
export type Framework = 'l1' | 'op-stack' | 'arbitrum-orbit' | 'zk-stack' | 'unknown';

export interface NativeCurrency {
  name: string;
  symbol: string;
  decimals: number;
}

export interface ChainExplorer {
  name: string;
  url: string;
}

/** A token the chain ships with (devnet.json) or that a list/watchAsset added. */
export interface ChainToken {
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
  /** Storage slot of the `balances` mapping, when known: lets the verifier prove balances. */
  balancesSlot?: number;
  /** Canonical asset id that merges the same asset across chains (e.g. 'usdc'). */
  assetId?: string;
}

/** Where one fact of a shipped entry was checked. */
export interface FactSource {
  /** e.g. 'ethereum-lists/chains _data/chains/eip155-33139.json' */
  ref: string;
  /** Facts this source confirms, e.g. ['chainId', 'nativeCurrency', 'rpcUrls'] */
  confirms: string[];
  note?: string;
}

export type ChainOrigin = 'builtin' | 'devnet' | 'user';

export interface ChainEntry {
  chainId: number;
  name: string;
  framework: Framework;
  /** Data-availability layer, when known ('ethereum', 'celestia', 'anytrust', 'eigenda', …). */
  da?: string;
  nativeCurrency: NativeCurrency;
  rpcUrls: string[];
  explorer?: ChainExplorer;
  testnet: boolean;
  devnet: boolean;
  /** Multicall3 address when the chain is known to have it; undefined = probe before use. */
  multicall3?: Address;
  /** USD price oracle on this chain (the devnet's PriceOracle), when it has one. */
  priceOracle?: Address;
  /** Other named system contracts (devnet.json `contracts`), e.g. l1Block, arbSys. */
  contracts?: Record<string, Address>;
  tokens: ChainToken[];
  origin: ChainOrigin;
  /** For shipped entries: where each fact was checked. */
  sources?: FactSource[];
  /** Facts the sources disagree on or do not state; the UI shows them, the wallet does not guess. */
  caveats?: string[];
}

/** The canonical Multicall3 address (same on every chain where it is deployed). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const satisfies Address;
