import { describe, expect, it, vi } from 'vitest';
import { AUTO_LOCK_ALARM } from './autoLock';
import { ANVIL_MNEMONIC, PASSWORD, restart, startTestBackground } from './testing/harness';

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('auto-lock', () => {
  it('arms a 15 minute alarm on unlock and locks when it fires after the deadline', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    const start = t.platform.clock.now;
    expect(t.platform.alarmsSet.get(AUTO_LOCK_ALARM)).toBe(start + 15 * 60_000);
    // an early alarm (chrome can fire late or be re-created) does not lock
    t.platform.clock.now = start + 5 * 60_000;
    t.platform.fireAlarm(AUTO_LOCK_ALARM);
    await tick();
    expect(await t.services.vault.isUnlocked()).toBe(true); // (a UI call here would count as activity)
    t.platform.clock.now = start + 15 * 60_000;
    t.platform.fireAlarm(AUTO_LOCK_ALARM);
    await vi.waitFor(async () => expect(await t.services.vault.isUnlocked()).toBe(false), { timeout: 5000 });
    expect(t.platform.alarmsSet.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('activity extends the deadline; the setting changes it', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    t.platform.clock.now += 10 * 60_000;
    await t.call('state/get');
    await vi.waitFor(() => expect(t.platform.alarmsSet.get(AUTO_LOCK_ALARM)).toBe(t.platform.clock.now + 15 * 60_000), { timeout: 5000 });
    await t.call('settings/set', { autoLockMinutes: 2 });
    expect(t.platform.alarmsSet.get(AUTO_LOCK_ALARM)).toBe(t.platform.clock.now + 2 * 60_000);
    expect((await t.call('state/get')).result.autoLockMinutes).toBe(2);
  });

  it('a worker restarted after the deadline locks at startup', async () => {
    const t = await startTestBackground();
    await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    t.platform.clock.now += 16 * 60_000;
    const t2 = await restart(t);
    expect((await t2.call('state/get')).result.locked).toBe(true);
  });
});
