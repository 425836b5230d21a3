import { describe, expect, it } from 'vitest';
import { parseEncryptedVault } from '../core/vault';
import { ADDR0, ANVIL_MNEMONIC, PASSWORD, restart, startTestBackground } from './testing/harness';
import type { memoryArea } from './testing/memoryPlatform';

describe('background vault over messages', () => {
  it('creates, locks, unlocks; state reflects it', async () => {
    const { call } = await startTestBackground();
    expect((await call('state/get')).result).toMatchObject({ initialized: false, locked: true, accounts: [], autoLockMinutes: 15 });
    expect((await call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: 'password' })).error).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect((await call('vault/create', { mnemonic: ANVIL_MNEMONIC.replace('junk', 'junq'), password: PASSWORD })).error).toMatchObject({
      code: 'INVALID_MNEMONIC',
      details: { problem: 'unknown_word', word: 'junq', position: 12 },
    });
    expect((await call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD })).result).toEqual({ address: ADDR0 });
    expect((await call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD })).error).toMatchObject({ code: 'ALREADY_INITIALIZED' });
    const state = (await call('state/get')).result;
    expect(state).toMatchObject({ initialized: true, locked: false, selectedAddress: ADDR0, accounts: [{ address: ADDR0, name: 'Account 1', kind: 'hd', index: 0 }] });
    expect((await call('vault/lock')).result).toBeNull();
    expect((await call('state/get')).result.locked).toBe(true);
    expect((await call('accounts/add', {})).error).toMatchObject({ code: 'LOCKED' });
    expect((await call('vault/unlock', { password: PASSWORD })).result).toBeNull();
    expect((await call('state/get')).result.locked).toBe(false);
  });

  it('never stores the mnemonic or keys in the clear', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    await t.call('vault/importPrivateKey', { privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' });
    const stored = JSON.stringify(await t.services.db.get('vault'));
    expect(stored).not.toContain('test test');
    expect(stored).not.toContain('59c6995e');
    expect(JSON.stringify([...(t.platform.local as ReturnType<typeof memoryArea>).data])).not.toContain('test test');
    expect(JSON.stringify([...(t.platform.session as ReturnType<typeof memoryArea>).data].filter(([k]) => k !== 'unlocked'))).not.toContain('test test');
  });

  it('wrong password: typed error, growing delay that survives a worker restart', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    await t.call('vault/lock');
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push((await t.call('vault/unlock', { password: 'wrong-password' })).error);
    expect(tries.map((e) => [e.code, e.retryAfterMs])).toEqual([
      ['WRONG_PASSWORD', 0],
      ['WRONG_PASSWORD', 0],
      ['WRONG_PASSWORD', 1000],
    ]);
    const t2 = await restart(t);
    const throttled = (await t2.call('vault/unlock', { password: PASSWORD })).error;
    expect(throttled).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(throttled.retryAfterMs).toBeGreaterThan(0);
    t2.platform.clock.now += 1000;
    expect((await t2.call('vault/unlock', { password: PASSWORD })).result).toBeNull();
    // success resets the counter
    await t2.call('vault/lock');
    expect((await t2.call('vault/unlock', { password: 'nope-nope' })).error.retryAfterMs).toBe(0);
  });

  it('re-encrypts on unlock when the stored KDF params are below the current ones', async () => {
    const t = await startTestBackground({ iterations: 1000 });
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    await t.call('vault/lock');
    const t2 = await restart(t, 3000);
    expect((await t2.call('vault/unlock', { password: PASSWORD })).result).toBeNull();
    expect(parseEncryptedVault(await t2.services.db.get('vault')).kdf.iterations).toBe(3000);
    await t2.call('vault/lock');
    expect((await t2.call('vault/unlock', { password: PASSWORD })).result).toBeNull();
  });

  it('unlock survives a worker restart (session storage), and import/add/rename/select work', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    const t2 = await restart(t);
    expect((await t2.call('state/get')).result.locked).toBe(false);
    const added = (await t2.call('accounts/add', { name: 'Second' })).result.address;
    expect(added).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    const imported = (await t2.call('vault/importPrivateKey', { privateKey: '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a', name: 'Hot' })).result.address;
    expect(imported).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
    expect((await t2.call('vault/importPrivateKey', { privateKey: '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a' })).error.code).toBe('DUPLICATE_ACCOUNT');
    expect((await t2.call('vault/importPrivateKey', { privateKey: '0x1234' })).error.code).toBe('INVALID_PRIVATE_KEY');
    await t2.call('accounts/rename', { address: added, name: 'Savings' });
    await t2.call('accounts/select', { address: imported });
    expect((await t2.call('accounts/select', { address: '0x' + '12'.repeat(20) })).error.code).toBe('UNKNOWN_ACCOUNT');
    const s = (await t2.call('state/get')).result;
    expect(s.accounts.map((a: { name: string; kind: string }) => [a.name, a.kind])).toEqual([['Account 1', 'hd'], ['Savings', 'hd'], ['Hot', 'imported']]);
    expect(s.selectedAddress).toBe(imported);
    // the imported key is in the re-encrypted vault: lock, unlock, and it still signs
    await t2.call('vault/lock');
    await t2.call('vault/unlock', { password: PASSWORD });
    expect(await t2.services.vault.privateKeyOf(imported)).toBe('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
  });

  it('reveals the mnemonic only with the password', async () => {
    const { call } = await startTestBackground();
    await call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    expect((await call('vault/revealMnemonic', { password: 'nope-nope' })).error.code).toBe('WRONG_PASSWORD');
    expect((await call('vault/revealMnemonic', { password: PASSWORD })).result).toEqual({ mnemonic: ANVIL_MNEMONIC });
  });

  it('refuses messages from content scripts and unknown or malformed messages', async () => {
    const { platform, call } = await startTestBackground();
    const fromPage = await platform.sendMessage({ type: 'state/get' }, { id: 'testextensionid', url: 'https://evil.example/', tab: { id: 1 } });
    expect(fromPage).toEqual({ error: { code: 'FORBIDDEN_SENDER', message: 'Not allowed' } });
    const otherExt = await platform.sendMessage({ type: 'state/get' }, { id: 'other', url: 'chrome-extension://other/x.html' });
    expect(otherExt).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    expect((await call('vault/nope')).error.code).toBe('UNKNOWN_MESSAGE');
    expect((await platform.sendMessage(null)) as object).toMatchObject({ error: { code: 'UNKNOWN_MESSAGE' } });
    expect((await call('vault/unlock', { password: 42 })).error.code).toBe('INVALID_INPUT');
  });

  it('every message contract has a handler', async () => {
    const { services } = await startTestBackground();
    const { messageContracts } = await import('../messages');
    expect(services.ui.types().sort()).toEqual(messageContracts.map((c) => c.type).sort());
  });
});
