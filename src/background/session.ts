import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { parseVaultSecrets, type VaultSecrets } from '../core/vault';
import type { KeyValueArea } from './platform';

const KEY = 'unlocked';

/**
 * The unlocked secrets and vault key, in chrome.storage.session: they survive the service worker
 * being stopped and vanish when the browser closes; content scripts cannot read that area.
 */
export type UnlockedSession = {
  get(): Promise<{ secrets: VaultSecrets; key: Uint8Array } | null>;
  set(secrets: VaultSecrets, key: Uint8Array): Promise<void>;
  clear(): Promise<void>;
};

export function createUnlockedSession(session: KeyValueArea): UnlockedSession {
  // Memory copy so hot paths (every eth_accounts) do not hit storage; storage is the source of truth.
  let cache: { secrets: VaultSecrets; key: Uint8Array } | null | undefined;
  return {
    get: async () => {
      if (cache !== undefined) return cache;
      const stored = await session.get<{ secrets: unknown; key: Hex }>(KEY);
      cache = stored ? { secrets: parseVaultSecrets(stored.secrets), key: hexToBytes(stored.key) } : null;
      return cache;
    },
    set: async (secrets, key) => {
      cache = { secrets, key };
      await session.set(KEY, { secrets, key: bytesToHex(key) });
    },
    clear: async () => {
      cache = null;
      await session.remove(KEY);
    },
  };
}
