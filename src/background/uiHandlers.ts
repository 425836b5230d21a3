import { jsonRpcFetch } from '../core/rpc';
import { generateMnemonic } from '../core/vault';
import type { MessageContract, MessageInput, MessageOutput, MessageResponse } from '../messages/defineMessage';
import {
  accountsAdd,
  accountsRename,
  accountsSelect,
  approvalsList,
  approvalsResolve,
  balancesNative,
  chainsSetEnabled,
  clipboardClearLater,
  portfolioGet,
  portfolioRefresh,
  settingsSet,
  sitesList,
  sitesRevoke,
  stateGet,
  txEstimate,
  txSend,
  vaultCreate,
  vaultGenerateMnemonic,
  vaultImportPrivateKey,
  vaultLock,
  vaultRevealMnemonic,
  vaultUnlock,
  verificationStatus,
} from '../messages';
import { MessageError } from '../messages/MessageError';
import type { ApprovalService } from './approvals';
import type { AutoLock } from './autoLock';
import type { ChainService } from './chains';
import type { ClipboardClear } from './clipboardClear';
import type { PortfolioService } from './portfolio';
import type { SettingsStore } from './settings';
import type { SiteService } from './sites';
import { estimateTransfer, sendTransfer } from './transfer';
import { toErrorPayload } from './uiErrors';
import type { VaultService } from './vault';
import type { VerificationService } from './verification';
import { readWalletState } from './walletState';

export type UiHandlerDeps = {
  vault: VaultService;
  chains: ChainService;
  settings: SettingsStore;
  approvals: ApprovalService;
  sites: SiteService;
  autoLock: AutoLock;
  verification: VerificationService;
  portfolio: PortfolioService;
  clipboardClear: ClipboardClear;
  changed(): void;
};

type Handler<C extends MessageContract> = (input: MessageInput<C>) => Promise<MessageOutput<C>>;
type Entry = { contract: MessageContract; handler: (input: unknown) => Promise<unknown> };

/** One handler per message contract of src/messages; the table is checked complete in the test. */
export function createUiHandlers(deps: UiHandlerDeps) {
  const table = new Map<string, Entry>();
  const on = <C extends MessageContract>(contract: C, handler: Handler<C>) =>
    table.set(contract.type, { contract, handler: handler as (input: unknown) => Promise<unknown> });
  const { vault, chains, settings, approvals, sites } = deps;

  on(stateGet, async () => {
    await chains.refreshIfStale();
    return readWalletState(deps);
  });
  on(vaultGenerateMnemonic, async ({ words }) => ({ mnemonic: generateMnemonic(words) }));
  on(vaultCreate, async ({ mnemonic, password }) => {
    const address = await vault.create(mnemonic, password);
    void chains.refresh();
    return { address };
  });
  on(vaultImportPrivateKey, async ({ privateKey, name }) => ({ address: await vault.importPrivateKey(privateKey, name) }));
  on(vaultUnlock, async ({ password }) => {
    await vault.unlock(password);
    return null;
  });
  on(vaultLock, async () => {
    await vault.lock();
    return null;
  });
  on(vaultRevealMnemonic, async ({ password }) => ({ mnemonic: await vault.revealMnemonic(password) }));
  on(accountsAdd, async ({ name }) => ({ address: await vault.addAccount(name) }));
  on(accountsRename, async ({ address, name }) => {
    await vault.renameAccount(address, name);
    return null;
  });
  on(accountsSelect, async ({ address }) => {
    await vault.selectAccount(address);
    return null;
  });
  on(settingsSet, async (patch) => {
    const before = await settings.get();
    await settings.set(patch);
    if (patch.autoLockMinutes !== undefined && (await vault.isUnlocked())) await deps.autoLock.arm();
    if (patch.devnetApi !== undefined && patch.devnetApi !== before.devnetApi) await chains.refresh();
    deps.changed();
    return null;
  });
  on(approvalsList, () => approvals.list());
  on(approvalsResolve, async ({ id, approved, accounts }) => {
    await approvals.resolve(id, approved, accounts);
    return null;
  });
  on(sitesList, async () => (await sites.connected()).map(({ origin, accounts, chainId, connectedAt }) => ({ origin, accounts, chainId, connectedAt })));
  on(sitesRevoke, async ({ origin }) => {
    await sites.revoke(origin);
    return null;
  });
  on(balancesNative, async ({ address }) => {
    const list = (await chains.list()).filter((c) => c.enabled);
    return Promise.all(
      list.map(async (c) => {
        try {
          const wei = await jsonRpcFetch(c.rpcUrl, 'eth_getBalance', [address, 'latest'], { chainId: c.chainId, timeoutMs: 5000 });
          if (typeof wei !== 'string' || !/^0x[0-9a-f]+$/i.test(wei)) throw new Error('malformed balance');
          return { chainId: c.chainId, balance: BigInt(wei).toString(), status: 'ok' as const };
        } catch {
          return { chainId: c.chainId, balance: '0', status: 'offline' as const };
        }
      }),
    );
  });
  on(txSend, (input) => sendTransfer(deps, input));
  on(txEstimate, (input) => estimateTransfer(deps, input));

  on(verificationStatus, async () => {
    await deps.verification.refreshIfStale();
    return deps.verification.status();
  });
  on(portfolioGet, ({ address }) => deps.portfolio.get(address));
  on(portfolioRefresh, ({ address }) => deps.portfolio.refresh(address));
  on(chainsSetEnabled, async ({ chainId, enabled }) => {
    await chains.setEnabled(chainId, enabled);
    await deps.portfolio.chainsChanged();
    return null;
  });

  // Only a fingerprint arrives here: the copied secret never crosses the message channel.
  on(clipboardClearLater, async ({ fingerprint, afterMs }) => {
    await deps.clipboardClear.schedule(fingerprint, afterMs);
    return null;
  });

  return {
    types: () => [...table.keys()],
    /** Validates and runs one UI message; always answers `{ result }` or `{ error }`. */
    handle: async (message: unknown): Promise<MessageResponse> => {
      try {
        const m = message as { type?: unknown; input?: unknown } | null;
        const entry = typeof m?.type === 'string' ? table.get(m.type) : undefined;
        if (!entry) throw new MessageError('UNKNOWN_MESSAGE', 'Unknown message');
        const input = entry.contract.validate(m!.input);
        deps.autoLock.touch().catch(() => undefined);
        return { result: (await entry.handler(input)) ?? null };
      } catch (error) {
        return { error: toErrorPayload(error) };
      }
    },
  };
}
