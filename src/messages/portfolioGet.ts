import { defineMessage } from './defineMessage';
import { readAddress, readObject } from './validation';
import type { PortfolioTotals } from '../core/portfolio';

/** A value with bigints as decimal strings and Errors as { name, message } (what crosses the message boundary). */
export type Jsonified<T> = T extends bigint
  ? string
  : T extends Error
    ? { name: string; message: string }
    : T extends readonly (infer U)[]
      ? Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T;

/**
 * Totals (USD fixed-point with 8 decimals, as decimal strings), per chain and per asset. Every row has
 * `proof.status` ('pending' until proofs ran; 'mismatch'/'invalid' rows carry `alarm` and are not counted).
 * Row proofs also carry `rpcValue`, `epoch` and `error` {name,message} when the verifier set them.
 */
export type PortfolioTotalsJson = Jsonified<PortfolioTotals>;

/** One point of the value chart: read time (ms) and total USD (8 decimals, decimal string). */
export type PortfolioHistoryPoint = { t: number; usd: string };

export type PortfolioChainRead = {
  chainId: number;
  status: 'ok' | 'offline' | 'timeout' | 'error';
  method?: 'multicall3' | 'batch';
  blockNumber?: string;
  requests: number;
  elapsedMs: number;
  error?: { name: string; message: string };
};

export type PortfolioView = {
  address: `0x${string}`;
  /** True when answered from the IndexedDB cache (a refresh runs behind it and pushes state/changed). */
  stale: boolean;
  /** ms since epoch of the balance read shown; null when nothing was read yet. */
  updatedAt: number | null;
  refreshing: boolean;
  /** Proofs of the rows: 'running' right after a read, 'done' when every chain was tried. */
  proofs: 'none' | 'running' | 'done';
  /** Checkpoint epoch the proofs used (decimal), when any. */
  proofEpoch: string | null;
  totals: PortfolioTotalsJson | null;
  chains: PortfolioChainRead[];
  /** Oldest first, at most 200 points. */
  history: PortfolioHistoryPoint[];
};

/** `address` defaults to the selected account. */
export type PortfolioGetInput = { address?: `0x${string}` };

export function readPortfolioInput(input: unknown): PortfolioGetInput {
  if (input === undefined || input === null) return {};
  const o = readObject(input);
  return o.address === undefined ? {} : { address: readAddress(o, 'address') };
}

export const portfolioGet = defineMessage<PortfolioGetInput, PortfolioView>()({
  type: 'portfolio/get',
  validate: readPortfolioInput,
});
