import { describe, expect, it } from 'vitest';
import { createSettingsStore, FALLBACK_DEVNET_API } from './settings';
import { memoryArea } from './testing/memoryPlatform';

describe('settings', () => {
  it('devnetApi: storage key settings.devnetApi, else the build default, else 127.0.0.1:8547', async () => {
    const local = memoryArea();
    expect((await createSettingsStore(local, '').get()).devnetApi).toBe(FALLBACK_DEVNET_API);
    expect((await createSettingsStore(local, 'http://127.0.0.1:9000/').get()).devnetApi).toBe('http://127.0.0.1:9000');
    await local.set('settings.devnetApi', 'http://127.0.0.1:4444');
    const s = createSettingsStore(local, 'http://127.0.0.1:9000');
    expect(await s.get()).toEqual({ devnetApi: 'http://127.0.0.1:4444', autoLockMinutes: 15 });
    expect(await s.set({ autoLockMinutes: 5 })).toEqual({ devnetApi: 'http://127.0.0.1:4444', autoLockMinutes: 5 });
    await local.set('settings.autoLockMinutes', 'junk');
    expect((await s.get()).autoLockMinutes).toBe(15);
  });
});
