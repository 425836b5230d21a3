import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceProvider, EraWalletProvider, ERA_WALLET_RDNS, type Eip6963ProviderInfo } from '../core/provider';
import { startTestAnvil, type TestAnvil } from '../core/rpc/testing/anvil';
import { CONTENT_SOURCE, INPAGE_SOURCE } from '../messages/provider';
import { startProviderRelay } from '../messages/providerRelay';
import { startNetworkApi } from './testing/devnetApi';
import { ADDR0, ANVIL_MNEMONIC, PASSWORD, startTestBackground } from './testing/harness';
import { memoryPlatform } from './testing/memoryPlatform';

/** A stand-in for `window`: postMessage delivers a message event whose source is this window. */
function fakeWindow(origin: string) {
  const target = new EventTarget() as EventTarget & { postMessage(data: unknown, targetOrigin: string): void; location: { origin: string } };
  target.location = { origin };
  target.postMessage = (data) =>
    setTimeout(() => {
      const e = new Event('message');
      Object.assign(e, { data: structuredClone(data), source: target });
      target.dispatchEvent(e);
    });
  return target;
}

let a: TestAnvil;
let api: Awaited<ReturnType<typeof startNetworkApi>>;
beforeAll(async () => {
  a = await startTestAnvil(901);
  api = await startNetworkApi([{ chainId: 901, name: 'ERA Devnet OP', framework: 'op-stack', rpcUrl: a.rpcUrl }]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), api?.stop()]);
});

async function setup() {
  const t = await startTestBackground({ platform: memoryPlatform({ devnetApi: api.url }) });
  await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
  await t.services.chains.refresh();
  const win = fakeWindow('http://127.0.0.1:5173');
  startProviderRelay(win as never, () => t.platform.connect('provider', { id: 'testextensionid', url: 'http://127.0.0.1:5173/', tab: { id: 7 }, documentId: 'd' }).pageSide);
  const provider = new EraWalletProvider({
    send: (frame) => win.postMessage({ source: INPAGE_SOURCE, frame }, '*'),
    listen: (onFrame) =>
      win.addEventListener('message', (event) => {
        const e = event as MessageEvent;
        if (e.source === win && e.data?.source === CONTENT_SOURCE) onFrame(e.data.frame);
      }),
  });
  return { t, win, provider };
}

async function approveAll(t: Awaited<ReturnType<typeof startTestBackground>>) {
  for (let i = 0; i < 200; i++) {
    const list = (await t.call('approvals/list')).result as { id: string }[];
    if (list.length) return t.call('approvals/resolve', { id: list[0]!.id, approved: true });
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no approval');
}

describe('EIP-1193 provider end to end (provider → relay → port → background → anvil)', () => {
  it('connects, emits connect/accountsChanged, answers reads, rejects with EIP-1193 errors', async () => {
    const { t, provider } = await setup();
    expect(provider.isEraWallet).toBe(true);
    const connected = new Promise((r) => provider.on('connect', r));
    expect(provider.isConnected()).toBe(false); // nothing is sent until the page uses the provider
    expect(await provider.request({ method: 'net_version' })).toBe('901');
    expect(await connected).toEqual({ chainId: '0x385' });
    expect(provider.isConnected()).toBe(true);
    const changed: unknown[] = [];
    provider.on('accountsChanged', (x) => changed.push(x));
    const req = provider.request({ method: 'eth_requestAccounts' });
    await approveAll(t);
    expect(await req).toEqual([ADDR0]);
    expect(await provider.request({ method: 'eth_getBalance', params: [ADDR0, 'latest'] })).toMatch(/^0x/);
    await expect(provider.request({ method: 'eth_foo' })).rejects.toMatchObject({ code: 4200 });
    await expect(provider.request({ method: '' })).rejects.toMatchObject({ code: -32600 });
    await expect(provider.request(null as never)).rejects.toMatchObject({ code: -32600 });
    await t.call('vault/lock');
    await new Promise((r) => setTimeout(r, 100));
    expect(changed).toEqual([[ADDR0], []]);
  });

  it('announces via EIP-6963 at load and on every request, with one uuid per page load', async () => {
    const target = new EventTarget();
    const seen: { info: Eip6963ProviderInfo; provider: unknown }[] = [];
    target.addEventListener('eip6963:announceProvider', (e) => seen.push((e as CustomEvent).detail));
    const provider = new EraWalletProvider({ send: () => undefined, listen: () => undefined });
    announceProvider(target, provider, 'a7c1b6c0-0000-4000-8000-000000000001');
    target.dispatchEvent(new Event('eip6963:requestProvider'));
    target.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(seen).toHaveLength(3);
    expect(seen[0]!.info).toMatchObject({ name: 'ERA Wallet', rdns: ERA_WALLET_RDNS, uuid: 'a7c1b6c0-0000-4000-8000-000000000001' });
    expect(seen[0]!.info.icon).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(new Set(seen.map((s) => s.info.uuid)).size).toBe(1);
    expect(seen[2]!.provider).toBe(provider);
    expect(Object.isFrozen(seen[0]!.info)).toBe(true);
  });

  it('listener management: once, removeListener, a throwing listener does not break others', async () => {
    let inbound: (f: unknown) => void = () => undefined;
    const provider = new EraWalletProvider({ send: () => undefined, listen: (cb) => (inbound = cb) });
    const got: unknown[] = [];
    const l = (x: unknown) => got.push(['l', x]);
    provider.on('chainChanged', () => {
      throw new Error('dapp bug');
    });
    provider.on('chainChanged', l);
    provider.once('chainChanged', (x) => got.push(['once', x]));
    const swallow = (e: unknown) => void e;
    process.on('uncaughtException', swallow);
    inbound({ kind: 'event', event: 'chainChanged', data: '0x386' });
    provider.removeListener('chainChanged', l);
    inbound({ kind: 'event', event: 'chainChanged', data: '0x385' });
    await new Promise((r) => setTimeout(r, 10));
    process.off('uncaughtException', swallow);
    expect(got).toEqual([['l', '0x386'], ['once', '0x386']]);
    inbound({ kind: 'response', id: 999, result: 1 }); // unknown id: ignored
    inbound('garbage');
  });
});
