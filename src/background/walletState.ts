import type { WalletState } from '../messages/stateGet';
import type { ApprovalService } from './approvals';
import type { ChainService } from './chains';
import type { SettingsStore } from './settings';
import type { VaultService } from './vault';

/** The state/get answer and the state/changed payload. */
export async function readWalletState(deps: {
  vault: VaultService;
  chains: ChainService;
  settings: SettingsStore;
  approvals: ApprovalService;
}): Promise<WalletState> {
  const [initialized, unlocked, accounts, selectedAddress, settings, chains, pendingApprovals] = await Promise.all([
    deps.vault.isInitialized(),
    deps.vault.isUnlocked(),
    deps.vault.accounts(),
    deps.vault.selectedAddress(),
    deps.settings.get(),
    deps.chains.list(),
    deps.approvals.count(),
  ]);
  return {
    initialized,
    locked: !unlocked,
    accounts: accounts.map((a) => ({ address: a.address, name: a.name, kind: a.kind, ...(a.index === undefined ? {} : { index: a.index }) })),
    selectedAddress,
    autoLockMinutes: settings.autoLockMinutes,
    devnetApi: settings.devnetApi,
    chains,
    pendingApprovals,
  };
}
