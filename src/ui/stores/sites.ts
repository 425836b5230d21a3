import { create } from 'zustand';
import { listSites, revokeSite, type ConnectedSite as SiteView } from '../walletApi';
import { describeError } from '../errors';

type SitesStore = {
  sites: SiteView[] | null;
  error: string | null;
  load(): Promise<void>;
  revoke(origin: string): Promise<void>;
};

export const useSites = create<SitesStore>((set, get) => ({
  sites: null,
  error: null,
  async load() {
    try {
      set({ sites: await listSites(), error: null });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },
  async revoke(origin) {
    try {
      await revokeSite(origin);
      await get().load();
    } catch (error) {
      set({ error: describeError(error) });
    }
  },
}));
