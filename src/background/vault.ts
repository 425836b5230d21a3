import type { Address, Hex } from 'viem';
import {
  addHdAccount,
  assertPasswordPolicy,
  createKeyring,
  decryptVault,
  encryptVault,
  findAccount,
  importPrivateKey,
  INITIAL_UNLOCK_THROTTLE,
  openVault,
  parseEncryptedVault,
  parseVaultSecrets,
  privateKeyOf,
  recordUnlockFailure,
  renameAccount,
  sealVault,
  unlockDelayMs,
  unlockRetryAfterMs,
  WrongPasswordError,
  type AccountRecord,
  type EncryptedVault,
  type UnlockThrottleState,
  type VaultSecrets,
} from '../core/vault';
import { MessageError } from '../messages/MessageError';
import type { WalletDb } from './db';
import type { UnlockedSession } from './session';

/** Wallet keys, accounts and lock state; the only place that decrypts the vault. */
export type VaultService = ReturnType<typeof createVaultService>;

export type VaultServiceDeps = {
  db: WalletDb;
  session: UnlockedSession;
  now(): number;
  /** Called after unlock/lock and account changes (auto-lock arming, UI push, provider events). */
  onUnlocked(): Promise<void>;
  onLocked(): Promise<void>;
  changed(): void;
  /** PBKDF2 iterations for new vaults; tests lower it, production uses the core default. */
  iterations?: number;
};

const K = { vault: 'vault', accounts: 'accounts', selected: 'selectedAddress', throttle: 'unlockThrottle' } as const;

export function createVaultService(deps: VaultServiceDeps) {
  const { db, session } = deps;
  const kdfOpts = deps.iterations === undefined ? {} : { iterations: deps.iterations };

  const storedVault = async (): Promise<EncryptedVault | null> => {
    const v = await db.get<unknown>(K.vault);
    return v === undefined ? null : parseEncryptedVault(v);
  };
  const accounts = async (): Promise<AccountRecord[]> => (await db.get<AccountRecord[]>(K.accounts)) ?? [];
  const requireUnlocked = async () => {
    const s = await session.get();
    if (!s) throw new MessageError('LOCKED', 'The wallet is locked');
    return s;
  };

  /** Throttled password check shared by unlock and reveal: a wrong password grows the wait. */
  const checkPassword = async (password: string): Promise<{ data: VaultSecrets; key: Uint8Array; upgraded: EncryptedVault | null }> => {
    const vault = await storedVault();
    if (!vault) throw new MessageError('NOT_INITIALIZED', 'No wallet has been created yet');
    const throttle = (await db.get<UnlockThrottleState>(K.throttle)) ?? INITIAL_UNLOCK_THROTTLE;
    const wait = unlockRetryAfterMs(throttle, deps.now());
    if (wait > 0) {
      throw new MessageError('WRONG_PASSWORD', `Too many wrong passwords; try again in ${Math.ceil(wait / 1000)} s`, { retryAfterMs: wait });
    }
    try {
      const result = await decryptVault<unknown>(password, vault, kdfOpts);
      if (throttle.failures > 0) await db.put(K.throttle, INITIAL_UNLOCK_THROTTLE);
      return { ...result, data: parseVaultSecrets(result.data) };
    } catch (e) {
      if (!(e instanceof WrongPasswordError)) throw e;
      const next = recordUnlockFailure(throttle, deps.now());
      await db.put(K.throttle, next);
      throw new MessageError('WRONG_PASSWORD', 'Wrong password', { retryAfterMs: unlockDelayMs(next.failures) });
    }
  };

  const unlockWith = async (secrets: VaultSecrets, key: Uint8Array) => {
    await session.set(secrets, key);
    await deps.onUnlocked();
    deps.changed();
  };

  /** Re-encrypts changed secrets under the session key (same KDF params, fresh iv). */
  const saveSecrets = async (secrets: VaultSecrets, key: Uint8Array) => {
    const vault = await storedVault();
    if (!vault) throw new MessageError('NOT_INITIALIZED', 'No wallet has been created yet');
    const sealed = await sealVault(key, vault.kdf, secrets);
    await openVault(key, sealed); // fail closed: never store what the key cannot open again
    await db.put(K.vault, sealed);
    await session.set(secrets, key);
  };

  return {
    isInitialized: async () => (await storedVault()) !== null,
    isUnlocked: async () => (await session.get()) !== null,
    accounts,
    selectedAddress: async (): Promise<Address | null> => {
      const list = await accounts();
      const sel = await db.get<Address>(K.selected);
      return list.find((a) => a.address === sel)?.address ?? list[0]?.address ?? null;
    },

    create: async (mnemonic: string, password: string): Promise<Address> => {
      if (await storedVault()) throw new MessageError('ALREADY_INITIALIZED', 'A wallet already exists');
      assertPasswordPolicy(password);
      const { secrets, accounts: list } = createKeyring(mnemonic);
      const { vault, key } = await encryptVault(password, secrets, kdfOpts);
      await db.put(K.accounts, list);
      await db.put(K.selected, list[0]!.address);
      await db.put(K.throttle, INITIAL_UNLOCK_THROTTLE);
      await db.put(K.vault, vault);
      await unlockWith(secrets, key);
      return list[0]!.address;
    },

    unlock: async (password: string): Promise<void> => {
      const { data, key, upgraded } = await checkPassword(password);
      if (upgraded) await db.put(K.vault, upgraded);
      await unlockWith(data, key);
    },

    lock: async (): Promise<void> => {
      await session.clear();
      await deps.onLocked();
      deps.changed();
    },

    revealMnemonic: async (password: string): Promise<string> => (await checkPassword(password)).data.mnemonic,

    importPrivateKey: async (privateKey: string, name?: string): Promise<Address> => {
      const { secrets, key } = await requireUnlocked();
      const list = await accounts();
      const result = importPrivateKey(secrets, list, privateKey, name);
      await saveSecrets(result.secrets, key);
      await db.put(K.accounts, [...list, result.account]);
      deps.changed();
      return result.account.address;
    },

    addAccount: async (name?: string): Promise<Address> => {
      const { secrets } = await requireUnlocked();
      const list = await accounts();
      const account = addHdAccount(secrets, list, name);
      await db.put(K.accounts, [...list, account]);
      deps.changed();
      return account.address;
    },

    renameAccount: async (address: string, name: string): Promise<void> => {
      await requireUnlocked();
      await db.put(K.accounts, renameAccount(await accounts(), address, name));
      deps.changed();
    },

    selectAccount: async (address: string): Promise<void> => {
      await requireUnlocked();
      await db.put(K.selected, findAccount(await accounts(), address).address);
      deps.changed();
    },

    /** The signing key for an account; LOCKED when the session holds no secrets. */
    privateKeyOf: async (address: string): Promise<Hex> => {
      const { secrets } = await requireUnlocked();
      return privateKeyOf(secrets, findAccount(await accounts(), address));
    },
  };
}
