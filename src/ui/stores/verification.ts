import { create } from 'zustand';
import { getVerificationStatus, type VerificationStatus } from '../walletApi';

type VerificationStore = {
  status: VerificationStatus | null;
  load(): Promise<void>;
};

/** The light client's view (latest accepted checkpoint, refused ones, equivocations); read-only in the UI. */
export const useVerification = create<VerificationStore>((set) => ({
  status: null,
  async load() {
    try {
      set({ status: await getVerificationStatus() });
    } catch {
      // An older background without the service: the footer simply shows nothing.
    }
  },
}));
