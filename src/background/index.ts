import type { Address } from 'viem';
import { MessageError } from '../messages/MessageError';
import { createApprovalService } from './approvals';
import { AUTO_LOCK_ALARM, createAutoLock } from './autoLock';
import { createChainService } from './chains';
import { CLIPBOARD_CLEAR_ALARM, createClipboardClear } from './clipboardClear';
import { createChangeSignal } from './changes';
import { openWalletDb, WALLET_DB_NAME, type WalletDb } from './db';
import type { Platform } from './platform';
import { createPortfolioService, watchedTokens } from './portfolio';
import { openPortfolioStore } from './portfolioStore';
import { createProviderPorts } from './providerPorts';
import { createRpcContext } from './rpcContext';
import { createUnlockedSession } from './session';
import { createSettingsStore } from './settings';
import { createSiteService } from './sites';
import { createUiHandlers } from './uiHandlers';
import { createUiPorts } from './uiPorts';
import { createVaultService } from './vault';
import { createVerificationService, type PinnedNetwork } from './verification';
import { openVerificationStore } from './verificationStore';
import { readWalletState } from './walletState';

export type { Platform, PortLike, PortSender, KeyValueArea } from './platform';

const BOOT_KEY = 'boot';

export type BackgroundOptions = {
  dbName?: string;
  iterations?: number;
  /** The Metalayer network to trust; defaults to the shipped devnet.json (tests pin their own guardians). */
  pinnedNetwork?: PinnedNetwork;
};

/**
 * Wires the background. Listeners are registered synchronously (MV3 needs them on the first turn);
 * everything that needs the database waits for `ready`.
 */
export function startBackground(platform: Platform, opts: BackgroundOptions = {}) {
  const signal = createChangeSignal();
  // Needs no database: a due clear must not wait for (or fail with) IndexedDB.
  const clipboardClear = createClipboardClear({ platform });
  const settings = createSettingsStore(platform.local, platform.defaultDevnetApi);
  const session = createUnlockedSession(platform.session);
  const dbReady: Promise<WalletDb> = openWalletDb(opts.dbName);
  const cacheStores = Promise.all([
    openVerificationStore(`${opts.dbName ?? WALLET_DB_NAME}-verification`),
    openPortfolioStore(`${opts.dbName ?? WALLET_DB_NAME}-portfolio`),
  ]);

  const services = dbReady.then(async (db) => {
    // A new browser session: approvals persisted by the last one belong to pages that are gone.
    if ((await platform.session.get(BOOT_KEY)) === undefined) {
      for (const a of await db.approvals.all()) await db.approvals.delete(a.id);
      await platform.session.set(BOOT_KEY, platform.now());
    }
    // Late-bound: approvals and autoLock need the vault and vice versa.
    let onUnlocked = async () => {};
    let onLocked = async () => {};
    const vault = createVaultService({
      db,
      session,
      now: platform.now,
      changed: signal.changed,
      onUnlocked: () => onUnlocked(),
      onLocked: () => onLocked(),
      ...(opts.iterations === undefined ? {} : { iterations: opts.iterations }),
    });
    const chains = createChainService({ db, settings, fetch: platform.fetch, now: platform.now, changed: signal.changed });
    const sites = createSiteService({
      db,
      defaultChainId: chains.defaultChainId,
      walletAccounts: async () => (await vault.accounts()).map((a) => a.address),
      selectedAddress: vault.selectedAddress,
      now: platform.now,
      changed: signal.changed,
    });
    const approvals = createApprovalService({
      db,
      platform,
      isUnlocked: vault.isUnlocked,
      changed: signal.changed,
      resolveAccounts: async (accounts?: Address[]) => {
        const wallet = await vault.accounts();
        if (!accounts) {
          const selected = await vault.selectedAddress();
          return selected ? [selected] : [];
        }
        return accounts.map((a) => {
          const found = wallet.find((w) => w.address.toLowerCase() === a.toLowerCase());
          if (!found) throw new MessageError('UNKNOWN_ACCOUNT', `${a} is not in this wallet`);
          return found.address;
        });
      },
    });
    const autoLock = createAutoLock({
      platform,
      minutes: async () => (await settings.get()).autoLockMinutes,
      isUnlocked: vault.isUnlocked,
      lock: vault.lock,
    });
    onUnlocked = async () => {
      await autoLock.arm();
      await approvals.unlocked();
    };
    onLocked = () => autoLock.disarm();
    const [verificationStore, portfolioStore] = await cacheStores;
    const verification = createVerificationService({
      store: verificationStore,
      settings,
      fetch: platform.fetch,
      now: platform.now,
      changed: signal.changed,
      // Switched-off chains are neither shown nor proven: no inclusion proofs are fetched for them.
      chainIds: async () => (await chains.list()).filter((c) => c.enabled && c.framework !== 'custom').map((c) => c.chainId),
      ...(opts.pinnedNetwork ? { pinned: opts.pinnedNetwork } : {}),
    });
    const portfolio = createPortfolioService({
      store: portfolioStore,
      chains,
      verification,
      selectedAddress: vault.selectedAddress,
      now: platform.now,
      changed: signal.changed,
      watched: async () => watchedTokens(await db.get('assets.watched')),
    });
    const ui = createUiHandlers({ vault, chains, settings, approvals, sites, autoLock, verification, portfolio, clipboardClear, changed: signal.changed });
    return { db, vault, chains, sites, approvals, autoLock, ui, settings, verification, portfolio };
  });

  const uiPorts = createUiPorts({
    extensionOrigin: platform.runtime.extensionOrigin,
    readState: async () => readWalletState(await services),
  });
  const providerPorts = createProviderPorts({
    extensionId: platform.runtime.extensionId,
    buildContext: async (origin, requestKey) => {
      const s = await services;
      return createRpcContext({ ...s, now: platform.now }, origin, requestKey);
    },
    viewOf: async (origin) => {
      const s = await services;
      const site = await s.sites.get(origin);
      const unlocked = await s.vault.isUnlocked();
      return {
        accounts: unlocked ? await s.sites.permittedAccounts(origin) : [],
        chainId: site.chainId,
        online: s.chains.isOnline(site.chainId),
      };
    },
    pageGone: async (prefix) => (await services).approvals.dropByKeyPrefix(prefix),
    activity: () => void services.then((s) => s.autoLock.touch()).catch(() => undefined),
  });
  signal.subscribe(() => {
    uiPorts.changed();
    void providerPorts.sync();
  });

  // --- listeners (synchronous registration) ---
  platform.runtime.onMessage((message, sender, respond) => {
    // Only the extension's own pages may call wallet messages; content scripts and other extensions may not.
    if (sender.id !== platform.runtime.extensionId || !(sender.url ?? '').startsWith(platform.runtime.extensionOrigin + '/')) {
      respond({ error: { code: 'FORBIDDEN_SENDER', message: 'Not allowed' } });
      return;
    }
    services.then((s) => s.ui.handle(message)).then(respond, () => respond({ error: { code: 'INTERNAL', message: 'Internal error' } }));
  });
  platform.runtime.onConnect((port) => {
    if (uiPorts.connect(port)) return;
    if (providerPorts.connect(port)) return;
    port.disconnect();
  });
  platform.alarms.onAlarm((name) => {
    if (name === AUTO_LOCK_ALARM) void services.then((s) => s.autoLock.check());
    if (name === CLIPBOARD_CLEAR_ALARM) void clipboardClear.check().catch(() => undefined);
  });
  platform.windows.onRemoved((id) => void services.then((s) => s.approvals.windowRemoved(id)));

  // --- startup ---
  // A worker stopped past the due time still clears the secret as soon as it wakes.
  void clipboardClear.check().catch(() => undefined);
  const ready = services.then(async (s) => {
    await s.autoLock.check();
    void s.chains
      .refresh()
      .then(() => s.verification.refresh())
      .catch(() => undefined);
    return s;
  });

  return { ready, signal, providerPorts, uiPorts };
}
