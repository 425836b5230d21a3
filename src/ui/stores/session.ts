import { create } from 'zustand';

export type PopupSheet = 'accounts' | 'send' | 'receive' | 'settings' | 'reveal' | null;

/** Popup-local view state: which sheet is open and the chain the user is looking at. */
type SessionStore = {
  sheet: PopupSheet;
  activeChainId: number | null;
  open(sheet: PopupSheet): void;
  setActiveChain(chainId: number): void;
};

export const useSession = create<SessionStore>((set) => ({
  sheet: null,
  activeChainId: null,
  open: (sheet) => set({ sheet }),
  setActiveChain: (activeChainId) => set({ activeChainId }),
}));
