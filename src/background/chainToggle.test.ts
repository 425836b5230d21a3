import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeMulticall3, startAnvil, type AnvilChain } from '../core/portfolio/testing/anvilChain';
import { startNetworkApi } from './testing/devnetApi';
import { ADDR0, ANVIL_MNEMONIC, PASSWORD, restart, startTestBackground, type Json } from './testing/harness';
import { memoryPlatform } from './testing/memoryPlatform';

/** Forwards JSON-RPC to an anvil and counts the requests, so a test can see whether a chain was contacted. */
async function countingProxy(target: string) {
  const seen: string[] = [];
  const state = { delayMs: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', async () => {
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      for (const m of [JSON.parse(body)].flat() as { method?: string }[]) seen.push(String(m.method));
      const out = request(target, { method: 'POST', headers: { 'content-type': 'application/json' } }, (up) => {
        res.writeHead(up.statusCode ?? 502, { 'content-type': 'application/json' });
        up.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, state, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

let op: AnvilChain;
let orbit: AnvilChain;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
let api: Awaited<ReturnType<typeof startNetworkApi>>;

beforeAll(async () => {
  [op, orbit] = await Promise.all([startAnvil(901), startAnvil(902)]);
  // The shipped devnet entries read through Multicall3 at its canonical address.
  await Promise.all([op, orbit].map((c) => placeMulticall3(c.rpcUrl)));
  proxy = await countingProxy(orbit.rpcUrl);
  api = await startNetworkApi([
    { chainId: 901, name: 'ERA Devnet OP', framework: 'op-stack', rpcUrl: op.rpcUrl },
    { chainId: 902, name: 'ERA Devnet Orbit', framework: 'arbitrum-orbit', rpcUrl: proxy.url },
  ]);
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await proxy?.stop();
  await Promise.all([op?.stop(), orbit?.stop()]);
});

const readChainIds = (view: Json) => view.chains.map((c: Json) => c.chainId);
const totalChainIds = (view: Json) => view.totals.perChain.map((c: Json) => c.chainId);

describe('chains/setEnabled (real anvils behind a network API)', () => {
  it('a disabled chain is persisted, not probed, not read by the portfolio and not in its totals; enabling brings it back', async () => {
    const t = await startTestBackground({ platform: memoryPlatform({ devnetApi: api.url }) });
    const call = async (type: string, input?: unknown): Promise<Json> => {
      const r = await t.call(type, input);
      if (r.error) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
      return r.result;
    };
    await call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD });
    await t.services.chains.refresh();
    let state = await call('state/get');
    expect(state.chains.map((c: Json) => [c.chainId, c.enabled, c.online])).toEqual([
      [901, true, true],
      [902, true, true],
    ]);
    const all = await call('portfolio/refresh', { address: ADDR0 });
    expect(readChainIds(all)).toEqual([901, 902]);
    expect(totalChainIds(all)).toEqual([901, 902]);
    const ethRows = (view: Json) => view.totals.perAsset.find((a: Json) => a.symbol === 'ETH').rows.map((r: Json) => r.chainId);
    expect(ethRows(all)).toEqual([901, 902]);
    await t.services.portfolio.idle(ADDR0);

    await call('chains/setEnabled', { chainId: 902, enabled: false });
    state = await call('state/get');
    expect(state.chains.find((c: Json) => c.chainId === 902)).toMatchObject({ enabled: false, online: false });
    // The toggle starts a fresh read of the selected account: the cached portfolio no longer has 902.
    await t.services.portfolio.idle(ADDR0);
    const cached = await call('portfolio/get', { address: ADDR0 });
    expect(readChainIds(cached)).toEqual([901]);
    expect(totalChainIds(cached)).toEqual([901]);
    expect(ethRows(cached)).toEqual([901]);
    const native = await call('balances/native', { address: ADDR0 });
    expect(native.map((b: Json) => b.chainId)).toEqual([901]);

    // From here on nothing may contact 902: chain probes, portfolio reads, native balances.
    proxy.seen.length = 0;
    t.platform.clock.now += 60_000;
    await t.services.chains.refresh();
    await call('portfolio/refresh', { address: ADDR0 });
    await call('balances/native', { address: ADDR0 });
    await t.services.portfolio.idle(ADDR0);
    expect(proxy.seen).toEqual([]);

    // The choice survives a worker restart.
    const again = await restart(t);
    const restartedState = (await again.call('state/get')).result;
    expect(restartedState.chains.find((c: Json) => c.chainId === 902)).toMatchObject({ enabled: false });
    expect(proxy.seen).toEqual([]);

    const on = await again.call('chains/setEnabled', { chainId: 902, enabled: true });
    expect(on.error).toBeUndefined();
    expect(proxy.seen).toContain('eth_chainId');
    const back = (await again.call('state/get')).result;
    expect(back.chains.find((c: Json) => c.chainId === 902)).toMatchObject({ enabled: true, online: true });
    await again.services.portfolio.idle(ADDR0);
    const view = (await again.call('portfolio/get', { address: ADDR0 })).result;
    expect(readChainIds(view)).toEqual([901, 902]);
    expect(ethRows(view)).toEqual([901, 902]);
    again.services.db.close();
  }, 60_000);

  it('switching a chain off while a read of it runs: the running read is replaced and never stored', async () => {
    const t = await startTestBackground({ platform: memoryPlatform({ devnetApi: api.url }) });
    expect((await t.call('vault/create', { mnemonic: ANVIL_MNEMONIC, password: PASSWORD })).error).toBeUndefined();
    await t.services.chains.refresh();
    proxy.state.delayMs = 1500;
    try {
      const slow = t.call('portfolio/refresh', { address: ADDR0 });
      await new Promise((r) => setTimeout(r, 300));
      expect((await t.call('chains/setEnabled', { chainId: 902, enabled: false })).error).toBeUndefined();
      // The caller of the old read still gets its answer (with 902): it was read before the switch.
      expect(readChainIds((await slow).result)).toEqual([901, 902]);
      await t.services.portfolio.idle(ADDR0);
      const view = (await t.call('portfolio/get', { address: ADDR0 })).result;
      expect(readChainIds(view)).toEqual([901]);
      expect(totalChainIds(view)).toEqual([901]);
    } finally {
      proxy.state.delayMs = 0;
      t.services.db.close();
    }
  }, 60_000);

  it('rejects bad input and unknown chains with typed errors, and leaves the state as it was', async () => {
    const t = await startTestBackground({ platform: memoryPlatform({ devnetApi: api.url }) });
    await t.services.chains.refresh();
    for (const input of [undefined, {}, { chainId: 902 }, { chainId: '902', enabled: false }, { chainId: 902, enabled: 'no' }, { chainId: -1, enabled: false }, { chainId: 1.5, enabled: true }]) {
      expect((await t.call('chains/setEnabled', input)).error?.code).toBe('INVALID_INPUT');
    }
    // 33139 is a builtin mainnet (not a wallet chain here), 77777 unknown.
    for (const chainId of [77777, 33139]) expect((await t.call('chains/setEnabled', { chainId, enabled: false })).error?.code).toBe('UNKNOWN_CHAIN');
    expect((await t.call('state/get')).result.chains.every((c: Json) => c.enabled)).toBe(true);
    // Switching an enabled chain on again is a no-op.
    expect((await t.call('chains/setEnabled', { chainId: 901, enabled: true })).error).toBeUndefined();
    expect((await t.call('state/get')).result.chains.map((c: Json) => c.enabled)).toEqual([true, true]);
    t.services.db.close();
  });
});
