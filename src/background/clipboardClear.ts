import type { Platform } from './platform';

export const CLIPBOARD_CLEAR_ALARM = 'era-clipboard-clear';
const PENDING_KEY = 'clipboard.pendingClear';
/** chrome.alarms may fire a moment before `when`; do not re-arm (and wait 30 s more) for that. */
const EARLY_TOLERANCE_MS = 1_000;

/** What survives the worker being stopped: which secret to look for and when. Never the secret. */
export type PendingClipboardClear = { fingerprint: string; due: number };

/**
 * Clears a copied secret from the clipboard on a chrome.alarms schedule, so it happens even after
 * the popup that copied it has closed and the service worker has been stopped.
 */
export type ClipboardClear = {
  /** Replaces any earlier pending clear: the newer copy already overwrote the older secret. */
  schedule(fingerprint: string, afterMs: number): Promise<void>;
  /** Alarm fired or worker started: clear if due, else re-arm the alarm. */
  check(): Promise<void>;
};

export function createClipboardClear(deps: { platform: Pick<Platform, 'alarms' | 'session' | 'now' | 'clipboard'> }): ClipboardClear {
  const { alarms, session, clipboard } = deps.platform;
  return {
    schedule: async (fingerprint, afterMs) => {
      const pending: PendingClipboardClear = { fingerprint, due: deps.platform.now() + afterMs };
      await session.set(PENDING_KEY, pending);
      await alarms.create(CLIPBOARD_CLEAR_ALARM, pending.due);
    },
    check: async () => {
      const pending = await session.get<PendingClipboardClear>(PENDING_KEY);
      if (!pending) return;
      if (deps.platform.now() < pending.due - EARLY_TOLERANCE_MS) return void (await alarms.create(CLIPBOARD_CLEAR_ALARM, pending.due));
      await session.remove(PENDING_KEY);
      await clipboard.clearIfHolds(pending.fingerprint);
    },
  };
}
