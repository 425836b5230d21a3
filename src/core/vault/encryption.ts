import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { VaultFormatError, WrongPasswordError } from './errors';

/** Bumped when the envelope layout changes; older versions are read and re-written on unlock. */
export const VAULT_FORMAT_VERSION = 1;

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256. Raising it re-encrypts vaults on their next unlock. */
export const CURRENT_PBKDF2_ITERATIONS = 600_000;

export type KdfParams = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Hex };

/** What is stored at rest: everything needed to decrypt again except the password. */
export type EncryptedVault = {
  version: number;
  kdf: KdfParams;
  cipher: { name: 'AES-GCM'; iv: Hex };
  ciphertext: Hex;
};

const subtle = () => globalThis.crypto.subtle;
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
/** Copies into a plain ArrayBuffer-backed array, the only kind WebCrypto's types accept. */
const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** 32 raw key bytes from the password (NFKC-normalized so the same typed password always matches). */
export async function deriveVaultKey(password: string, kdf: KdfParams): Promise<Uint8Array> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: buffer(hexToBytes(kdf.salt)) },
    material,
    256,
  );
  return new Uint8Array(bits);
}

const aesKey = (raw: Uint8Array, usage: 'encrypt' | 'decrypt') =>
  subtle().importKey('raw', buffer(raw), { name: 'AES-GCM' }, false, [usage]);

/** Encrypts `data` (JSON) under an already derived key, with a fresh 96-bit iv every time. */
export async function sealVault(key: Uint8Array, kdf: KdfParams, data: unknown): Promise<EncryptedVault> {
  const iv = randomBytes(12);
  const plaintext = new TextEncoder().encode(JSON.stringify(data));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv }, await aesKey(key, 'encrypt'), plaintext);
  plaintext.fill(0);
  return { version: VAULT_FORMAT_VERSION, kdf, cipher: { name: 'AES-GCM', iv: bytesToHex(iv) }, ciphertext: bytesToHex(new Uint8Array(ct)) };
}

/** Decrypts with a derived key; an authentication failure means the key (password) is wrong. */
export async function openVault<T = unknown>(key: Uint8Array, vault: EncryptedVault): Promise<T> {
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: buffer(hexToBytes(vault.cipher.iv)) },
      await aesKey(key, 'decrypt'),
      buffer(hexToBytes(vault.ciphertext)),
    );
  } catch (cause) {
    throw new WrongPasswordError('Wrong password', { cause });
  }
  try {
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch (cause) {
    throw new VaultFormatError('Vault content is not valid JSON', { cause });
  }
}

export function newKdfParams(iterations = CURRENT_PBKDF2_ITERATIONS): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToHex(randomBytes(16)) };
}

export async function encryptVault(
  password: string,
  data: unknown,
  opts: { iterations?: number } = {},
): Promise<{ vault: EncryptedVault; key: Uint8Array }> {
  const kdf = newKdfParams(opts.iterations);
  const key = await deriveVaultKey(password, kdf);
  return { vault: await sealVault(key, kdf, data), key };
}

/** Whether the stored vault was written with weaker parameters than the current ones. */
export function needsUpgrade(vault: EncryptedVault, iterations = CURRENT_PBKDF2_ITERATIONS): boolean {
  return vault.version < VAULT_FORMAT_VERSION || vault.kdf.iterations < iterations;
}

/**
 * Decrypts with the password. When the vault's KDF parameters are below `iterations`, it is
 * re-encrypted with a new salt at the current parameters and returned as `upgraded`.
 */
export async function decryptVault<T = unknown>(
  password: string,
  vault: EncryptedVault,
  opts: { iterations?: number } = {},
): Promise<{ data: T; key: Uint8Array; upgraded: EncryptedVault | null }> {
  const key = await deriveVaultKey(password, vault.kdf);
  const data = await openVault<T>(key, vault);
  if (!needsUpgrade(vault, opts.iterations)) return { data, key, upgraded: null };
  key.fill(0);
  const next = await encryptVault(password, data, opts);
  return { data, key: next.key, upgraded: next.vault };
}

const isHex = (v: unknown): v is Hex => typeof v === 'string' && /^0x([0-9a-f]{2})*$/i.test(v);

/** Checks a stored value really is an EncryptedVault before anything trusts its fields. */
export function parseEncryptedVault(value: unknown): EncryptedVault {
  const v = value as Partial<EncryptedVault> | null;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    typeof v.version === 'number' &&
    v.version >= 1 &&
    v.version <= VAULT_FORMAT_VERSION &&
    v.kdf?.name === 'PBKDF2' &&
    v.kdf.hash === 'SHA-256' &&
    Number.isInteger(v.kdf.iterations) &&
    v.kdf.iterations >= 1 &&
    isHex(v.kdf.salt) &&
    v.cipher?.name === 'AES-GCM' &&
    isHex(v.cipher.iv) &&
    isHex(v.ciphertext);
  if (!ok) throw new VaultFormatError('Stored vault has an unknown format');
  return v as EncryptedVault;
}
