import { create } from 'zustand';
import { getPortfolio, refreshPortfolio, type PortfolioView } from '../walletApi';
import { describeError, errorCode } from '../errors';

type PortfolioStore = {
  address: string | null;
  view: PortfolioView | null;
  /** A portfolio/refresh call is in flight (started here). */
  refreshing: boolean;
  error: string | null;
  /** The background has no portfolio service (older build): the popup falls back to native balances. */
  unavailable: boolean;
  /** Paints the cache at once, then refreshes when the cache is stale or empty. */
  load(address: string): Promise<void>;
  refresh(address: string): Promise<void>;
  /** Re-reads the cached view (after a state/changed push or while proofs run). */
  poll(address: string): Promise<void>;
};

/** The selected account's cached portfolio, asked for at popup boot beside state/get (one round trip sooner). */
let prefetched: Promise<PortfolioView | null> | null = null;
export function prefetchPortfolio(): void {
  prefetched = getPortfolio().catch(() => null);
}
/** The prefetched view when it is for `address` (used once), else a fresh portfolio/get. */
async function firstView(address: string): Promise<PortfolioView> {
  const early = prefetched;
  prefetched = null;
  const view = early ? await early : null;
  return view && view.address.toLowerCase() === address.toLowerCase() ? view : getPortfolio(address);
}

export const usePortfolio = create<PortfolioStore>((set, get) => ({
  address: null,
  view: null,
  refreshing: false,
  error: null,
  unavailable: false,
  async load(address) {
    const same = get().address === address;
    set({ address, error: null, ...(same ? {} : { view: null }) });
    try {
      const view = await firstView(address);
      if (get().address !== address) return;
      set({ view, unavailable: false });
      // Cache painted: read again unless the background is already reading or proving (polling follows it then).
      if ((view.stale || view.updatedAt === null) && !view.refreshing && view.proofs !== 'running') await get().refresh(address);
    } catch (error) {
      if (get().address !== address) return;
      set({ error: describeError(error), unavailable: errorCode(error) === 'UNKNOWN_MESSAGE' });
    }
  },
  async refresh(address) {
    set({ refreshing: true, error: null });
    try {
      const view = await refreshPortfolio(address);
      if (get().address === address) set({ view, refreshing: false, unavailable: false });
    } catch (error) {
      if (get().address === address) set({ error: describeError(error), refreshing: false, unavailable: errorCode(error) === 'UNKNOWN_MESSAGE' });
    }
  },
  async poll(address) {
    if (get().address !== address || get().unavailable) return;
    try {
      const view = await getPortfolio(address);
      if (get().address === address) set({ view });
    } catch {
      // A missed poll is retried by the next push or tick; the last view stays on screen.
    }
  },
}));
