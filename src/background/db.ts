import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Approval, CallsBundle } from '../core/rpc';

/** A site's EIP-2255 grant and its selected chain (accounts empty = not connected). */
export type SiteRecord = { origin: string; accounts: `0x${string}`[]; chainId: number; connectedAt: number };

/** A queued approval plus what the background needs to answer it after a worker restart. */
export type StoredApproval = Approval & {
  /** origin|tab|frame|request id: a re-sent request with the same key re-attaches to this entry. */
  requestKey: string;
};

interface WalletSchema extends DBSchema {
  kv: { key: string; value: unknown };
  sites: { key: string; value: SiteRecord };
  approvals: { key: string; value: StoredApproval; indexes: { createdAt: number } };
  bundles: { key: string; value: CallsBundle };
}

export const WALLET_DB_NAME = 'era-wallet';
const VERSION = 1;

/** The wallet's IndexedDB: encrypted vault + public account data (kv), sites, approvals, call bundles. */
export type WalletDb = {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  sites: {
    all(): Promise<SiteRecord[]>;
    get(origin: string): Promise<SiteRecord | undefined>;
    put(site: SiteRecord): Promise<void>;
    delete(origin: string): Promise<void>;
  };
  approvals: {
    all(): Promise<StoredApproval[]>;
    put(a: StoredApproval): Promise<void>;
    delete(id: string): Promise<void>;
  };
  bundles: { get(id: string): Promise<CallsBundle | undefined>; put(b: CallsBundle): Promise<void> };
  close(): void;
};

export async function openWalletDb(name = WALLET_DB_NAME): Promise<WalletDb> {
  const db: IDBPDatabase<WalletSchema> = await openDB<WalletSchema>(name, VERSION, {
    upgrade(d) {
      d.createObjectStore('kv');
      d.createObjectStore('sites', { keyPath: 'origin' });
      d.createObjectStore('approvals', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      d.createObjectStore('bundles', { keyPath: 'id' });
    },
  });
  return {
    get: async <T>(key: string) => (await db.get('kv', key)) as T | undefined,
    put: async (key, value) => void (await db.put('kv', value, key)),
    delete: (key) => db.delete('kv', key),
    sites: {
      all: () => db.getAll('sites'),
      get: (origin) => db.get('sites', origin),
      put: async (site) => void (await db.put('sites', site)),
      delete: (origin) => db.delete('sites', origin),
    },
    approvals: {
      all: () => db.getAllFromIndex('approvals', 'createdAt'),
      put: async (a) => void (await db.put('approvals', a)),
      delete: (id) => db.delete('approvals', id),
    },
    bundles: { get: (id) => db.get('bundles', id), put: async (b) => void (await db.put('bundles', b)) },
    close: () => db.close(),
  };
}
