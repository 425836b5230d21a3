import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, parseEther, parseUnits, type Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import { aggregateBalances, priceQueriesFor } from './aggregate';
import { devnetOraclePriceSource, ORACLE_NATIVE, priceKey } from './prices';
import { readBalances, type Multicall3Presence } from './readBalances';
import { readPortfolio } from './readPortfolio';
import { httpRpc, rpcFromEip1193 } from './rpc';
import { loadPortfolio, portfolioToJson } from './loadPortfolio';
import { parseTokenList } from './tokenList';
import {
  clientsFor,
  countingFetch,
  deployer,
  deployPriceOracle,
  deployToken,
  freePort,
  MULTICALL3,
  placeMulticall3,
  startAnvil,
  startSilentServer,
  type AnvilChain,
} from './testing/anvilChain';
import type { PortfolioToken } from './types';
import { formatUsd } from './usd';

const holder: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'; // anvil account #1
const stoppers: Array<() => Promise<void>> = [];
let withMc: AnvilChain;
let noMc: AnvilChain;
let closedUrl: string;
let hungUrl: string;
const tokens: PortfolioToken[] = [];
let oracle: Address;

const entry = (chainId: number, rpcUrl: string, extra: Partial<ChainEntry> = {}): ChainEntry => ({
  chainId,
  name: `anvil ${chainId}`,
  framework: 'op-stack',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: [rpcUrl],
  testnet: true,
  devnet: true,
  tokens: [],
  origin: 'devnet',
  ...extra,
});

async function truth(rpcUrl: string, token: Address): Promise<bigint> {
  return clientsFor(rpcUrl).public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] });
}

beforeAll(async () => {
  [withMc, noMc] = await Promise.all([startAnvil(901), startAnvil(902)]);
  stoppers.push(withMc.stop, noMc.stop);
  closedUrl = `http://127.0.0.1:${await freePort()}`;
  const hung = await startSilentServer();
  stoppers.push(hung.stop);
  hungUrl = hung.rpcUrl;
  await placeMulticall3(withMc.rpcUrl);
  const specs = [
    { name: 'USD Coin', symbol: 'USDC', decimals: 6, amount: parseUnits('1250.5', 6) },
    { name: 'Dai Stablecoin', symbol: 'DAI', decimals: 18, amount: parseEther('42') },
    { name: 'Zero Token', symbol: 'ZERO', decimals: 18, amount: 0n },
  ];
  for (const chain of [withMc, noMc]) {
    for (const s of specs) {
      const address = await deployToken(chain.rpcUrl, { ...s, holders: [holder], amount: s.amount });
      tokens.push({ chainId: chain.chainId, address, symbol: s.symbol, name: s.name, decimals: s.decimals, source: 'list' });
    }
  }
  // balanceOf on a contract without it (Multicall3 itself) reverts: one failing token must not fail the chain.
  tokens.push({ chainId: 901, address: MULTICALL3, symbol: 'BAD', name: 'Not a token', decimals: 18, source: 'list' });
  const usdc = tokens.find((t) => t.chainId === 901 && t.symbol === 'USDC')!.address;
  oracle = await deployPriceOracle(withMc.rpcUrl, [
    [ORACLE_NATIVE, 3000n * 10n ** 8n],
    [usdc, 10n ** 8n],
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(stoppers.map((s) => s().catch(() => {})));
});

describe('readBalances on real anvil', () => {
  it('reads native and every token with exactly one HTTP request when Multicall3 is known', async () => {
    const counter = countingFetch();
    const chain = entry(901, withMc.rpcUrl, { multicall3: MULTICALL3 });
    const r = await readBalances(chain, holder, tokens, { rpc: httpRpc(withMc.rpcUrl, { fetch: counter.fetch }) });
    expect(counter.count()).toBe(1);
    expect(r).toMatchObject({ status: 'ok', method: 'multicall3', requests: 1 });
    const pub = clientsFor(withMc.rpcUrl).public;
    expect(r.native).toBe(await pub.getBalance({ address: holder }));
    expect(r.blockNumber).toBe(await pub.getBlockNumber());
    for (const t of r.tokens.filter((x) => x.token.symbol !== 'BAD')) expect(t.balance).toBe(await truth(withMc.rpcUrl, t.token.address));
    expect(r.tokens.find((t) => t.token.symbol === 'USDC')!.balance).toBe(parseUnits('1250.5', 6));
    expect(r.tokens.find((t) => t.token.symbol === 'BAD')).toMatchObject({ error: 'balanceOf reverted' });
    expect(r.tokens.filter((t) => t.token.chainId !== 901)).toHaveLength(0);
  });

  it('probes for Multicall3 inside the same single request, then remembers it', async () => {
    const counter = countingFetch();
    const presence: Multicall3Presence = new Map();
    const rpc = httpRpc(withMc.rpcUrl, { fetch: counter.fetch });
    const first = await readBalances(entry(901, withMc.rpcUrl), holder, tokens, { rpc, presence });
    expect(counter.count()).toBe(1);
    expect(first.method).toBe('multicall3');
    expect(presence.get(901)).toBe(true);
    const second = await readBalances(entry(901, withMc.rpcUrl), holder, tokens, { rpc, presence });
    expect(counter.count()).toBe(2);
    expect(second.tokens.map((t) => t.balance)).toEqual(first.tokens.map((t) => t.balance));
  });

  it('splits a large token set into several aggregate3 calls, still in one HTTP request', async () => {
    const counter = countingFetch();
    const rpc = httpRpc(withMc.rpcUrl, { fetch: counter.fetch });
    const whole = await readBalances(entry(901, withMc.rpcUrl, { multicall3: MULTICALL3 }), holder, tokens, { rpc });
    counter.reset();
    const split = await readBalances(entry(901, withMc.rpcUrl, { multicall3: MULTICALL3 }), holder, tokens, { rpc, maxCallsPerAggregate: 2 });
    expect(counter.count()).toBe(1);
    expect(split).toMatchObject({ status: 'ok', method: 'multicall3', blockNumber: whole.blockNumber, native: whole.native });
    expect(split.tokens).toEqual(whole.tokens);
    counter.reset();
    const probed = await readBalances(entry(901, withMc.rpcUrl), holder, tokens, { rpc, maxCallsPerAggregate: 3, presence: new Map() });
    expect(counter.count()).toBe(1);
    expect(probed.tokens).toEqual(whole.tokens);
  });

  it('falls back to one JSON-RPC batch where Multicall3 is not deployed', async () => {
    const counter = countingFetch();
    const presence: Multicall3Presence = new Map();
    const rpc = httpRpc(noMc.rpcUrl, { fetch: counter.fetch });
    const first = await readBalances(entry(902, noMc.rpcUrl), holder, tokens, { rpc, presence });
    expect(first).toMatchObject({ status: 'ok', method: 'batch', requests: 2 }); // probe+aggregate, then the batch
    expect(presence.get(902)).toBe(false);
    const pub = clientsFor(noMc.rpcUrl).public;
    expect(first.native).toBe(await pub.getBalance({ address: holder }));
    for (const t of first.tokens) expect(t.balance).toBe(await truth(noMc.rpcUrl, t.token.address));
    counter.reset();
    const second = await readBalances(entry(902, noMc.rpcUrl), holder, tokens, { rpc, presence });
    expect(counter.count()).toBe(1);
    expect(second).toMatchObject({ status: 'ok', method: 'batch', requests: 1 });
  });
});

describe('readPortfolio', () => {
  it('reads all chains in parallel; a closed port is offline and a hung node times out without blocking the others', async () => {
    const counter = countingFetch();
    const chains = [
      entry(901, withMc.rpcUrl, { multicall3: MULTICALL3 }),
      entry(902, noMc.rpcUrl),
      entry(905, closedUrl),
      entry(906, hungUrl),
    ];
    const presence: Multicall3Presence = new Map([[902, false]]);
    const seen: number[] = [];
    const started = Date.now();
    const read = await readPortfolio(chains, holder, {
      tokens,
      timeoutMs: 1500,
      presence,
      rpcFor: (c) => httpRpc(c.rpcUrls[0]!, { fetch: counter.fetch }),
      onChain: (r) => seen.push(r.chainId),
    });
    const status = Object.fromEntries(read.chains.map((c) => [c.chainId, c.status]));
    expect(status).toEqual({ 901: 'ok', 902: 'ok', 905: 'offline', 906: 'timeout' });
    expect(counter.count()).toBe(4); // one request per chain, including the two that fail
    expect(read.requests).toBe(4);
    expect(seen.indexOf(906)).toBe(3); // the hung chain finishes last; the others were delivered first
    expect(Date.now() - started).toBeLessThan(10_000);
    const ok902 = read.chains.find((c) => c.chainId === 902)!;
    expect(ok902.tokens.find((t) => t.token.symbol === 'DAI')!.balance).toBe(parseEther('42'));
  });

  it('prices from the devnet oracle and aggregates real reads (no price is explicit, never $0)', async () => {
    const chains = [entry(901, withMc.rpcUrl, { multicall3: MULTICALL3, priceOracle: oracle }), entry(902, noMc.rpcUrl)];
    const read = await readPortfolio(chains, holder, { tokens, timeoutMs: 5000 });
    const prices = await devnetOraclePriceSource({ chains })(priceQueriesFor(read.chains, chains));
    const usdc901 = tokens.find((t) => t.chainId === 901 && t.symbol === 'USDC')!;
    expect(prices.get(priceKey(901, usdc901.address))?.usd).toBe(10n ** 8n);
    expect(prices.get(priceKey(901, 'native'))?.usd).toBe(3000n * 10n ** 8n);
    expect(prices.has(priceKey(901, tokens.find((t) => t.chainId === 901 && t.symbol === 'DAI')!.address))).toBe(false);
    expect(prices.has(priceKey(902, 'native'))).toBe(false); // no oracle on 902

    const totals = aggregateBalances({ reads: read.chains, chains, prices });
    const nativeWei = read.chains.find((c) => c.chainId === 901)!.native!;
    const expected = (nativeWei * 3000n * 10n ** 8n) / 10n ** 18n + 1250_50000000n;
    expect(totals.perChain.find((c) => c.chainId === 901)!.usd).toBe(expected);
    expect(totals.usd).toBe(expected);
    const usdcRow = totals.perAsset.find((a) => a.assetKey === 'USDC:6')!;
    expect(usdcRow.rows.map((r) => r.chainId).sort()).toEqual([901, 902]);
    expect(usdcRow.amount).toBe(2n * parseUnits('1250.5', 6));
    expect(usdcRow.unpriced).toBe(1); // the 902 USDC has no price
    expect(totals.perAsset.some((a) => a.symbol === 'ZERO')).toBe(false); // zero balances hidden
    expect(formatUsd(totals.usd)).toMatch(/^\$[\d,]+\.\d{2}$/);

    // A stale oracle price is 'no price'; an oracle chain that is down is 'no price', not a failure.
    const stale = await devnetOraclePriceSource({ chains, maxAgeSeconds: 60, now: () => Date.now() + 3_600_000 })(priceQueriesFor(read.chains, chains));
    expect(stale.size).toBe(0);
    const down = [entry(901, closedUrl, { priceOracle: oracle })];
    expect((await devnetOraclePriceSource({ chains: down })([{ chainId: 901, address: 'native', symbol: 'ETH', decimals: 18, assetKey: 'ETH:18' }])).size).toBe(0);
    expect(deployer.address).not.toBe(holder);
  });

  it('loadPortfolio: chain tokens + a token list → one read per chain → oracle prices → totals, JSON-safe', async () => {
    const usdc = tokens.find((t) => t.chainId === 901 && t.symbol === 'USDC')!;
    const chains = [entry(901, withMc.rpcUrl, { multicall3: MULTICALL3, priceOracle: oracle }), entry(905, closedUrl)];
    const list = parseTokenList({
      name: 'Test list',
      timestamp: '2026-11-25T00:00:00Z',
      version: { major: 1, minor: 0, patch: 0 },
      tokens: [{ chainId: 901, address: usdc.address, name: 'USD Coin', symbol: 'USDC', decimals: 6 }],
    });
    const counter = countingFetch();
    const loaded = await loadPortfolio({
      chains,
      holder,
      lists: [list],
      prices: devnetOraclePriceSource({ chains }),
      timeoutMs: 3000,
      rpcFor: (c) => httpRpc(c.rpcUrls[0]!, { fetch: counter.fetch }),
    });
    expect(loaded.read.chains.map((c) => c.status)).toEqual(['ok', 'offline']);
    expect(loaded.totals.perAsset.find((a) => a.assetKey === 'USDC:6')!.usd).toBe(1250_50000000n);
    const json = portfolioToJson(loaded.totals) as { usd: string };
    expect(json.usd).toBe(loaded.totals.usd.toString());
    expect(() => JSON.stringify(portfolioToJson(loaded))).not.toThrow();
  });

  it('rpcFromEip1193 keeps the Multicall3 read to one request', async () => {
    const counter = countingFetch();
    const http = httpRpc(withMc.rpcUrl, { fetch: counter.fetch });
    const rpc = rpcFromEip1193((args) => http.request(args));
    const r = await readBalances(entry(901, withMc.rpcUrl, { multicall3: MULTICALL3 }), holder, tokens, { rpc });
    expect(r.status).toBe('ok');
    expect(counter.count()).toBe(1);
  });
});
