import type { Address } from 'viem';
import { userRejected, type Approval, type ApprovalDecision, type ApprovalKind, type ApprovalRequest } from '../core/rpc';
import { MessageError } from '../messages/MessageError';
import type { StoredApproval, WalletDb } from './db';
import type { Platform } from './platform';

export const APPROVAL_PAGE = '/approval.html';
export const APPROVAL_WINDOW = { width: 360, height: 640 } as const;
const WINDOW_KEY = 'approval.windowId';

type Pending = { resolve(d: ApprovalDecision): void; reject(e: unknown): void; key?: string };

/**
 * The approval queue: persisted in IndexedDB (a re-sent request re-attaches after a worker restart),
 * shown in ONE popup window; closing the window rejects everything pending with 4001.
 */
export type ApprovalService = ReturnType<typeof createApprovalService>;

export function createApprovalService(deps: {
  db: WalletDb;
  platform: Pick<Platform, 'windows' | 'session' | 'now'>;
  isUnlocked(): Promise<boolean>;
  /** Checks the accounts a connect approval grants; returns the default when none are given. */
  resolveAccounts(accounts: Address[] | undefined): Promise<Address[]>;
  changed(): void;
}) {
  const { db, platform } = deps;
  let queue: StoredApproval[] | null = null;
  /** Waiters per approval: several identical connect requests from one site share one approval. */
  const pending = new Map<string, Pending[]>();
  const unlockWaiters = new Set<Pending>();
  let opening: Promise<void> | null = null;

  let loading: Promise<StoredApproval[]> | null = null;
  // One read for all callers: concurrent first calls must not each install their own copy.
  const load = async () => queue ?? (await (loading ??= db.approvals.all().then((all) => (queue ??= all))));

  const windowId = () => platform.session.get<number>(WINDOW_KEY);

  const openWindow = () =>
    (opening ??= (async () => {
      const existing = await windowId();
      if (existing !== undefined && (await platform.windows.focus(existing))) return;
      const id = await platform.windows.openPopup(APPROVAL_PAGE, APPROVAL_WINDOW);
      if (id !== undefined) await platform.session.set(WINDOW_KEY, id);
    })().finally(() => (opening = null)));

  const closeWindowIfIdle = async () => {
    if ((queue?.length ?? 0) > 0 || unlockWaiters.size > 0) return;
    const id = await windowId();
    if (id === undefined) return;
    await platform.session.remove(WINDOW_KEY);
    await platform.windows.remove(id).catch(() => undefined);
  };

  const remove = async (id: string) => {
    await load();
    queue = queue!.filter((a) => a.id !== id);
    pending.delete(id);
    await db.approvals.delete(id);
    deps.changed();
  };

  const rejectAll = async () => {
    await load();
    const all = [...queue!];
    for (const a of all) {
      for (const w of pending.get(a.id) ?? []) w.reject(userRejected());
      await remove(a.id);
    }
    for (const w of unlockWaiters) w.reject(userRejected('unlock request'));
    unlockWaiters.clear();
  };

  return {
    list: async (): Promise<Approval[]> => (await load()).map(({ requestKey: _k, ...a }) => a as Approval),
    count: async () => (await load()).length,

    request: async <K extends ApprovalKind>(
      meta: { origin: string; chainId: number; requestKey: string },
      kind: K,
      req: Omit<ApprovalRequest<K>, 'kind'>,
    ): Promise<ApprovalDecision> => {
      await load();
      let entry =
        queue!.find((a) => a.requestKey === meta.requestKey && a.kind === kind) ??
        (kind === 'connect' ? queue!.find((a) => a.origin === meta.origin && a.kind === 'connect') : undefined);
      if (!entry) {
        entry = {
          id: globalThis.crypto.randomUUID(),
          origin: meta.origin,
          chainId: meta.chainId,
          createdAt: platform.now(),
          requestKey: meta.requestKey,
          kind,
          ...req,
        } as StoredApproval;
        queue!.push(entry); // before any await, so a concurrent identical request finds it
        await db.approvals.put(entry);
      }
      const id = entry.id;
      const decision = new Promise<ApprovalDecision>((resolve, reject) => {
        // A re-sent request replaces its own stale waiter; a second connect from the site joins.
        const others = (pending.get(id) ?? []).filter((w) => w.key !== meta.requestKey);
        pending.set(id, [...others, { resolve, reject, key: meta.requestKey }]);
      });
      deps.changed();
      await openWindow();
      return decision;
    },

    resolve: async (id: string, approved: boolean, accounts?: Address[]) => {
      await load();
      const entry = queue!.find((a) => a.id === id);
      if (!entry) throw new MessageError('UNKNOWN_APPROVAL', 'This request is no longer pending');
      const waiters = pending.get(id) ?? [];
      if (!approved) {
        for (const w of waiters) w.reject(userRejected());
      } else {
        if (entry.blocked) throw new MessageError('APPROVAL_BLOCKED', entry.blocked.message);
        if (!(await deps.isUnlocked())) throw new MessageError('LOCKED', 'Unlock the wallet to approve');
        const decision: ApprovalDecision =
          entry.kind === 'connect' || entry.kind === 'permissions' ? { accounts: await deps.resolveAccounts(accounts) } : {};
        if (decision.accounts?.length === 0) throw new MessageError('INVALID_INPUT', 'Choose at least one account to connect');
        for (const w of waiters) w.resolve(decision);
      }
      await remove(id);
      await closeWindowIfIdle();
    },

    /** The page that asked went away (tab closed, navigated): its requests are dropped. */
    dropByKeyPrefix: async (prefix: string) => {
      await load();
      for (const a of [...queue!]) {
        const waiters = pending.get(a.id) ?? [];
        const gone = waiters.filter((w) => w.key?.startsWith(prefix));
        for (const w of gone) w.reject(userRejected());
        const left = waiters.filter((w) => !gone.includes(w));
        pending.set(a.id, left);
        // Drop the approval when nobody waits for it any more (its own page went away, no joiners).
        if (left.length === 0 && (gone.length > 0 || a.requestKey.startsWith(prefix))) await remove(a.id);
      }
      await closeWindowIfIdle();
    },

    waitForUnlock: async (): Promise<void> => {
      if (await deps.isUnlocked()) return;
      const p = new Promise<void>((resolve, reject) => unlockWaiters.add({ resolve: () => resolve(), reject }));
      await openWindow();
      return p;
    },

    unlocked: async () => {
      for (const w of unlockWaiters) w.resolve({});
      unlockWaiters.clear();
      await load();
      await closeWindowIfIdle();
    },

    windowRemoved: async (id: number) => {
      if ((await windowId()) !== id) return;
      await platform.session.remove(WINDOW_KEY);
      await rejectAll();
    },
  };
}
