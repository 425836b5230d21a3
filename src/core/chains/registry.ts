import { calderaMainnets } from './calderaMainnets';
import { ChainExistsError, UnknownChainError } from './errors';
import type { ChainEntry } from './types';

/** The wallet's chain list: plain data, so the background can store it and the UI can render it. */
export interface ChainRegistry {
  readonly chains: readonly ChainEntry[];
  /** Chain ids switched off by the user. */
  readonly disabled: readonly number[];
}

export interface CreateChainRegistryParameters {
  builtin?: readonly ChainEntry[];
  devnet?: readonly ChainEntry[];
  user?: readonly ChainEntry[];
  /** Chain ids switched off. Default: every builtin mainnet, see below. */
  disabled?: readonly number[];
}

const ORDER = { devnet: 0, builtin: 1, user: 2 } as const;

/** Builds a registry; on an id clash devnet wins over builtin and builtin over user-added chains. */
export function createChainRegistry(p: CreateChainRegistryParameters = {}): ChainRegistry {
  const all = [...(p.devnet ?? []), ...(p.builtin ?? calderaMainnets), ...(p.user ?? [])];
  const byId = new Map<number, ChainEntry>();
  for (const c of all) {
    const prev = byId.get(c.chainId);
    if (!prev || ORDER[c.origin] < ORDER[prev.origin]) byId.set(c.chainId, c);
  }
  const chains = [...byId.values()].sort((a, b) => ORDER[a.origin] - ORDER[b.origin] || a.chainId - b.chainId);
  // Mainnets start switched off: the wallet contacts a public RPC only after the user turns its chain on.
  const disabled = p.disabled ?? chains.filter((c) => c.origin === 'builtin').map((c) => c.chainId);
  return { chains, disabled: [...new Set(disabled)].filter((id) => byId.has(id)) };
}

export const getChain = (r: ChainRegistry, chainId: number): ChainEntry | undefined =>
  r.chains.find((c) => c.chainId === chainId);

export function requireChain(r: ChainRegistry, chainId: number): ChainEntry {
  const c = getChain(r, chainId);
  if (!c) throw new UnknownChainError(chainId);
  return c;
}

export const isChainEnabled = (r: ChainRegistry, chainId: number): boolean =>
  getChain(r, chainId) !== undefined && !r.disabled.includes(chainId);

export const enabledChains = (r: ChainRegistry): ChainEntry[] => r.chains.filter((c) => !r.disabled.includes(c.chainId));

export function setChainEnabled(r: ChainRegistry, chainId: number, enabled: boolean): ChainRegistry {
  requireChain(r, chainId);
  const disabled = r.disabled.filter((id) => id !== chainId);
  return { chains: r.chains, disabled: enabled ? disabled : [...disabled, chainId] };
}

/** Adds a chain from wallet_addEthereumChain; a known id throws (the caller switches to it instead). */
export function addUserChain(r: ChainRegistry, entry: ChainEntry): ChainRegistry {
  const prev = getChain(r, entry.chainId);
  if (prev) throw new ChainExistsError(entry.chainId, { details: `already present as a ${prev.origin} chain` });
  return { chains: [...r.chains, { ...entry, origin: 'user' }], disabled: r.disabled };
}

export function removeUserChain(r: ChainRegistry, chainId: number): ChainRegistry {
  const c = requireChain(r, chainId);
  if (c.origin !== 'user') return r;
  return { chains: r.chains.filter((x) => x.chainId !== chainId), disabled: r.disabled.filter((id) => id !== chainId) };
}

/** Replaces the devnet entries (after a fresh GET /v1/network); user choices (disabled) survive. */
export function withDevnetChains(r: ChainRegistry, devnet: readonly ChainEntry[]): ChainRegistry {
  return createChainRegistry({
    devnet,
    builtin: r.chains.filter((c) => c.origin === 'builtin'),
    user: r.chains.filter((c) => c.origin === 'user'),
    disabled: r.disabled,
  });
}
