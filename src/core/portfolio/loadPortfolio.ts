import type { Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import { aggregateBalances, priceQueriesFor, type PortfolioTotals, type ProofBook } from './aggregate';
import type { PriceBook, PriceSource } from './prices';
import { readPortfolio, type PortfolioRead, type ReadPortfolioParameters } from './readPortfolio';
import { collectTokens, type TokenList } from './tokenList';
import type { PortfolioToken } from './types';

export interface LoadPortfolioParameters extends Omit<ReadPortfolioParameters, 'tokens'> {
  /** The enabled chains (registry's enabledChains). */
  chains: readonly ChainEntry[];
  holder: Address;
  lists?: readonly TokenList[];
  watched?: readonly PortfolioToken[];
  prices?: PriceSource;
  proofs?: ProofBook;
  showHidden?: boolean;
}

export interface LoadedPortfolio {
  read: PortfolioRead;
  prices: PriceBook;
  totals: PortfolioTotals;
}

/** One refresh: tokens from chain data, lists and watchAsset → one read per chain → prices → totals. */
export async function loadPortfolio(p: LoadPortfolioParameters): Promise<LoadedPortfolio> {
  const tokens = collectTokens({ chains: p.chains, ...(p.lists ? { lists: p.lists } : {}), ...(p.watched ? { watched: p.watched } : {}) });
  const { chains, holder, lists: _l, watched: _w, prices: source, proofs, showHidden, ...readParams } = p;
  const read = await readPortfolio(chains, holder, { ...readParams, tokens });
  let prices: PriceBook = new Map();
  if (source) {
    try {
      prices = await source(priceQueriesFor(read.chains, chains));
    } catch {
      // No prices is a state the UI shows ('no price'), not a failed refresh.
    }
  }
  const totals = aggregateBalances({
    reads: read.chains,
    chains,
    prices,
    ...(proofs ? { proofs } : {}),
    ...(showHidden ? { showHidden } : {}),
  });
  return { read, prices, totals };
}

/** JSON-safe copy for messages and storage: bigint → decimal string, Error → message. */
export function portfolioToJson<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v instanceof Error ? { name: v.name, message: v.message } : v,
    ),
  );
}
