import type { Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import { priceKey, type Price, type PriceBook, type PriceQuery } from './prices';
import type { ChainBalances, ChainReadStatus, PortfolioToken } from './types';
import { usdValue } from './usd';

/** The verifier's ProvenValue status (src/core/verifier, INTERFACES.md). */
export type ProofStatus = 'verified' | 'mismatch' | 'invalid' | 'unverifiable' | 'pending';

/** What the portfolio needs of a verifier ProvenValue<bigint>. */
export interface BalanceProof {
  status: ProofStatus;
  value?: bigint;
  blockNumber?: bigint;
  failedStep?: string;
}

/** Proofs by priceKey(chainId, address | 'native'). */
export type ProofBook = Map<string, BalanceProof>;

export interface BalanceRow {
  chainId: number;
  address: Address | 'native';
  assetKey: string;
  symbol: string;
  name: string;
  decimals: number;
  amount: bigint;
  /** USD value with USD_DECIMALS; undefined = no price. */
  usd?: bigint;
  price?: Price;
  proof: BalanceProof;
  /** False for mismatched/invalid proofs and hidden rows: they are not in any total. */
  counted: boolean;
  /** Set on a proof mismatch or an invalid proof: the UI shows it as an alarm. */
  alarm?: string;
  hidden?: 'zero' | 'unknown';
  source: PortfolioToken['source'] | 'native';
}

export interface ChainTotal {
  chainId: number;
  name: string;
  status: ChainReadStatus;
  blockNumber?: bigint;
  usd: bigint;
  /** Counted rows without a price: the total is a lower bound when this is > 0. */
  unpriced: number;
  rows: BalanceRow[];
}

export interface AssetTotal {
  assetKey: string;
  symbol: string;
  /** The largest decimals among the merged rows; `amount` is in this scale. */
  decimals: number;
  amount: bigint;
  usd: bigint;
  unpriced: number;
  /** One row per chain holding it (the expandable part of the merged row). */
  rows: BalanceRow[];
}

export interface PortfolioTotals {
  usd: bigint;
  unpriced: number;
  perChain: ChainTotal[];
  perAsset: AssetTotal[];
  /** Rows whose proof is 'mismatch' or 'invalid' (never counted). */
  alarms: BalanceRow[];
  hiddenCount: number;
}

export interface AggregateBalancesParameters {
  reads: readonly ChainBalances[];
  chains: readonly ChainEntry[];
  prices?: PriceBook;
  proofs?: ProofBook;
  /** Show zero-balance and unknown tokens (hidden by default). */
  showHidden?: boolean;
}

/** symbol+decimals unless the token list names the asset (e.g. bridged USDC with other decimals). */
export const assetKeyOf = (t: { symbol: string; decimals: number; assetId?: string }): string =>
  t.assetId ?? `${t.symbol.toUpperCase()}:${t.decimals}`;

/** Price queries for everything a refresh read (native + tokens). */
export function priceQueriesFor(reads: readonly ChainBalances[], chains: readonly ChainEntry[]): PriceQuery[] {
  const out: PriceQuery[] = [];
  for (const r of reads) {
    if (r.status !== 'ok') continue;
    const chain = chains.find((c) => c.chainId === r.chainId);
    if (chain) {
      const n = chain.nativeCurrency;
      out.push({ chainId: r.chainId, address: 'native', symbol: n.symbol, decimals: n.decimals, assetKey: assetKeyOf(n) });
    }
    for (const t of r.tokens)
      out.push({ chainId: r.chainId, address: t.token.address, symbol: t.token.symbol, decimals: t.token.decimals, assetKey: assetKeyOf(t.token) });
  }
  return out;
}

const PENDING: BalanceProof = { status: 'pending' };

function proofOf(proofs: ProofBook | undefined, key: string, amount: bigint, blockNumber: bigint | undefined): BalanceProof {
  const p = proofs?.get(key);
  if (!p) return PENDING;
  // A verified value for the very block we read that differs from what the RPC said is a lie by the RPC.
  if (p.status === 'verified' && p.value !== undefined && p.value !== amount && p.blockNumber !== undefined && p.blockNumber === blockNumber)
    return { ...p, status: 'mismatch' };
  return p;
}

/**
 * Totals overall, per chain and per asset (merged across chains). Bigint throughout; USD fixed-point.
 * Rows with a 'mismatch' or 'invalid' proof are flagged and left out of every total.
 */
export function aggregateBalances(p: AggregateBalancesParameters): PortfolioTotals {
  const perChain: ChainTotal[] = [];
  const assets = new Map<string, AssetTotal>();
  const alarms: BalanceRow[] = [];
  let hiddenCount = 0;
  let usd = 0n;
  let unpriced = 0;

  for (const read of p.reads) {
    const chain = p.chains.find((c) => c.chainId === read.chainId);
    const total: ChainTotal = {
      chainId: read.chainId,
      name: chain?.name ?? `Chain ${read.chainId}`,
      status: read.status,
      ...(read.blockNumber !== undefined ? { blockNumber: read.blockNumber } : {}),
      usd: 0n,
      unpriced: 0,
      rows: [],
    };
    perChain.push(total);
    if (read.status !== 'ok') continue;

    const candidates: Array<Omit<BalanceRow, 'proof' | 'counted' | 'usd' | 'price' | 'assetKey'> & { assetId?: string }> = [];
    if (chain && read.native !== undefined) {
      const n = chain.nativeCurrency;
      candidates.push({ chainId: read.chainId, address: 'native', symbol: n.symbol, name: n.name, decimals: n.decimals, amount: read.native, source: 'native' });
    }
    for (const t of read.tokens) {
      if (t.balance === undefined) continue;
      const tk = t.token;
      candidates.push({
        chainId: read.chainId,
        address: tk.address,
        symbol: tk.symbol,
        name: tk.name,
        decimals: tk.decimals,
        amount: t.balance,
        source: tk.source,
        ...(tk.assetId ? { assetId: tk.assetId } : {}),
      });
    }

    for (const { assetId, ...c } of candidates) {
      const key = priceKey(c.chainId, c.address);
      const proof = proofOf(p.proofs, key, c.amount, read.blockNumber);
      const price = p.prices?.get(key);
      const hidden = c.source === 'unknown' ? 'unknown' : c.amount === 0n ? 'zero' : undefined;
      const bad = proof.status === 'mismatch' || proof.status === 'invalid';
      const row: BalanceRow = {
        ...c,
        assetKey: assetKeyOf({ symbol: c.symbol, decimals: c.decimals, ...(assetId ? { assetId } : {}) }),
        proof,
        counted: !bad && hidden === undefined,
        ...(price ? { price, usd: usdValue(c.amount, c.decimals, price.usd) } : {}),
        ...(bad ? { alarm: proof.status === 'mismatch' ? 'RPC balance differs from the proven balance' : 'balance proof is invalid' } : {}),
        ...(hidden ? { hidden } : {}),
      };
      if (bad) alarms.push(row);
      if (hidden && !bad) {
        hiddenCount += 1;
        if (!p.showHidden) continue;
      }
      total.rows.push(row);
      if (!row.counted) continue;
      if (row.usd === undefined) total.unpriced += 1;
      else total.usd += row.usd;

      let asset = assets.get(row.assetKey);
      if (!asset) {
        asset = { assetKey: row.assetKey, symbol: row.symbol, decimals: row.decimals, amount: 0n, usd: 0n, unpriced: 0, rows: [] };
        assets.set(row.assetKey, asset);
      }
      if (row.decimals > asset.decimals) {
        asset.amount *= 10n ** BigInt(row.decimals - asset.decimals);
        asset.decimals = row.decimals;
      }
      asset.amount += row.amount * 10n ** BigInt(asset.decimals - row.decimals);
      if (row.usd === undefined) asset.unpriced += 1;
      else asset.usd += row.usd;
      asset.rows.push(row);
    }
    usd += total.usd;
    unpriced += total.unpriced;
  }

  // Flagged rows still show (in their chain and asset) so the alarm is visible where the user looks.
  for (const row of alarms) {
    const asset = assets.get(row.assetKey);
    if (asset) asset.rows.push(row);
    else assets.set(row.assetKey, { assetKey: row.assetKey, symbol: row.symbol, decimals: row.decimals, amount: 0n, usd: 0n, unpriced: 0, rows: [row] });
  }

  const perAsset = [...assets.values()].sort((a, b) => (b.usd > a.usd ? 1 : b.usd < a.usd ? -1 : a.assetKey.localeCompare(b.assetKey)));
  return { usd, unpriced, perChain, perAsset, alarms, hiddenCount };
}
