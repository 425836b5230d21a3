import { describe, expect, it, vi } from 'vitest';
import { clipboardFingerprint } from '../messages/clipboardClearLater';
import { CLIPBOARD_CLEAR_ALARM, createClipboardClear } from './clipboardClear';
import { memoryArea, memoryPlatform } from './testing/memoryPlatform';
import { ANVIL_MNEMONIC, restart, startTestBackground } from './testing/harness';

const PENDING_KEY = 'clipboard.pendingClear';

describe('clipboard clear scheduling', () => {
  it('clears the copied phrase when the alarm fires, storing only its fingerprint', async () => {
    const session = memoryArea();
    const t = await startTestBackground({ platform: memoryPlatform({ session }) });
    const start = t.platform.clock.now;
    t.platform.clipboardText.value = ANVIL_MNEMONIC;
    const r = await t.call('clipboard/clearLater', { fingerprint: clipboardFingerprint(ANVIL_MNEMONIC), afterMs: 45_000 });
    expect(r).toEqual({ result: null });
    expect(t.platform.alarmsSet.get(CLIPBOARD_CLEAR_ALARM)).toBe(start + 45_000);
    const stored = JSON.stringify([...session.data.values()]);
    expect(stored).not.toContain('junk');
    expect(await t.platform.session.get(PENDING_KEY)).toEqual({ fingerprint: clipboardFingerprint(ANVIL_MNEMONIC), due: start + 45_000 });

    t.platform.clock.now = start + 45_000;
    t.platform.fireAlarm(CLIPBOARD_CLEAR_ALARM);
    await vi.waitFor(() => expect(t.platform.clipboardText.value).toBe(''));
    expect(await t.platform.session.get(PENDING_KEY)).toBeUndefined();
  });

  it('defaults to 45 s and refuses more than a minute or a raw secret', async () => {
    const t = await startTestBackground();
    const fingerprint = clipboardFingerprint('x');
    await t.call('clipboard/clearLater', { fingerprint });
    expect(t.platform.alarmsSet.get(CLIPBOARD_CLEAR_ALARM)).toBe(t.platform.clock.now + 45_000);
    expect((await t.call('clipboard/clearLater', { fingerprint, afterMs: 60_001 })).error.code).toBe('INVALID_INPUT');
    expect((await t.call('clipboard/clearLater', { fingerprint: ANVIL_MNEMONIC })).error.code).toBe('INVALID_INPUT');
    expect((await t.call('clipboard/clearLater', {})).error.code).toBe('INVALID_INPUT');
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const platform = memoryPlatform();
    const clear = createClipboardClear({ platform });
    await clear.schedule(clipboardFingerprint(ANVIL_MNEMONIC), 30_000);
    platform.clipboardText.value = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    platform.clock.now += 30_000;
    await clear.check();
    expect(platform.clipboardText.value).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(await platform.session.get(PENDING_KEY)).toBeUndefined();
  });

  it('an early alarm re-arms instead of clearing', async () => {
    const platform = memoryPlatform();
    const clear = createClipboardClear({ platform });
    platform.clipboardText.value = ANVIL_MNEMONIC;
    const due = platform.clock.now + 45_000;
    await clear.schedule(clipboardFingerprint(ANVIL_MNEMONIC), 45_000);
    platform.clock.now += 20_000;
    platform.alarmsSet.delete(CLIPBOARD_CLEAR_ALARM);
    await clear.check();
    expect(platform.clipboardText.value).toBe(ANVIL_MNEMONIC);
    expect(platform.alarmsSet.get(CLIPBOARD_CLEAR_ALARM)).toBe(due);
  });

  it('a newer copy replaces the pending clear', async () => {
    const platform = memoryPlatform();
    const clear = createClipboardClear({ platform });
    await clear.schedule(clipboardFingerprint('old secret'), 45_000);
    platform.clock.now += 10_000;
    await clear.schedule(clipboardFingerprint(ANVIL_MNEMONIC), 45_000);
    platform.clipboardText.value = ANVIL_MNEMONIC;
    platform.clock.now += 45_000;
    await clear.check();
    expect(platform.clipboardText.value).toBe('');
  });

  it('survives the worker being stopped: a restarted worker clears on the alarm', async () => {
    const t = await startTestBackground();
    await t.call('clipboard/clearLater', { fingerprint: clipboardFingerprint(ANVIL_MNEMONIC), afterMs: 45_000 });
    t.platform.clock.now += 10_000;
    const t2 = await restart(t);
    t2.platform.clipboardText.value = ANVIL_MNEMONIC;
    expect(t2.platform.alarmsSet.has(CLIPBOARD_CLEAR_ALARM)).toBe(true);
    t2.platform.clock.now += 35_000;
    t2.platform.fireAlarm(CLIPBOARD_CLEAR_ALARM);
    await vi.waitFor(() => expect(t2.platform.clipboardText.value).toBe(''));
  });

  it('a worker that wakes after the due time clears at startup', async () => {
    const t = await startTestBackground();
    await t.call('clipboard/clearLater', { fingerprint: clipboardFingerprint(ANVIL_MNEMONIC), afterMs: 45_000 });
    const fresh = memoryPlatform({ local: t.platform.local as never, session: t.platform.session as never });
    fresh.clock.now = t.platform.clock.now + 90_000;
    fresh.clipboardText.value = ANVIL_MNEMONIC;
    await startTestBackground({ platform: fresh, dbName: t.dbName });
    await vi.waitFor(() => expect(fresh.clipboardText.value).toBe(''));
  });
});
