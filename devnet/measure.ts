// Full devnet start time (cold = first start in a fresh process, warm = the next start), memory
// (this Node process + every anvil) and checkpoint latency (block mined → checkpoint covering it served).
// Usage: npx tsx devnet/measure.ts [guardians=5,100] [samples=8]
import type { Devnet } from './network.js';

const guardianCounts = (process.argv[2] ?? '5,100').split(',').map(Number);
const samples = Number(process.argv[3] ?? 8);

const rpc = async (url: string, method: string, params: unknown[] = []) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
};
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `min ${s[0]!.toFixed(0)} / p50 ${at(0.5).toFixed(0)} / p90 ${at(0.9).toFixed(0)} / max ${s[s.length - 1]!.toFixed(0)} ms`;
};

const t0 = performance.now();
// Imported here so the cold start includes loading the devnet (viem, solc-js, the Metalayer).
const { startDevnet } = await import('./network.js');
const { measureDevnetMemory } = await import('./memory.js');
const { rollupInclusionFromJson, signedCheckpointFromJson } = await import('../src/core/metalayer/index.js');
const importMs = performance.now() - t0;

async function timedStart(guardians: number): Promise<{ devnet: Devnet; ms: number }> {
  const started = performance.now();
  const devnet = await startDevnet({ full: true, quiet: true, manifestPath: null, apiPort: 0, guardians });
  return { devnet, ms: performance.now() - started };
}

/** Mines a block on 901 at a random point of the epoch and waits until the API serves a checkpoint covering it. */
async function checkpointLatency(devnet: Devnet): Promise<number[]> {
  const api = devnet.manifest.metalayerApi;
  const chain = devnet.manifest.chains.find((c) => c.chainId === 901)!;
  const epochMs = devnet.manifest.epochMs;
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await new Promise((r) => setTimeout(r, Math.random() * epochMs));
    await rpc(chain.directRpcUrl, 'evm_mine');
    const mined = performance.now();
    const block = BigInt((await rpc(chain.directRpcUrl, 'eth_blockNumber')) as string);
    const deadline = mined + 20 * epochMs + 30_000;
    for (;;) {
      const latest = await fetch(`${api}/v1/checkpoints/latest`);
      if (latest.ok) {
        const epoch = signedCheckpointFromJson(await latest.json()).checkpoint.epoch;
        const inclusion = await fetch(`${api}/v1/checkpoints/${epoch}/rollups/901`);
        if (inclusion.ok && rollupInclusionFromJson(await inclusion.json()).head.blockNumber >= block) break;
      }
      if (performance.now() > deadline) throw new Error(`no checkpoint of 901 block ${block} within ${deadline - mined} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
    out.push(performance.now() - mined);
  }
  return out;
}

let first = true;
for (const guardians of guardianCounts) {
  const cold = await timedStart(guardians);
  await cold.devnet.stop();
  const warm = await timedStart(guardians);
  const { devnet } = warm;
  try {
    const latencies = await checkpointLatency(devnet);
    const network = devnet.metalayer!.network;
    const signing = network.history().slice(-samples * 2).map((r) => r.publishedAt - r.headsReadAt);
    const mem = measureDevnetMemory(devnet.manifest.pids);
    console.log(`full devnet, ${guardians} guardians, epoch ${devnet.manifest.epochMs} ms, ${samples} samples`);
    console.log(`  start: ${first ? 'cold (fresh process, incl. ' + (importMs / 1000).toFixed(1) + ' s of imports)' : 'first in this process'} ${((cold.ms + (first ? importMs : 0)) / 1000).toFixed(1)} s, warm ${(warm.ms / 1000).toFixed(1)} s (both up to the first checkpoint of the sealed setup blocks)`);
    console.log(`  memory: node ${mib(mem.nodeRssBytes)} + ${Object.keys(mem.anvils).length} anvils ${mib(mem.anvilTotalBytes)} = ${mib(mem.nodeRssBytes + mem.anvilTotalBytes)} RSS`);
    console.log(`  block mined → checkpoint served: ${stats(latencies)}`);
    console.log(`  per-epoch signing (heads read → published): ${stats(signing)}; missed epoch slots ${network.missedSlots}`);
  } finally {
    await devnet.stop();
  }
  first = false;
}
