import { create } from 'zustand';
import { getState, subscribeState, type WalletState } from '../walletApi';
import { describeError } from '../errors';

type WalletStore = {
  state: WalletState | null;
  error: string | null;
  /** Loads the state once and follows the background's `state/changed` events on the `ui` port. */
  start(): () => void;
  refresh(): Promise<void>;
};

export const useWallet = create<WalletStore>((set, get) => ({
  state: null,
  error: null,
  start() {
    void get().refresh();
    return subscribeState((state) => (state ? set({ state, error: null }) : void get().refresh()));
  },
  async refresh() {
    try {
      set({ state: await getState(), error: null });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },
}));
