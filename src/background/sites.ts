import type { Address } from 'viem';
import type { Eip2255Permission } from '../core/rpc';
import type { SiteRecord, WalletDb } from './db';

/**
 * Per-site EIP-2255 grants (which accounts an origin may see) and per-site selected chain.
 * A record with no accounts only remembers the chain.
 */
export type SiteService = ReturnType<typeof createSiteService>;

export function createSiteService(deps: {
  db: WalletDb;
  defaultChainId(): Promise<number>;
  walletAccounts(): Promise<Address[]>;
  selectedAddress(): Promise<Address | null>;
  now(): number;
  changed(): void;
}) {
  const get = async (origin: string): Promise<SiteRecord> =>
    (await deps.db.sites.get(origin)) ?? { origin, accounts: [], chainId: await deps.defaultChainId(), connectedAt: 0 };

  /** Granted accounts still in the wallet, the wallet's selected account first when granted. */
  const permittedAccounts = async (origin: string): Promise<Address[]> => {
    const site = await deps.db.sites.get(origin);
    if (!site || site.accounts.length === 0) return [];
    const existing = new Set((await deps.walletAccounts()).map((a) => a.toLowerCase()));
    const granted = site.accounts.filter((a) => existing.has(a.toLowerCase()));
    const selected = await deps.selectedAddress();
    const i = selected ? granted.findIndex((a) => a.toLowerCase() === selected.toLowerCase()) : -1;
    return i > 0 ? [granted[i]!, ...granted.slice(0, i), ...granted.slice(i + 1)] : granted;
  };

  return {
    get,
    permittedAccounts,
    permissions: async (origin: string): Promise<Eip2255Permission[]> => {
      const site = await deps.db.sites.get(origin);
      const accounts = await permittedAccounts(origin);
      if (!site || accounts.length === 0) return [];
      return [{ invoker: origin, parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: accounts }], date: site.connectedAt }];
    },
    grant: async (origin: string, accounts: Address[]) => {
      const site = await get(origin);
      await deps.db.sites.put({ ...site, accounts: [...new Set(accounts)], connectedAt: deps.now() });
      deps.changed();
    },
    revoke: async (origin: string) => {
      const site = await deps.db.sites.get(origin);
      if (!site) return;
      await deps.db.sites.put({ ...site, accounts: [], connectedAt: 0 });
      deps.changed();
    },
    setChain: async (origin: string, chainId: number) => {
      await deps.db.sites.put({ ...(await get(origin)), chainId });
      deps.changed();
    },
    /** Sites that currently hold an eth_accounts grant. */
    connected: async (): Promise<SiteRecord[]> => (await deps.db.sites.all()).filter((s) => s.accounts.length > 0),
  };
}
