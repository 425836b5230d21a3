import { browser } from 'wxt/browser';
import { clearClipboardFromBackground } from './clipboardDocument';
import type { KeyValueArea, Platform, PortLike, PortSender } from './platform';

type StorageAreaLike = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

const area = (a: StorageAreaLike): KeyValueArea => ({
  get: async <T>(key: string) => (await a.get(key))[key] as T | undefined,
  set: (key, value) => a.set({ [key]: value }),
  remove: (key) => a.remove(key),
});

/** The real browser behind the Platform interface (Chrome MV3 service worker, Firefox MV3 event page). */
export function chromePlatform(defaultDevnetApi: string): Platform {
  const session = browser.storage.session as unknown as StorageAreaLike & {
    setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
  };
  // Content scripts must never read the unlocked key material (this is Chrome's default; made explicit).
  void session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch?.(() => undefined);
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  return {
    local: area(browser.storage.local as unknown as StorageAreaLike),
    session: area(session),
    alarms: {
      create: async (name, when) => void (await browser.alarms.create(name, { when })),
      clear: async (name) => void (await browser.alarms.clear(name)),
      onAlarm: (cb) => browser.alarms.onAlarm.addListener((alarm) => cb(alarm.name)),
    },
    windows: {
      openPopup: async (path, size) => {
        const w = await browser.windows.create({ url: browser.runtime.getURL(path as '/approval.html'), type: 'popup', ...size });
        return w?.id;
      },
      focus: async (id) => {
        try {
          await browser.windows.update(id, { focused: true });
          return true;
        } catch {
          return false;
        }
      },
      remove: async (id) => void (await browser.windows.remove(id)),
      onRemoved: (cb) => browser.windows.onRemoved.addListener(cb),
    },
    runtime: {
      extensionOrigin,
      extensionId: browser.runtime.id,
      onMessage: (cb) =>
        browser.runtime.onMessage.addListener((message: unknown, sender: PortSender, sendResponse: (r: unknown) => void) => {
          cb(message, sender, sendResponse);
          return true; // answered asynchronously
        }),
      onConnect: (cb) => browser.runtime.onConnect.addListener((port) => cb(port as unknown as PortLike)),
    },
    clipboard: { clearIfHolds: clearClipboardFromBackground },
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    defaultDevnetApi,
  };
}
