import type { KeyValueArea } from './platform';

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const FALLBACK_DEVNET_API = 'http://127.0.0.1:8547';

/** Small settings in chrome.storage.local under the keys the e2e fixture writes (`settings.devnetApi`). */
export type Settings = { autoLockMinutes: number; devnetApi: string };

export type SettingsStore = {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
};

export function createSettingsStore(local: KeyValueArea, defaultDevnetApi: string): SettingsStore {
  const get = async (): Promise<Settings> => {
    const minutes = await local.get<number>('settings.autoLockMinutes');
    const api = await local.get<string>('settings.devnetApi');
    return {
      autoLockMinutes: typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 ? minutes : DEFAULT_AUTO_LOCK_MINUTES,
      devnetApi: (typeof api === 'string' && /^https?:\/\//.test(api) ? api : defaultDevnetApi || FALLBACK_DEVNET_API).replace(/\/+$/, ''),
    };
  };
  return {
    get,
    set: async (patch) => {
      if (patch.autoLockMinutes !== undefined) await local.set('settings.autoLockMinutes', patch.autoLockMinutes);
      if (patch.devnetApi !== undefined) await local.set('settings.devnetApi', patch.devnetApi);
      return get();
    },
  };
}
