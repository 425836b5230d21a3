import { clipboardFingerprint } from '../../messages/clipboardClearLater';
import type { KeyValueArea, Platform, PortLike, PortSender } from '../platform';

/** In-memory Platform for background unit tests ONLY (the real one is exercised by e2e in Chromium). */

export function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => void data.delete(key),
  };
}

type Listener<A extends unknown[]> = (...args: A) => void;

/** One end of a runtime port pair: `page` is what the test drives, `port` what the background sees. */
export type TestPort = {
  port: PortLike;
  /** The content-script end: what startProviderRelay holds. */
  pageSide: { postMessage(m: unknown): void; onMessage: { addListener(cb: (m: unknown) => void): void }; onDisconnect: { addListener(cb: () => void): void } };
  received: unknown[];
  post(message: unknown): void;
  disconnect(): void;
  /** Resolves with the next background message matching `pred`. */
  next(pred: (m: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
};

export type MemoryPlatform = Platform & {
  clock: { now: number };
  alarmsSet: Map<string, number>;
  /** The system clipboard's text as the background's clearIfHolds sees it. */
  clipboardText: { value: string };
  windowsOpen: Map<number, { path: string; width: number; height: number }>;
  fireAlarm(name: string): void;
  closeWindow(id: number): void;
  sendMessage(message: unknown, sender?: PortSender): Promise<unknown>;
  connect(name: string, sender: PortSender): TestPort;
};

export function memoryPlatform(opts: { local?: ReturnType<typeof memoryArea>; session?: ReturnType<typeof memoryArea>; devnetApi?: string } = {}): MemoryPlatform {
  const clock = { now: 1_700_000_000_000 };
  const alarmListeners: Listener<[string]>[] = [];
  const removedListeners: Listener<[number]>[] = [];
  const messageListeners: Listener<[unknown, PortSender, (r: unknown) => void]>[] = [];
  const connectListeners: Listener<[PortLike]>[] = [];
  const alarmsSet = new Map<string, number>();
  const clipboardText = { value: '' };
  const windowsOpen = new Map<number, { path: string; width: number; height: number }>();
  let nextWindow = 100;
  const extensionOrigin = 'chrome-extension://testextensionid';

  const platform: MemoryPlatform = {
    clock,
    alarmsSet,
    clipboardText,
    windowsOpen,
    local: opts.local ?? memoryArea(),
    session: opts.session ?? memoryArea(),
    alarms: {
      create: async (name, when) => void alarmsSet.set(name, when),
      clear: async (name) => void alarmsSet.delete(name),
      onAlarm: (cb) => void alarmListeners.push(cb),
    },
    windows: {
      openPopup: async (path, size) => {
        const id = nextWindow++;
        windowsOpen.set(id, { path, ...size });
        return id;
      },
      focus: async (id) => windowsOpen.has(id),
      remove: async (id) => platform.closeWindow(id),
      onRemoved: (cb) => void removedListeners.push(cb),
    },
    runtime: {
      extensionOrigin,
      extensionId: 'testextensionid',
      onMessage: (cb) => void messageListeners.push(cb),
      onConnect: (cb) => void connectListeners.push(cb),
    },
    clipboard: {
      clearIfHolds: async (fingerprint) => {
        if (clipboardFingerprint(clipboardText.value) === fingerprint) clipboardText.value = '';
      },
    },
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => clock.now,
    defaultDevnetApi: opts.devnetApi ?? 'http://127.0.0.1:9',
    fireAlarm: (name) => {
      alarmsSet.delete(name);
      for (const l of alarmListeners) l(name);
    },
    closeWindow: (id) => {
      if (!windowsOpen.delete(id)) return;
      for (const l of removedListeners) l(id);
    },
    sendMessage: (message, sender = { id: 'testextensionid', url: `${extensionOrigin}/popup.html` }) =>
      new Promise((resolve) => {
        for (const l of messageListeners) l(structuredClone(message), sender, (r) => resolve(structuredClone(r)));
      }),
    connect: (name, sender) => {
      const toBackground: Listener<[unknown]>[] = [];
      const onDisconnect: Listener<[]>[] = [];
      const received: unknown[] = [];
      const pageListeners: Listener<[unknown]>[] = [];
      const waiters: { pred: (m: unknown) => boolean; resolve(m: unknown): void }[] = [];
      let open = true;
      const port: PortLike = {
        name,
        sender,
        postMessage: (m) => {
          if (!open) throw new Error('port closed');
          const copy = structuredClone(m);
          received.push(copy);
          for (const l of pageListeners) l(structuredClone(copy));
          for (const w of [...waiters]) {
            if (w.pred(copy)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(copy);
            }
          }
        },
        onMessage: { addListener: (cb) => void toBackground.push(cb) },
        onDisconnect: { addListener: (cb) => void onDisconnect.push(cb) },
        disconnect: () => {
          open = false;
        },
      };
      for (const l of connectListeners) l(port);
      const post = (m: unknown) => {
        for (const l of toBackground) l(structuredClone(m));
      };
      return {
        port,
        pageSide: { postMessage: post, onMessage: { addListener: (cb) => void pageListeners.push(cb) }, onDisconnect: { addListener: () => undefined } },
        received,
        post,
        disconnect: () => {
          open = false;
          for (const l of onDisconnect) l();
        },
        next: (pred, timeoutMs = 10_000) =>
          new Promise((resolve, reject) => {
            const hit = received.find(pred);
            if (hit) return resolve(hit);
            const t = setTimeout(() => reject(new Error('timed out waiting for a port message')), timeoutMs);
            waiters.push({ pred, resolve: (m) => (clearTimeout(t), resolve(m)) });
          }),
      };
    },
  };
  return platform;
}
