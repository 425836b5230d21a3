import { describe, expect, it } from 'vitest';
import {
  CURRENT_PBKDF2_ITERATIONS,
  decryptVault,
  encryptVault,
  needsUpgrade,
  parseEncryptedVault,
  VAULT_FORMAT_VERSION,
} from './encryption';
import { VaultFormatError, WrongPasswordError } from './errors';
import { assertPasswordPolicy } from './password';
import { WeakPasswordError } from './errors';
import { INITIAL_UNLOCK_THROTTLE, recordUnlockFailure, unlockRetryAfterMs } from './unlockThrottle';

const secrets = { mnemonic: 'test test test test test test test test test test test junk', importedKeys: [] };

describe('vault encryption', () => {
  it('uses AES-GCM with PBKDF2-SHA256 at ≥ 600k iterations by default and records the params', async () => {
    expect(CURRENT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { vault } = await encryptVault('correct horse battery', secrets);
    expect(vault.version).toBe(VAULT_FORMAT_VERSION);
    expect(vault.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: CURRENT_PBKDF2_ITERATIONS });
    expect(vault.kdf.salt).toMatch(/^0x[0-9a-f]{32}$/);
    expect(vault.cipher.name).toBe('AES-GCM');
    expect(vault.cipher.iv).toMatch(/^0x[0-9a-f]{24}$/);
    expect(JSON.stringify(vault)).not.toContain('test test');
    const { data, upgraded } = await decryptVault('correct horse battery', vault);
    expect(data).toEqual(secrets);
    expect(upgraded).toBeNull();
  });

  it('fresh salt and iv each time', async () => {
    const a = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    const b = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    expect(a.vault.kdf.salt).not.toBe(b.vault.kdf.salt);
    expect(a.vault.cipher.iv).not.toBe(b.vault.cipher.iv);
  });

  it('throws WrongPasswordError for a wrong password', async () => {
    const { vault } = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    await expect(decryptVault('pw-one-twO', vault, { iterations: 1000 })).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('detects tampering as a failed decryption', async () => {
    const { vault } = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    const flipped = vault.ciphertext.slice(0, -2) + (vault.ciphertext.endsWith('00') ? '01' : '00');
    await expect(decryptVault('pw-one-two', { ...vault, ciphertext: flipped as `0x${string}` }, { iterations: 1000 })).rejects.toBeInstanceOf(
      WrongPasswordError,
    );
  });

  it('re-encrypts on unlock when the stored params are below the current ones', async () => {
    const { vault: old } = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    expect(needsUpgrade(old, 2000)).toBe(true);
    const { data, upgraded } = await decryptVault('pw-one-two', old, { iterations: 2000 });
    expect(data).toEqual(secrets);
    expect(upgraded!.kdf.iterations).toBe(2000);
    expect(upgraded!.kdf.salt).not.toBe(old.kdf.salt);
    const again = await decryptVault('pw-one-two', upgraded!, { iterations: 2000 });
    expect(again.upgraded).toBeNull();
    expect(again.data).toEqual(secrets);
  });

  it('validates the stored envelope', async () => {
    const { vault } = await encryptVault('pw-one-two', secrets, { iterations: 1000 });
    expect(parseEncryptedVault(JSON.parse(JSON.stringify(vault)))).toEqual(vault);
    expect(() => parseEncryptedVault({ ...vault, kdf: { ...vault.kdf, name: 'scrypt' } })).toThrow(VaultFormatError);
    expect(() => parseEncryptedVault({ ...vault, version: 99 })).toThrow(VaultFormatError);
    expect(() => parseEncryptedVault(null)).toThrow(VaultFormatError);
  });
});

describe('password policy', () => {
  it.each(['12345678', 'password', '11111111', 'abcdefgh', '87654321', 'PASSWORD', 'short'])('refuses %s', (pw) => {
    expect(() => assertPasswordPolicy(pw)).toThrow(WeakPasswordError);
  });
  it('accepts a reasonable password', () => {
    expect(() => assertPasswordPolicy('blue-otter-42')).not.toThrow();
  });
});

describe('unlock throttle', () => {
  it('grows the delay after repeated failures', () => {
    let s = INITIAL_UNLOCK_THROTTLE;
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      s = recordUnlockFailure(s, 10_000);
      delays.push(unlockRetryAfterMs(s, 10_000));
    }
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(unlockRetryAfterMs(s, 10_000 + 8000)).toBe(0);
  });
});
