import { create } from 'zustand';
import { getNativeBalances, type NativeBalance } from '../walletApi';
import { describeError } from '../errors';

type BalancesStore = {
  address: string | null;
  balances: NativeBalance[] | null;
  loading: boolean;
  error: string | null;
  load(address: string): Promise<void>;
};

export const useBalances = create<BalancesStore>((set, get) => ({
  address: null,
  balances: null,
  loading: false,
  error: null,
  async load(address) {
    const sameAccount = get().address === address;
    set({ address, loading: true, error: null, balances: sameAccount ? get().balances : null });
    try {
      const balances = await getNativeBalances(address);
      if (get().address === address) set({ balances, loading: false });
    } catch (error) {
      if (get().address === address) set({ error: describeError(error), loading: false });
    }
  },
}));
