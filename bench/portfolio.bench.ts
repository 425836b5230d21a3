// Portfolio read: 20 anvil rollups × 100 ERC-20s. Ours (one Multicall3.aggregate3 eth_call per chain, chains in
// parallel) against the naive read (viem getBalance + readContract per token, everything in parallel), same run.
import { createPublicClient, erc20Abi, http, type Address } from 'viem';
import type { ChainEntry } from '../src/core/chains/types';
import { readPortfolio } from '../src/core/portfolio/readPortfolio';
import { httpRpc } from '../src/core/portfolio/rpc';
import {
  countingFetch,
  deployToken,
  devnetContracts,
  MULTICALL3,
  startAnvil,
  type AnvilChain,
} from '../src/core/portfolio/testing/anvilChain';
import type { PortfolioToken } from '../src/core/portfolio/types';
import { median } from './measure.js';

const CHAINS = 20;
const TOKENS = 100;
const RUNS = 5;
const holder: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

async function batch(rpcUrl: string, calls: Array<[string, unknown[]]>): Promise<void> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map(([method, params], id) => ({ jsonrpc: '2.0', id, method, params }))),
  });
  const body = (await res.json()) as Array<{ error?: { message: string } }>;
  const failed = body.find((r) => r.error);
  if (failed) throw new Error(`setup: ${failed.error!.message}`);
}

/** One real deploy, then 99 runtime-code clones and their balance slots written with anvil_* in one batch. */
async function setupChain(chain: AnvilChain, chainIndex: number): Promise<PortfolioToken[]> {
  const first = await deployToken(chain.rpcUrl, { name: 'Bench Token', symbol: 'T0', decimals: 18, holders: [holder], amount: 1n });
  const code = (await (
    await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getCode', params: [first, 'latest'] }),
    })
  ).json()) as { result: string };
  const { keccak256, encodeAbiParameters } = await import('viem');
  const tokens: PortfolioToken[] = [];
  const calls: Array<[string, unknown[]]> = [['anvil_setCode', [MULTICALL3, devnetContracts().Multicall3!.deployedBytecode]]];
  for (let i = 0; i < TOKENS; i++) {
    const address = (i === 0 ? first : `0x${(0xb0000000 + chainIndex * 1000 + i).toString(16).padStart(40, '0')}`) as Address;
    if (i > 0) calls.push(['anvil_setCode', [address, code.result]]);
    const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [holder, 0n]));
    const amount = BigInt(chainIndex + 1) * 10n ** 18n + BigInt(i);
    calls.push(['anvil_setStorageAt', [address, slot, `0x${amount.toString(16).padStart(64, '0')}`]]);
    tokens.push({ chainId: chain.chainId, address, symbol: `T${i}`, name: `Token ${i}`, decimals: 18, source: 'list' });
  }
  await batch(chain.rpcUrl, calls);
  return tokens;
}

export async function run(): Promise<void> {
  const started = Date.now();
  devnetContracts();
  const anvils: AnvilChain[] = [];
  try {
    const launched = await Promise.allSettled(Array.from({ length: CHAINS }, (_, i) => startAnvil(31000 + i)));
    for (const l of launched) if (l.status === 'fulfilled') anvils.push(l.value);
    if (anvils.length !== CHAINS) throw new Error(`only ${anvils.length}/${CHAINS} anvil chains started`);
    const tokens = (await Promise.all(anvils.map((a, i) => setupChain(a, i)))).flat();
    console.log(`setup: ${CHAINS} chains × ${TOKENS} tokens in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const chains: ChainEntry[] = anvils.map((a) => ({
      chainId: a.chainId,
      name: `bench ${a.chainId}`,
      framework: 'op-stack',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: [a.rpcUrl],
      testnet: true,
      devnet: true,
      multicall3: MULTICALL3,
      tokens: [],
      origin: 'devnet',
    }));

    const ours = countingFetch();
    const rpcs = new Map(chains.map((c) => [c.chainId, httpRpc(c.rpcUrls[0]!, { fetch: ours.fetch })]));
    const readOurs = () => readPortfolio(chains, holder, { tokens, timeoutMs: 30_000, rpcFor: (c) => rpcs.get(c.chainId) });

    // The fallback where Multicall3 is absent: one JSON-RPC batch per chain (reported, no target).
    const batchOnly = countingFetch();
    const batchRpcs = new Map(chains.map((c) => [c.chainId, httpRpc(c.rpcUrls[0]!, { fetch: batchOnly.fetch })]));
    const batchChains = chains.map(({ multicall3: _m, ...c }) => c);
    const presence = new Map(chains.map((c) => [c.chainId, false]));
    const readBatch = () =>
      readPortfolio(batchChains, holder, { tokens, timeoutMs: 30_000, presence, rpcFor: (c) => batchRpcs.get(c.chainId) });

    const naive = countingFetch();
    const clients = chains.map((c) => ({
      chain: c,
      client: createPublicClient({ transport: http(c.rpcUrls[0], { fetchFn: naive.fetch, retryCount: 0, timeout: 30_000 }) }),
    }));
    const readNaive = () =>
      Promise.all(
        clients.map(async ({ chain, client }) => {
          const mine = tokens.filter((t) => t.chainId === chain.chainId);
          const [native, ...balances] = await Promise.all([
            client.getBalance({ address: holder }),
            ...mine.map((t) => client.readContract({ address: t.address, abi: erc20Abi, functionName: 'balanceOf', args: [holder] })),
          ]);
          return { chainId: chain.chainId, native, balances };
        }),
      );

    // Both must read the same numbers, or the comparison means nothing.
    const a = await readOurs();
    const b = await readNaive();
    for (const c of a.chains) {
      if (c.status !== 'ok') throw new Error(`chain ${c.chainId}: ${c.status} ${c.error?.message ?? ''}`);
      const n = b.find((x) => x.chainId === c.chainId)!;
      if (c.native !== n.native || c.tokens.some((t, i) => t.balance !== n.balances[i]))
        throw new Error(`chain ${c.chainId}: readings differ`);
    }

    const c = await readBatch();
    if (c.chains.some((x, i) => x.method !== 'batch' || x.tokens.some((t, j) => t.balance !== a.chains[i]!.tokens[j]!.balance)))
      throw new Error('batch fallback readings differ');

    const oursMs: number[] = [];
    const batchMs: number[] = [];
    let batchReq = 0;
    const naiveMs: number[] = [];
    let oursReq = 0;
    let naiveReq = 0;
    for (let r = 0; r < RUNS; r++) {
      // Alternate the order so neither side always runs on a warmer machine.
      const order = r % 2 === 0 ? (['ours', 'naive'] as const) : (['naive', 'ours'] as const);
      for (const side of order) {
        if (side === 'ours') {
          ours.reset();
          const t = performance.now();
          await readOurs();
          oursMs.push(performance.now() - t);
          oursReq = ours.count();
        } else {
          naive.reset();
          const t = performance.now();
          await readNaive();
          naiveMs.push(performance.now() - t);
          naiveReq = naive.count();
        }
      }
    }
    for (let r = 0; r < RUNS; r++) {
      batchOnly.reset();
      const t = performance.now();
      await readBatch();
      batchMs.push(performance.now() - t);
      batchReq = batchOnly.count();
    }
    const o = median(oursMs);
    const n = median(naiveMs);
    console.log(`portfolio ${CHAINS} chains × ${TOKENS} tokens, median of ${RUNS} runs`);
    console.log(`  ours  (Multicall3 aggregate3): ${o.toFixed(1)} ms, ${oursReq} HTTP requests (${oursReq / CHAINS} per chain)`);
    console.log(`  naive (viem readContract)    : ${n.toFixed(1)} ms, ${naiveReq} HTTP requests`);
    console.log(`  fallback (JSON-RPC batch, no Multicall3): ${median(batchMs).toFixed(1)} ms, ${batchReq} HTTP requests (${(n / median(batchMs)).toFixed(1)}× vs naive)`);
    console.log(`  speed-up ${(n / o).toFixed(1)}× (target ≥ 10×); requests ${(naiveReq / oursReq).toFixed(0)}× fewer (target 1 per chain)`);
    console.log(`  runs ours [${oursMs.map((x) => x.toFixed(0)).join(', ')}] naive [${naiveMs.map((x) => x.toFixed(0)).join(', ')}]`);
  } finally {
    await Promise.all(anvils.map((a) => a.stop()));
  }
}
