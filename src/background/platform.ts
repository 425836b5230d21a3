/**
 * The browser surface the background uses, as a narrow interface: `chromePlatform.ts` implements it
 * with `browser.*`; unit tests use an in-memory one. Nothing else in src/background calls chrome.*.
 */

export interface KeyValueArea {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export type PortSender = {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
};

export interface PortLike {
  readonly name: string;
  readonly sender?: PortSender;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export interface Platform {
  /** chrome.storage.local: small settings (`settings.devnetApi`, `settings.autoLockMinutes`). */
  local: KeyValueArea;
  /** chrome.storage.session (TRUSTED_CONTEXTS): unlocked key material, lock deadline, window id. */
  session: KeyValueArea;
  alarms: {
    create(name: string, when: number): Promise<void>;
    clear(name: string): Promise<void>;
    onAlarm(cb: (name: string) => void): void;
  };
  windows: {
    /** Opens a popup window on an extension page; returns its id. */
    openPopup(path: string, size: { width: number; height: number }): Promise<number | undefined>;
    focus(id: number): Promise<boolean>;
    remove(id: number): Promise<void>;
    onRemoved(cb: (id: number) => void): void;
  };
  runtime: {
    /** e.g. chrome-extension://<id> — messages from other origins are refused. */
    extensionOrigin: string;
    extensionId: string;
    onMessage(cb: (message: unknown, sender: PortSender, respond: (response: unknown) => void) => void): void;
    onConnect(cb: (port: PortLike) => void): void;
  };
  clipboard: {
    /** Empties the clipboard if it still holds text with this SHA-256 hex fingerprint (or if it cannot be read). */
    clearIfHolds(fingerprint: string): Promise<void>;
  };
  fetch: typeof fetch;
  now(): number;
  /** Build-time default of the devnet API (import.meta.env.WXT_DEVNET_API). */
  defaultDevnetApi: string;
}
