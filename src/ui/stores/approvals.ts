import { create } from 'zustand';
import { listApprovals, resolveApproval, type Approval, type Address } from '../walletApi';
import { describeError } from '../errors';

type ApprovalsStore = {
  queue: Approval[] | null;
  error: string | null;
  busy: boolean;
  load(): Promise<void>;
  resolve(id: string, approved: boolean, accounts?: Address[]): Promise<void>;
};

export const useApprovals = create<ApprovalsStore>((set, get) => ({
  queue: null,
  error: null,
  busy: false,
  async load() {
    try {
      const queue = await listApprovals();
      set({ queue: [...queue].sort((a, b) => a.createdAt - b.createdAt), error: null });
    } catch (error) {
      set({ error: describeError(error) });
    }
  },
  async resolve(id, approved, accounts) {
    set({ busy: true, error: null });
    try {
      await resolveApproval({ id, approved, accounts });
      set({ busy: false });
    } catch (error) {
      set({ busy: false, error: describeError(error) });
    }
    await get().load();
  },
}));
