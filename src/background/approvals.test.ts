import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createApprovalService } from './approvals';
import { openWalletDb } from './db';
import { memoryPlatform } from './testing/memoryPlatform';

const ADDR0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

async function service(opts: { unlocked?: boolean } = {}) {
  const platform = memoryPlatform();
  const db = await openWalletDb(`approvals-${Math.random()}`);
  const state = { unlocked: opts.unlocked ?? true, changes: 0 };
  const approvals = createApprovalService({
    db,
    platform,
    isUnlocked: async () => state.unlocked,
    resolveAccounts: async (a) => a ?? [ADDR0],
    changed: () => void state.changes++,
  });
  return { platform, db, approvals, state };
}
const meta = (key: string, origin = 'https://a.example') => ({ origin, chainId: 901, requestKey: key });
const req = { params: { fromChainId: 901, toChainId: 902, chainName: 'B' }, warnings: [], blocked: null };

describe('approval queue', () => {
  it('opens one window for many requests, persists them, resolves in any order and closes when empty', async () => {
    const { platform, db, approvals } = await service();
    const p1 = approvals.request(meta('k1'), 'switch_chain', req);
    const p2 = approvals.request(meta('k2'), 'connect', { params: { permissions: ['eth_accounts'] }, warnings: [], blocked: null });
    await new Promise((r) => setTimeout(r, 20));
    expect(platform.windowsOpen.size).toBe(1);
    expect(await approvals.count()).toBe(2);
    expect((await db.approvals.all()).map((a) => a.kind).sort()).toEqual(['connect', 'switch_chain']);
    const list = await approvals.list();
    const a1 = list.find((a) => a.kind === 'switch_chain');
    const a2 = list.find((a) => a.kind === 'connect');
    expect(a1).not.toHaveProperty('requestKey');
    await approvals.resolve(a2!.id, true);
    expect(await p2).toEqual({ accounts: [ADDR0] });
    expect(platform.windowsOpen.size).toBe(1);
    // Expectations attach before the rejection happens, so it is never an unhandled rejection.
    const rejected1 = expect(p1).rejects.toMatchObject({ code: 4001 });
    await approvals.resolve(a1!.id, false);
    await rejected1;
    expect(platform.windowsOpen.size).toBe(0);
    expect(await db.approvals.all()).toEqual([]);
  });

  it('refuses approving blocked requests, approving while locked, and unknown ids', async () => {
    const { approvals, state } = await service();
    const blocked = approvals.request(meta('k'), 'personal_sign', {
      params: { address: ADDR0, text: 'x', raw: '0x78', siwe: null },
      warnings: [],
      blocked: { code: 'siwe_domain_mismatch', message: 'Blocked: wrong domain' },
    });
    await new Promise((r) => setTimeout(r, 10));
    const [a] = await approvals.list();
    await expect(approvals.resolve(a!.id, true)).rejects.toMatchObject({ code: 'APPROVAL_BLOCKED' });
    state.unlocked = false;
    const other = approvals.request(meta('k2'), 'switch_chain', req);
    await new Promise((r) => setTimeout(r, 10));
    const [, b] = await approvals.list();
    await expect(approvals.resolve(b!.id, true)).rejects.toMatchObject({ code: 'LOCKED' });
    const rejected = Promise.all([
      expect(blocked).rejects.toMatchObject({ code: 4001 }),
      expect(other).rejects.toMatchObject({ code: 4001 }),
    ]);
    await approvals.resolve(a!.id, false);
    await approvals.resolve(b!.id, false);
    await rejected;
    await expect(approvals.resolve('nope', true)).rejects.toMatchObject({ code: 'UNKNOWN_APPROVAL' });
  });

  it('closing the window rejects pending approvals and unlock waiters; another window id is ignored', async () => {
    const { platform, approvals, state } = await service({ unlocked: false });
    const p = approvals.request(meta('k'), 'switch_chain', req);
    const u = approvals.waitForUnlock();
    await new Promise((r) => setTimeout(r, 10));
    await approvals.windowRemoved(12345);
    expect(await approvals.count()).toBe(1);
    const id = [...platform.windowsOpen.keys()][0]!;
    const rejected = Promise.all([
      expect(p).rejects.toMatchObject({ code: 4001 }),
      expect(u).rejects.toMatchObject({ code: 4001 }),
    ]);
    platform.closeWindow(id);
    await approvals.windowRemoved(id); // the background wires windows.onRemoved to this
    await rejected;
    expect(state.changes).toBeGreaterThan(0);
  });

  it('an unlock waiter resolves on unlock and the window closes when nothing else is pending', async () => {
    const { platform, approvals, state } = await service({ unlocked: false });
    const u = approvals.waitForUnlock();
    await new Promise((r) => setTimeout(r, 10));
    expect(platform.windowsOpen.size).toBe(1);
    state.unlocked = true;
    await approvals.unlocked();
    await expect(u).resolves.toBeUndefined();
    expect(platform.windowsOpen.size).toBe(0);
  });
});
