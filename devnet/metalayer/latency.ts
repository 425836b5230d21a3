// Measures checkpoint latency (rollup head produced → checkpoint covering it published) and memory.
// Usage: npx tsx devnet/metalayer/latency.ts [guardians=5,100] [samples=10] [epochMs=2000] [each|combined (default: by set size)]
import { rollupInclusionFromJson, signedCheckpointFromJson } from '../../src/core/metalayer/index.js';
import { DevnetApiRouter } from '../api/router.js';
import { startApiServer } from '../api/server.js';
import { startMetalayer } from './index.js';
import type { BlsSigningMode } from './guardians/network.js';
import { startAnvil, type LocalAnvil } from './testing/anvil.js';

const guardianCounts = (process.argv[2] ?? '5,100').split(',').map(Number);
const samples = Number(process.argv[3] ?? 10);
const epochMs = Number(process.argv[4] ?? 2000);
const blsSigning = process.argv[5] as BlsSigningMode | undefined;

const rpc = async (url: string, method: string, params: unknown[] = []) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
};

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const pct = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return `min ${s[0]!.toFixed(0)} / p50 ${pct(50).toFixed(0)} / p90 ${pct(90).toFixed(0)} / max ${s[s.length - 1]!.toFixed(0)} ms`;
};

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

async function measure(guardians: number): Promise<void> {
  const anvils: LocalAnvil[] = await Promise.all([900, 901, 902].map((id) => startAnvil(id)));
  const router = new DevnetApiRouter();
  const api = await startApiServer(router, 0);
  const memBefore = process.memoryUsage();
  const t0 = performance.now();
  const [l1, ...rollups] = anvils.map((a) => ({ chainId: a.chainId, rpcUrl: a.rpcUrl, framework: a.chainId === 900 ? 'l1' : 'op-stack' }));
  const ml = await startMetalayer({ l1: l1!, rollups, seed: 'latency', guardians, epochMs, api: router, blsSigning });
  const setupMs = performance.now() - t0;
  try {
    const latencies: number[] = [];
    const rollup = anvils[1]!;
    for (let i = 0; i < samples; i++) {
      // Desynchronise from the epoch clock so samples spread over the epoch.
      await new Promise((r) => setTimeout(r, Math.random() * epochMs));
      await rpc(rollup.rpcUrl, 'evm_mine');
      const produced = performance.now();
      const block = BigInt((await rpc(rollup.rpcUrl, 'eth_blockNumber')) as string);
      for (;;) {
        const res = await fetch(`${api.url}/v1/checkpoints/latest`);
        if (res.ok) {
          const cp = signedCheckpointFromJson(await res.json());
          const inc = await fetch(`${api.url}/v1/checkpoints/${cp.checkpoint.epoch}/rollups/${rollup.chainId}`);
          if (inc.ok && rollupInclusionFromJson(await inc.json()).head.blockNumber >= block) break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - produced);
    }
    const records = ml.network.history().slice(-samples * 2);
    const signing = records.map((r) => r.publishedAt - r.headsReadAt);
    const mem = process.memoryUsage();
    console.log(`guardians=${guardians} epochMs=${epochMs} samples=${samples} bls=${blsSigning ?? (guardians <= 16 ? 'each' : 'combined')}`);
    console.log(`  setup (stake registration, Hyperlane on 3 chains, keys): ${(setupMs / 1000).toFixed(1)} s`);
    console.log(`  head produced → checkpoint published: ${stats(latencies)}`);
    console.log(`  per-epoch signing (heads read → published): ${stats(signing)}`);
    console.log(`  missed epoch slots: ${ml.network.missedSlots}, epochs published: ${ml.network.history().length}`);
    console.log(`  memory: rss ${mb(mem.rss)} (+${mb(mem.rss - memBefore.rss)}), heap used ${mb(mem.heapUsed)}`);
  } finally {
    await ml.stop();
    await api.close();
    await Promise.all(anvils.map((a) => a.stop()));
  }
}

for (const n of guardianCounts) await measure(n);
