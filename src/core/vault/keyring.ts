import { getAddress, isAddressEqual, type Address, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { deriveHdAccount, parsePrivateKey } from './accounts';
import { VaultError, VaultFormatError } from './errors';
import { parseMnemonic } from './mnemonic';

/** The secret half of the wallet: only ever stored encrypted, or in session storage while unlocked. */
export type VaultSecrets = { mnemonic: string; importedKeys: Hex[] };

/** The public half: addresses and names, stored in the clear. */
export type AccountRecord = { address: Address; name: string; kind: 'hd' | 'imported'; index?: number };

export class DuplicateAccountError extends VaultError {
  override name = 'DuplicateAccountError';
}
export class UnknownAccountError extends VaultError {
  override name = 'UnknownAccountError';
}

export function createKeyring(mnemonicInput: string): { secrets: VaultSecrets; accounts: AccountRecord[] } {
  const mnemonic = parseMnemonic(mnemonicInput);
  const { address } = deriveHdAccount(mnemonic, 0);
  return { secrets: { mnemonic, importedKeys: [] }, accounts: [{ address, name: 'Account 1', kind: 'hd', index: 0 }] };
}

export function addHdAccount(secrets: VaultSecrets, accounts: AccountRecord[], name?: string): AccountRecord {
  const next = accounts.reduce((m, a) => (a.kind === 'hd' && a.index !== undefined ? Math.max(m, a.index + 1) : m), 0);
  const { address } = deriveHdAccount(secrets.mnemonic, next);
  return { address, name: name?.trim() || `Account ${accounts.length + 1}`, kind: 'hd', index: next };
}

export function importPrivateKey(
  secrets: VaultSecrets,
  accounts: AccountRecord[],
  input: string,
  name?: string,
): { secrets: VaultSecrets; account: AccountRecord } {
  const key = parsePrivateKey(input);
  const address = privateKeyToAddress(key);
  if (accounts.some((a) => isAddressEqual(a.address, address))) {
    throw new DuplicateAccountError('This account is already in the wallet', { details: { address } });
  }
  return {
    secrets: { ...secrets, importedKeys: [...secrets.importedKeys, key] },
    account: { address, name: name?.trim() || `Imported ${secrets.importedKeys.length + 1}`, kind: 'imported' },
  };
}

export function findAccount(accounts: AccountRecord[], address: string): AccountRecord {
  const account = accounts.find((a) => a.address.toLowerCase() === address.toLowerCase());
  if (!account) throw new UnknownAccountError('No such account in this wallet', { details: { address } });
  return account;
}

export function renameAccount(accounts: AccountRecord[], address: string, name: string): AccountRecord[] {
  const target = findAccount(accounts, address);
  const trimmed = name.trim();
  if (!trimmed) throw new VaultError('Account name cannot be empty');
  return accounts.map((a) => (a === target ? { ...a, name: trimmed.slice(0, 64) } : a));
}

/** The signing key of an account; fails closed when the secrets do not hold it. */
export function privateKeyOf(secrets: VaultSecrets, account: AccountRecord): Hex {
  if (account.kind === 'hd') {
    const derived = deriveHdAccount(secrets.mnemonic, account.index ?? 0);
    if (getAddress(derived.address) !== getAddress(account.address)) throw new VaultError('HD account does not match the vault');
    return derived.privateKey;
  }
  const key = secrets.importedKeys.find((k) => isAddressEqual(privateKeyToAddress(k), account.address));
  if (!key) throw new UnknownAccountError('No key for this account in the vault', { details: { address: account.address } });
  return key;
}

export function parseVaultSecrets(value: unknown): VaultSecrets {
  const v = value as Partial<VaultSecrets> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    typeof v.mnemonic !== 'string' ||
    !Array.isArray(v.importedKeys) ||
    !v.importedKeys.every((k) => typeof k === 'string')
  ) {
    throw new VaultFormatError('Vault secrets have an unknown format');
  }
  return { mnemonic: v.mnemonic, importedKeys: v.importedKeys as Hex[] };
}
