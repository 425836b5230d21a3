import { describe, expect, it } from 'vitest';
import { deriveHdAccount, parsePrivateKey } from './accounts';
import { InvalidPrivateKeyError } from './errors';
import { addHdAccount, createKeyring, DuplicateAccountError, importPrivateKey, privateKeyOf, renameAccount } from './keyring';

const ANVIL = 'test test test test test test test test test test test junk';
const ANVIL_KEY_1 = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

describe('keyring', () => {
  it('derives the anvil accounts (vector)', () => {
    expect(deriveHdAccount(ANVIL, 0).address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(deriveHdAccount(ANVIL, 1)).toEqual({ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', privateKey: ANVIL_KEY_1 });
  });

  it('creates, adds and renames HD accounts', () => {
    const { secrets, accounts } = createKeyring(ANVIL);
    expect(accounts[0]).toEqual({ address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', name: 'Account 1', kind: 'hd', index: 0 });
    const second = addHdAccount(secrets, accounts);
    expect(second).toMatchObject({ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', index: 1, name: 'Account 2' });
    const renamed = renameAccount([...accounts, second], second.address.toLowerCase(), '  Savings ');
    expect(renamed[1]!.name).toBe('Savings');
    expect(() => renameAccount(renamed, second.address, '  ')).toThrow(/empty/);
    expect(() => renameAccount(renamed, '0x' + '00'.repeat(20), 'x')).toThrow(/No such account/);
  });

  it('imports a private key once and signs with it', () => {
    const { secrets, accounts } = createKeyring(ANVIL);
    const imported = importPrivateKey(secrets, accounts, ANVIL_KEY_1.slice(2), 'hot');
    expect(imported.account).toEqual({ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', name: 'hot', kind: 'imported' });
    expect(privateKeyOf(imported.secrets, imported.account)).toBe(ANVIL_KEY_1);
    expect(() => importPrivateKey(imported.secrets, [...accounts, imported.account], ANVIL_KEY_1)).toThrow(DuplicateAccountError);
  });

  it('refuses malformed and out-of-range private keys', () => {
    expect(() => parsePrivateKey('0x1234')).toThrow(InvalidPrivateKeyError);
    expect(() => parsePrivateKey('0x' + '00'.repeat(32))).toThrow(/range/);
    expect(() => parsePrivateKey('0x' + 'ff'.repeat(32))).toThrow(/range/);
    expect(() => parsePrivateKey('zz' + '00'.repeat(31))).toThrow(InvalidPrivateKeyError);
  });
});
