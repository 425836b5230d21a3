import { getAddress, isAddress, type Address } from 'viem';
import devnetJson from '../core/chains/devnet.json';
import { devnetFromChainData, type ChainEntry } from '../core/chains';
import {
  aggregateBalances,
  devnetOraclePriceSource,
  loadPortfolio,
  portfolioToJson,
  proofBookFrom,
  type LoadedPortfolio,
  type PortfolioToken,
  type PriceSource,
  type ProofBook,
} from '../core/portfolio';
import { MessageError } from '../messages/MessageError';
import type { PortfolioChainRead, PortfolioTotalsJson, PortfolioView } from '../messages/portfolioGet';
import type { ChainService } from './chains';
import type { PortfolioSnapshot, PortfolioStore } from './portfolioStore';
import type { VerificationService } from './verification';

/** A cached portfolio older than this is re-read behind the cached answer. */
const STALE_MS = 10_000;
const READ_TIMEOUT_MS = 5_000;

/** The shipped devnet chains (tokens with balancesSlot, Multicall3, PriceOracle): the API only adds rpc URLs. */
const SHIPPED_CHAINS: ChainEntry[] = devnetFromChainData(devnetJson).chains;

export type PortfolioServiceDeps = {
  store: PortfolioStore;
  chains: Pick<ChainService, 'list' | 'get' | 'refreshIfStale'>;
  verification: Pick<VerificationService, 'proveBalances'>;
  selectedAddress(): Promise<Address | null>;
  now(): number;
  changed(): void;
  /** Defaults to each chain's devnet PriceOracle (devnet.json `contracts.priceOracle`). */
  prices?: (chains: readonly ChainEntry[]) => PriceSource;
  /** Shipped chain data merged over the live entries; defaults to devnet.json. */
  shipped?: readonly ChainEntry[];
  /** Tokens sites added with wallet_watchAsset (no balancesSlot: shown, proven 'unverifiable'). */
  watched?: () => Promise<PortfolioToken[]>;
  timeoutMs?: number;
};

/** The chain service's wallet_watchAsset list (kv 'assets.watched') as portfolio tokens; malformed entries are skipped. */
export function watchedTokens(stored: unknown): PortfolioToken[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((a: { chainId?: unknown; address?: unknown; symbol?: unknown; decimals?: unknown; image?: unknown }) =>
    typeof a?.chainId === 'number' && typeof a.address === 'string' && isAddress(a.address) && typeof a.symbol === 'string' && typeof a.decimals === 'number'
      ? [{ chainId: a.chainId, address: getAddress(a.address), symbol: a.symbol, name: a.symbol, decimals: a.decimals, source: 'watchAsset' as const, ...(typeof a.image === 'string' ? { logoURI: a.image } : {}) }]
      : [],
  );
}

type Running = { read: Promise<PortfolioSnapshot>; generation: number };

export type PortfolioService = ReturnType<typeof createPortfolioService>;

/**
 * The selected account's balances on every wallet chain: one read per chain (Multicall3), shown at
 * once, then proven against the latest checkpoint in the background. The last read per account is
 * cached in IndexedDB so `get` answers immediately; every stored step pushes state/changed.
 */
export function createPortfolioService(deps: PortfolioServiceDeps) {
  const shipped = deps.shipped ?? SHIPPED_CHAINS;
  const priceSourceFor = deps.prices ?? ((chains: readonly ChainEntry[]) => devnetOraclePriceSource({ chains, timeoutMs: 5_000 }));
  const running = new Map<string, Running>();
  /** Proof passes running per account (an older one may still finish after a newer read started). */
  const proving = new Map<string, number>();
  const isProving = (key: string) => (proving.get(key) ?? 0) > 0;
  const generations = new Map<string, number>();

  /** The wallet's chains with the shipped token lists and contracts of the devnet ones. */
  const enabledChains = async (): Promise<ChainEntry[]> => {
    await deps.chains.refreshIfStale(); // the first read after a worker start waits for the devnet's chain list
    const list = (await deps.chains.list()).filter((c) => c.enabled);
    const entries = await Promise.all(list.map((c) => deps.chains.get(c.chainId)));
    return entries
      .filter((c): c is ChainEntry => c !== undefined)
      .map((live) => {
        const s = shipped.find((c) => c.chainId === live.chainId);
        if (!s || live.origin !== 'devnet') return live;
        return {
          ...live,
          tokens: s.tokens,
          ...(s.multicall3 ? { multicall3: s.multicall3 } : {}),
          ...(s.priceOracle ? { priceOracle: s.priceOracle } : {}),
          ...(s.contracts ? { contracts: s.contracts } : {}),
        };
      });
  };

  const addressOf = async (address?: Address): Promise<Address> => {
    const a = address ?? (await deps.selectedAddress());
    if (!a) throw new MessageError('LOCKED', 'No account selected');
    return a;
  };

  const chainReads = (loaded: LoadedPortfolio): PortfolioChainRead[] =>
    loaded.read.chains.map((c) => ({
      chainId: c.chainId,
      status: c.status,
      ...(c.method ? { method: c.method } : {}),
      ...(c.blockNumber !== undefined ? { blockNumber: c.blockNumber.toString() } : {}),
      requests: c.requests,
      elapsedMs: c.elapsedMs,
      ...(c.error ? { error: { name: c.error.name, message: c.error.message } } : {}),
    }));

  /** Proves every read chain's rows, then re-aggregates (mismatch/invalid rows leave the totals) and stores it. */
  const prove = async (key: string, generation: number, holder: Address, chains: ChainEntry[], loaded: LoadedPortfolio, snapshot: PortfolioSnapshot) => {
    proving.set(key, (proving.get(key) ?? 0) + 1);
    try {
      const book: ProofBook = new Map();
      let epoch: bigint | null = null;
      await Promise.all(
        loaded.read.chains
          .filter((r) => r.status === 'ok')
          .map(async (read) => {
            const chain = chains.find((c) => c.chainId === read.chainId);
            if (!chain) return;
            const tokens: PortfolioToken[] = read.tokens.map((t) => t.token);
            try {
              const proven = await deps.verification.proveBalances({
                chain: { chainId: chain.chainId, framework: chain.framework, rpcUrl: chain.rpcUrls[0] },
                holder,
                tokens: tokens.map((t) => ({ address: t.address, ...(t.balancesSlot !== undefined ? { balancesSlot: t.balancesSlot } : {}) })),
              });
              if (proven.epoch !== null && (epoch === null || proven.epoch > epoch)) epoch = proven.epoch;
              proofBookFrom(read.chainId, tokens, proven, book);
            } catch (error) {
              // The prover reports failures as statuses; a throw here is a bug: the rows stay 'pending'.
              console.error('portfolio proofs failed', (error as Error).name);
            }
          }),
      );
      if (generations.get(key) !== generation) return; // a newer read replaced this one
      const totals = aggregateBalances({ reads: loaded.read.chains, chains, prices: loaded.prices, proofs: book });
      const proven: PortfolioSnapshot = {
        ...snapshot,
        proofs: 'done',
        proofEpoch: epoch === null ? null : String(epoch),
        totals: portfolioToJson(totals) as PortfolioTotalsJson,
      };
      await deps.store.put(proven);
      await deps.store.record(holder, { t: snapshot.updatedAt, usd: totals.usd.toString() });
      deps.changed();
    } finally {
      proving.set(key, (proving.get(key) ?? 1) - 1);
    }
  };

  /** Reads balances now (not waiting for proofs, which start behind it). Concurrent calls share one read unless `restart`. */
  const refresh = (holder: Address, restart = false): Promise<PortfolioSnapshot> => {
    const key = holder.toLowerCase();
    const current = running.get(key);
    if (current && !restart) return current.read;
    const generation = (generations.get(key) ?? 0) + 1;
    generations.set(key, generation);
    const read = (async () => {
      const chains = await enabledChains();
      const watched = (await deps.watched?.().catch(() => [])) ?? [];
      const loaded = await loadPortfolio({ chains, holder, watched, prices: priceSourceFor(chains), timeoutMs: deps.timeoutMs ?? READ_TIMEOUT_MS });
      const snapshot: PortfolioSnapshot = {
        key,
        address: holder,
        updatedAt: deps.now(),
        proofs: 'running',
        proofEpoch: null,
        totals: portfolioToJson(loaded.totals) as PortfolioTotalsJson,
        chains: chainReads(loaded),
      };
      if (generations.get(key) !== generation) return snapshot; // restarted (the chain set changed): the newer read stores
      await deps.store.put(snapshot);
      await deps.store.record(holder, { t: snapshot.updatedAt, usd: loaded.totals.usd.toString() });
      deps.changed();
      void prove(key, generation, holder, chains, loaded, snapshot).catch(() => undefined);
      return snapshot;
    })().finally(() => {
      if (running.get(key)?.generation === generation) running.delete(key);
    });
    running.set(key, { read, generation });
    return read;
  };

  const view = async (holder: Address, snapshot: PortfolioSnapshot | undefined, stale: boolean): Promise<PortfolioView> => {
    const key = holder.toLowerCase();
    return {
      address: snapshot?.address ?? holder,
      stale,
      updatedAt: snapshot?.updatedAt ?? null,
      refreshing: running.has(key),
      proofs: snapshot?.proofs ?? 'none',
      proofEpoch: snapshot?.proofEpoch ?? null,
      totals: snapshot?.totals ?? null,
      chains: snapshot?.chains ?? [],
      history: await deps.store.history(holder),
    };
  };

  return {
    enabledChains,
    /** Cached portfolio at once (stale: true) while a refresh runs behind it; reads first when nothing is cached. */
    get: async (address?: Address): Promise<PortfolioView> => {
      const holder = await addressOf(address);
      const cached = await deps.store.get(holder);
      if (!cached) return view(holder, await refresh(holder), false);
      if (deps.now() - cached.updatedAt > STALE_MS || cached.proofs === 'running') {
        if (!running.has(holder.toLowerCase()) && !isProving(holder.toLowerCase())) void refresh(holder).catch(() => undefined);
      }
      return view(holder, cached, true);
    },
    /** Forces a read; answers when it is stored (stale: false). */
    refresh: async (address?: Address): Promise<PortfolioView> => {
      const holder = await addressOf(address);
      return view(holder, await refresh(holder), false);
    },
    /** After a chain was switched on or off: a new read of the selected account replaces any running one. */
    chainsChanged: async (): Promise<void> => {
      const holder = await deps.selectedAddress();
      if (holder) void refresh(holder, true).catch(() => undefined);
    },
    /** Resolves when no read or proof of `address` is running (tests, and the e2e fixture). */
    idle: async (address: Address) => {
      const key = address.toLowerCase();
      while (running.has(key) || isProving(key)) {
        await running.get(key)?.read.catch(() => undefined);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
