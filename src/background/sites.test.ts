import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from './db';
import { createSiteService } from './sites';

const A = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const B = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const C = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('site permissions', () => {
  it('grants per origin, lists the selected account first, hides accounts no longer in the wallet', async () => {
    const db = await openWalletDb(`sites-${Math.random()}`);
    const wallet = { accounts: [A, B, C] as `0x${string}`[], selected: B as `0x${string}` };
    const sites = createSiteService({
      db,
      defaultChainId: async () => 901,
      walletAccounts: async () => wallet.accounts,
      selectedAddress: async () => wallet.selected,
      now: () => 5,
      changed: () => undefined,
    });
    expect(await sites.get('https://a.example')).toEqual({ origin: 'https://a.example', accounts: [], chainId: 901, connectedAt: 0 });
    await sites.grant('https://a.example', [A, B]);
    expect(await sites.permittedAccounts('https://a.example')).toEqual([B, A]);
    expect(await sites.permittedAccounts('https://b.example')).toEqual([]);
    wallet.selected = C;
    expect(await sites.permittedAccounts('https://a.example')).toEqual([A, B]);
    wallet.accounts = [B, C];
    expect(await sites.permittedAccounts('https://a.example')).toEqual([B]);
    expect(await sites.permissions('https://a.example')).toEqual([
      { invoker: 'https://a.example', parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [B] }], date: 5 },
    ]);
    await sites.setChain('https://b.example', 902);
    expect((await sites.get('https://b.example')).chainId).toBe(902);
    expect((await sites.connected()).map((s) => s.origin)).toEqual(['https://a.example']);
    await sites.revoke('https://a.example');
    expect(await sites.permittedAccounts('https://a.example')).toEqual([]);
    expect(await sites.connected()).toEqual([]);
  });
});
