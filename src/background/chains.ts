import { createChainRegistry, devnetFromNetworkResponse, getChain, isChainEnabled, setChainEnabled, type ChainEntry, type ChainRegistry } from '../core/chains';
import { MessageError } from '../messages/MessageError';
import { jsonRpcFetch } from '../core/rpc';
import type { WalletChain } from '../messages/stateGet';
import type { WalletDb } from './db';
import type { SettingsStore } from './settings';

const K = { devnet: 'chains.devnet', user: 'chains.user', disabled: 'chains.disabled', assets: 'assets.watched' } as const;
/** A state read refreshes chains at most this often. */
const STALE_MS = 10_000;

/**
 * The wallet's chains: the devnet's from `<devnetApi>/v1/network` (last answer kept for offline
 * starts), chains sites added, and H6's built-in Caldera mainnets (known for switching; not probed).
 */
export type ChainService = ReturnType<typeof createChainService>;

export function createChainService(deps: { db: WalletDb; settings: SettingsStore; fetch: typeof fetch; now(): number; changed(): void }) {
  const online = new Map<number, boolean>();
  const failedProbes = new Map<number, number>();
  let devnet: ChainEntry[] | null = null;
  let user: ChainEntry[] | null = null;
  /** Wallet chain ids the user switched off (kv 'chains.disabled'). */
  let disabled: number[] | null = null;
  let lastRefresh = 0;
  let inflight: Promise<void> | null = null;

  let loading: Promise<void> | null = null;
  // One read shared by concurrent callers, so a later write is never overwritten by a stale read.
  const load = () =>
    (loading ??= (async () => {
      const [d, u, off] = await Promise.all([deps.db.get<ChainEntry[]>(K.devnet), deps.db.get<ChainEntry[]>(K.user), deps.db.get<number[]>(K.disabled)]);
      devnet ??= d ?? [];
      user ??= u ?? [];
      disabled ??= Array.isArray(off) ? off.filter((id) => Number.isSafeInteger(id)) : [];
    })());
  const registry = async (): Promise<ChainRegistry> => {
    await load();
    const registry = createChainRegistry({ devnet: devnet!, user: user! });
    return { chains: registry.chains, disabled: [...registry.disabled, ...disabled!] };
  };
  /** Chains shown in the wallet and probed: the reachable kind here (devnet + site-added). */
  const walletChains = async (): Promise<ChainEntry[]> => (await registry()).chains.filter((c) => c.origin !== 'builtin');
  const isEnabled = (chainId: number) => !disabled?.includes(chainId);

  const probe = async (c: ChainEntry) => {
    const url = c.rpcUrls[0];
    let ok = false;
    if (url) {
      try {
        ok = Number(await jsonRpcFetch(url, 'eth_chainId', [], { chainId: c.chainId, timeoutMs: 3000 })) === c.chainId;
      } catch {
        ok = false;
      }
    }
    // One slow answer under load is not an outage: a chain goes offline after two failed probes in a row.
    const failures = ok ? 0 : (failedProbes.get(c.chainId) ?? 0) + 1;
    failedProbes.set(c.chainId, failures);
    online.set(c.chainId, ok || (online.get(c.chainId) === true && failures < 2));
  };

  const refreshNow = async () => {
    await load();
    const { devnetApi } = await deps.settings.get();
    try {
      const res = await deps.fetch(`${devnetApi}/v1/network`, { signal: AbortSignal.timeout(3000) });
      if (res.ok) {
        devnet = devnetFromNetworkResponse(await res.json()).chains;
        await deps.db.put(K.devnet, devnet);
      }
    } catch {
      // devnet API unreachable: keep the last known chains, the probes below mark them offline
    }
    await Promise.all((await walletChains()).filter((c) => isEnabled(c.chainId)).map(probe));
    lastRefresh = deps.now();
    deps.changed();
  };

  const refresh = () => (inflight ??= refreshNow().finally(() => (inflight = null)));

  return {
    refresh,
    /** Waits for the first refresh only; later ones run behind the answer and push state/changed. */
    refreshIfStale: async () => {
      if (lastRefresh === 0) await refresh();
      else if (deps.now() - lastRefresh > STALE_MS) void refresh().catch(() => undefined);
    },
    get: async (chainId: number) => getChain(await registry(), chainId),
    /** Synchronous lookup from the loaded lists (call after any async method). */
    getLoaded: (chainId: number) => (devnet && user ? getChain(createChainRegistry({ devnet, user }), chainId) : undefined),
    isOnline: (chainId: number) => online.get(chainId) ?? false,
    list: async (): Promise<WalletChain[]> =>
      (await walletChains()).map((c) => ({
        chainId: c.chainId,
        name: c.name,
        framework: c.origin === 'user' ? 'custom' : c.framework,
        rpcUrl: c.rpcUrls[0] ?? '',
        // A disabled chain is not probed: its last answer is not current, so it is not shown online.
        online: isEnabled(c.chainId) && (online.get(c.chainId) ?? false),
        enabled: isEnabled(c.chainId),
        nativeCurrency: c.nativeCurrency,
      })),
    /** The chain a newly seen site starts on: the first devnet rollup, else the first wallet chain. */
    defaultChainId: async (): Promise<number> => {
      const chains = await walletChains();
      return (chains.find((c) => c.framework !== 'l1') ?? chains[0] ?? (await registry()).chains[0])?.chainId ?? 1;
    },
    /** Switches a wallet chain (devnet or site-added) on or off; persisted, pushes state/changed. */
    setEnabled: async (chainId: number, enabled: boolean) => {
      const r = await registry();
      if (!(await walletChains()).some((c) => c.chainId === chainId)) throw new MessageError('UNKNOWN_CHAIN', `Chain ${chainId} is not in the wallet`);
      if (isChainEnabled(r, chainId) === enabled) return;
      const builtin = new Set(r.chains.filter((c) => c.origin === 'builtin').map((c) => c.chainId));
      // Stored: the user's choices only (builtin mainnets start off by the registry's own default).
      disabled = [...new Set(setChainEnabled(r, chainId, enabled).disabled)].filter((id) => !builtin.has(id));
      await deps.db.put(K.disabled, disabled);
      // Its last probe is stale by the time it comes back: probe it again before calling it online.
      if (enabled) await probe((await registry()).chains.find((c) => c.chainId === chainId)!);
      else failedProbes.delete(chainId);
      deps.changed();
    },
    isEnabled: async (chainId: number) => (await load(), isEnabled(chainId)),
    addUserChain: async (entry: ChainEntry) => {
      await load();
      user = [...user!.filter((c) => c.chainId !== entry.chainId), { ...entry, origin: 'user' }];
      await deps.db.put(K.user, user);
      online.set(entry.chainId, true);
      deps.changed();
    },
    rpcUrl: async (chainId: number) => (await registry()).chains.find((c) => c.chainId === chainId)?.rpcUrls[0],
    watchAsset: async (asset: { chainId: number; address: string; symbol: string; decimals: number; image: string | null }) => {
      const list = (await deps.db.get<(typeof asset)[]>(K.assets)) ?? [];
      const rest = list.filter((a) => !(a.chainId === asset.chainId && a.address.toLowerCase() === asset.address.toLowerCase()));
      await deps.db.put(K.assets, [...rest, asset]);
      deps.changed();
    },
  };
}
