import 'fake-indexeddb/auto';
import { encodeAbiParameters, keccak256, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import devnetJson from '../core/chains/devnet.json';
import { ORACLE_NATIVE, USD_DECIMALS } from '../core/portfolio';
import {
  anvilRpc,
  cloneCode,
  deployPriceOracle,
  deployToken,
  placeMulticall3,
  setErc20Balance,
  setNativeBalance,
  startAnvil,
  type AnvilChain,
} from '../core/portfolio/testing/anvilChain';
import { startBackground } from './index';
import { memoryPlatform, type MemoryPlatform } from './testing/memoryPlatform';
import { startLyingRpc, startMetalayerFixture } from './verification.fixture';

const HOLDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ONE_ETH = 10n ** 18n;
const USDC_UNITS = 100n * 10n ** 6n;
const usd = (dollars: bigint) => (dollars * 10n ** BigInt(USD_DECIMALS)).toString();
const shipped = (chainId: number) => devnetJson.chains.find((c) => c.chainId === chainId)!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let op: AnvilChain;
let orbit: AnvilChain;
let zk: AnvilChain;
let api: Awaited<ReturnType<typeof startMetalayerFixture>>;
let liar: Awaited<ReturnType<typeof startLyingRpc>>;

/** A devnet chain as devnet.json describes it: its tokens and PriceOracle at the shipped addresses, on a real anvil. */
async function seedChain(chain: AnvilChain) {
  const url = chain.rpcUrl;
  const entry = shipped(chain.chainId);
  await placeMulticall3(url);
  const token = await deployToken(url, { name: 'T', symbol: 'T', decimals: 6, holders: [], amount: 0n });
  for (const t of entry.tokens) await cloneCode(url, token, t.address as Address);
  const usdc = entry.tokens.find((t) => t.symbol === 'USDC');
  if (usdc) await setErc20Balance(url, usdc.address as Address, HOLDER, USDC_UNITS, BigInt(usdc.balancesSlot));
  await setNativeBalance(url, HOLDER, ONE_ETH);
  // PriceOracle at the shipped address: code cloned, prices written into its mapping (slot 1: token → {price, updatedAt}).
  const oracle = entry.contracts.priceOracle as Address;
  await cloneCode(url, await deployPriceOracle(url, []), oracle);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const prices: [Address, bigint][] = [[ORACLE_NATIVE, 3000n * 10n ** 8n], ...(usdc ? [[usdc.address as Address, 10n ** 8n] as [Address, bigint]] : [])];
  for (const [t, price] of prices) {
    const base = BigInt(keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [t, 1n])));
    const word = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}` as Hex;
    await anvilRpc(url, 'anvil_setStorageAt', [oracle, word(base), word(price)]);
    await anvilRpc(url, 'anvil_setStorageAt', [oracle, word(base + 1n), word(now)]);
  }
  await anvilRpc(url, 'evm_mine', []);
}

beforeAll(async () => {
  [op, orbit, zk] = await Promise.all([startAnvil(901), startAnvil(902), startAnvil(904)]);
  await Promise.all([op, orbit, zk].map(seedChain));
  liar = await startLyingRpc(orbit.rpcUrl);
  api = await startMetalayerFixture({
    networkId: devnetJson.networkId,
    chains: [
      { chainId: 901, name: 'ERA Devnet OP', framework: 'op-stack', rpcUrl: op.rpcUrl },
      // 902's RPC (as the API announces it) is a proxy that inflates eth_getBalance when told to.
      { chainId: 902, name: 'ERA Devnet Orbit', framework: 'arbitrum-orbit', rpcUrl: liar.url },
      { chainId: 904, name: 'ERA Devnet ZK', framework: 'zk-stack', rpcUrl: zk.rpcUrl },
    ],
  });
  await api.checkpoint();
  liar.state.inflate = 7n * ONE_ETH;
}, 120_000);
afterAll(async () => {
  await api?.stop();
  await liar?.stop();
  await Promise.all([op?.stop(), orbit?.stop(), zk?.stop()]);
});

/** The real background on the in-memory platform; the same `platform` + `dbName` again is a worker restart. */
async function background(prev?: { platform: MemoryPlatform; dbName: string }) {
  const platform = memoryPlatform({ devnetApi: api.url, ...(prev ? { local: prev.platform.local as never, session: prev.platform.session as never } : {}) });
  if (prev) platform.clock.now = prev.platform.clock.now;
  const dbName = prev?.dbName ?? `portfolio-${Math.random()}`;
  const bg = startBackground(platform, { dbName, iterations: 1000, pinnedNetwork: { networkId: api.networkId, genesisHash: api.genesisHash } });
  const services = await bg.ready;
  const call = async (type: string, input?: unknown): Promise<Json> => {
    const r = (await platform.sendMessage({ type, input })) as { result?: Json; error?: Json };
    if (r.error) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
    return r.result;
  };
  return { platform, dbName, services, call };
}

const rowsOf = (view: Json) => view.totals.perChain.flatMap((c: Json) => c.rows.map((r: Json) => ({ chainId: r.chainId, symbol: r.symbol, status: r.proof.status, counted: r.counted })));

describe('portfolio service (background, real anvils, real verifier)', () => {
  let first: Awaited<ReturnType<typeof background>>;

  it('answers the first read before proofs, then every row gets its proof status; a lying RPC row is flagged and not counted', async () => {
    first = await background();
    const view = await first.call('portfolio/get', { address: HOLDER });
    expect(view).toMatchObject({ address: HOLDER, stale: false, proofs: 'running' });
    expect(view.chains.map((c: Json) => [c.chainId, c.status, c.method, c.requests])).toEqual([
      [901, 'ok', 'multicall3', 1],
      [902, 'ok', 'multicall3', 1],
      [904, 'ok', 'multicall3', 1],
    ]);
    // Unproven rows count while pending: 3 × (1 ETH at $3000 + 100 USDC).
    expect(view.totals.usd).toBe(usd(9300n));

    await first.services.portfolio.idle(HOLDER);
    const proven = await first.call('portfolio/get', { address: HOLDER });
    expect(proven).toMatchObject({ stale: true, proofs: 'done', proofEpoch: '1' });
    expect(rowsOf(proven)).toEqual([
      { chainId: 901, symbol: 'ETH', status: 'verified', counted: true },
      { chainId: 901, symbol: 'USDC', status: 'verified', counted: true },
      { chainId: 902, symbol: 'ETH', status: 'mismatch', counted: false },
      { chainId: 902, symbol: 'USDC', status: 'verified', counted: true },
      { chainId: 904, symbol: 'ETH', status: 'unverifiable', counted: true },
      { chainId: 904, symbol: 'USDC', status: 'unverifiable', counted: true },
    ]);
    expect(proven.totals.usd).toBe(usd(6300n));
    expect(proven.totals.alarms).toHaveLength(1);
    expect(proven.totals.alarms[0]).toMatchObject({ chainId: 902, address: 'native', proof: { status: 'mismatch', value: ONE_ETH.toString(), rpcValue: (8n * ONE_ETH).toString() } });
    // One chart point per read, updated to the proven total.
    expect(proven.history).toEqual([{ t: view.updatedAt, usd: usd(6300n) }]);

    const status = await first.call('verification/status');
    expect(status).toMatchObject({ networkId: devnetJson.networkId, guardianSetId: '0', finalizedEpoch: '1' });
    expect(status.rollups.map((r: Json) => r.included)).toEqual([true, true, true]);
  });

  it('answers from the IndexedDB cache at once (stale, old timestamp) while a slow refresh runs, then pushes state/changed', async () => {
    const before = await first.call('portfolio/get', { address: HOLDER });
    const ui = first.platform.connect('ui', { id: 'testextensionid', url: 'chrome-extension://testextensionid/popup.html' });
    await ui.next(() => true);
    ui.received.length = 0;
    liar.state.delayMs = 1500;
    try {
      first.platform.clock.now += 60_000;
      const cached = await first.call('portfolio/get', { address: HOLDER });
      // Answered while the read is still running: the old read's timestamp, and a refresh under way.
      expect(cached).toMatchObject({ stale: true, refreshing: true, updatedAt: before.updatedAt, proofs: 'done' });
      await first.services.portfolio.idle(HOLDER);
      await ui.next((m) => (m as { type?: string }).type === 'state/changed');
      const fresh = await first.call('portfolio/get', { address: HOLDER });
      expect(fresh.updatedAt).toBe(first.platform.clock.now);
      expect(fresh.history.map((p: Json) => p.t)).toEqual([before.updatedAt, first.platform.clock.now]);
    } finally {
      liar.state.delayMs = 0;
      ui.disconnect();
    }
  });

  it('portfolio/refresh forces a read and answers with it; inputs are validated', async () => {
    first.platform.clock.now += 1000;
    const view = await first.call('portfolio/refresh', { address: HOLDER });
    expect(view).toMatchObject({ stale: false, updatedAt: first.platform.clock.now });
    await first.services.portfolio.idle(HOLDER);
    const bad = (await first.platform.sendMessage({ type: 'portfolio/get', input: { address: '0x123' } })) as Json;
    expect(bad.error.code).toBe('INVALID_INPUT');
    const none = (await first.platform.sendMessage({ type: 'portfolio/get', input: {} })) as Json;
    expect(none.error.code).toBe('LOCKED');
  });

  it('after a worker restart the cached portfolio and the finalized epoch are there before any read', async () => {
    await first.services.portfolio.idle(HOLDER);
    const last = await first.call('portfolio/get', { address: HOLDER });
    const restarted = await background(first);
    const status = await restarted.call('verification/status');
    expect(status.finalizedEpoch).toBe('1');
    const cached = await restarted.call('portfolio/get', { address: HOLDER });
    expect(cached).toMatchObject({ stale: true, updatedAt: last.updatedAt, proofs: 'done' });
    expect(cached.totals.usd).toBe(usd(6300n));
    expect(cached.history.length).toBe(3);
    await restarted.services.portfolio.idle(HOLDER);
    restarted.services.db.close();
  });

  it('a wallet_watchAsset token is read in the same multicall and shown as unverifiable (no balances slot)', async () => {
    const token = await deployToken(op.rpcUrl, { name: 'Watched', symbol: 'WAT', decimals: 18, holders: [HOLDER], amount: 5n * ONE_ETH });
    await first.services.chains.watchAsset({ chainId: 901, address: token, symbol: 'WAT', decimals: 18, image: null });
    first.platform.clock.now += 1000;
    const view = await first.call('portfolio/refresh', { address: HOLDER });
    expect(view.chains.find((c: Json) => c.chainId === 901)).toMatchObject({ method: 'multicall3', requests: 1 });
    await first.services.portfolio.idle(HOLDER);
    const proven = await first.call('portfolio/get', { address: HOLDER });
    const row = rowsOf(proven).find((r: Json) => r.symbol === 'WAT');
    expect(row).toEqual({ chainId: 901, symbol: 'WAT', status: 'unverifiable', counted: true });
    expect(proven.totals.unpriced).toBe(1);
  });
});
