import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PortfolioChainRead, PortfolioHistoryPoint, PortfolioTotalsJson } from '../messages/portfolioGet';

/** The last portfolio read of one account, JSON-safe (bigints as decimal strings). */
export type PortfolioSnapshot = {
  /** Lower-case address: the key. */
  key: string;
  address: `0x${string}`;
  updatedAt: number;
  proofs: 'running' | 'done';
  proofEpoch: string | null;
  totals: PortfolioTotalsJson;
  chains: PortfolioChainRead[];
};

export type PortfolioHistory = { key: string; points: PortfolioHistoryPoint[] };

interface PortfolioSchema extends DBSchema {
  snapshots: { key: string; value: PortfolioSnapshot };
  history: { key: string; value: PortfolioHistory };
}

/** Chart points kept per account. */
export const HISTORY_POINTS = 200;

export type PortfolioStore = {
  get(address: string): Promise<PortfolioSnapshot | undefined>;
  put(snapshot: PortfolioSnapshot): Promise<void>;
  history(address: string): Promise<PortfolioHistoryPoint[]>;
  /** Adds a point, or replaces the one with the same `t` (a read whose proofs completed); keeps the last HISTORY_POINTS. */
  record(address: string, point: PortfolioHistoryPoint): Promise<PortfolioHistoryPoint[]>;
  close(): void;
};

/** Its own IndexedDB database: a cache, safe to drop; the wallet's schema stays untouched. */
export async function openPortfolioStore(name: string): Promise<PortfolioStore> {
  const db: IDBPDatabase<PortfolioSchema> = await openDB<PortfolioSchema>(name, 1, {
    upgrade(d) {
      d.createObjectStore('snapshots', { keyPath: 'key' });
      d.createObjectStore('history', { keyPath: 'key' });
    },
  });
  return {
    get: (address) => db.get('snapshots', address.toLowerCase()),
    put: async (snapshot) => void (await db.put('snapshots', snapshot)),
    history: async (address) => (await db.get('history', address.toLowerCase()))?.points ?? [],
    record: async (address, point) => {
      const key = address.toLowerCase();
      const tx = db.transaction('history', 'readwrite');
      const points = ((await tx.store.get(key))?.points ?? []).filter((p) => p.t !== point.t);
      points.push(point);
      points.sort((a, b) => a.t - b.t);
      const kept = points.slice(-HISTORY_POINTS);
      await tx.store.put({ key, points: kept });
      await tx.done;
      return kept;
    },
    close: () => db.close(),
  };
}
