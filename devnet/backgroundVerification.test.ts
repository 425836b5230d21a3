// The background's verification and portfolio services against the real full devnet: the wallet pins the
// shipped devnet.json genesis hash, proves balances on every rollup, and turns the devnet's faults into
// flagged rows, refused checkpoints and stored evidence.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../src/background/index.js';
import { memoryPlatform } from '../src/background/testing/memoryPlatform.js';
import { testAccounts } from './accounts.js';
import { startDevnet, type Devnet } from './network.js';
import { MetalayerApi, waitFor } from './verification.fixture.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HOLDER = testAccounts()[0]!.address;
let devnet: Devnet;
let api: MetalayerApi;

beforeAll(async () => {
  devnet = await startDevnet({ full: true, quiet: true, manifestPath: null, apiPort: 0 });
  api = new MetalayerApi(devnet.manifest.metalayerApi);
}, 180_000);
afterAll(async () => {
  await api?.clearFaults().catch(() => {});
  await devnet?.stop();
});

/** The real background (default pinned network = shipped devnet.json) on the in-memory platform, real clock. */
async function background(dbName = `bg-devnet-${Math.random()}`) {
  const platform = memoryPlatform({ devnetApi: devnet.manifest.metalayerApi });
  platform.now = () => Date.now();
  const bg = startBackground(platform, { dbName, iterations: 1000 });
  const services = await bg.ready;
  const call = async (type: string, input?: unknown): Promise<Json> => {
    const r = (await platform.sendMessage({ type, input })) as { result?: Json; error?: Json };
    if (r.error) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
    return r.result;
  };
  /** Refreshes until the accepted epoch is at least `epoch`. */
  const verifiedFrom = (epoch: bigint) =>
    waitFor(`a verified checkpoint ≥ ${epoch}`, async () => {
      await services.verification.refresh();
      const s = await call('verification/status');
      return s.finalizedEpoch !== null && BigInt(s.finalizedEpoch) >= epoch && s.checkpointTimestamp !== null ? s : undefined;
    }, 30_000, 250);
  return { platform, dbName, services, call, verifiedFrom };
}

const rowsOf = (view: Json): Json[] => view.totals.perChain.flatMap((c: Json) => c.rows);

describe('background verification + portfolio on the full devnet', () => {
  let wallet: Awaited<ReturnType<typeof background>>;

  it('pins the shipped genesis, verifies checkpoints and every head; balances on 900-903 verified, 904 unverifiable', async () => {
    wallet = await background();
    const status = await wallet.verifiedFrom(devnet.provableFrom.epoch!);
    expect(status.lastError).toBeUndefined();
    expect(status.rollups.map((r: Json) => [r.chainId, r.included])).toEqual([900, 901, 902, 903, 904].map((id) => [id, true]));

    await wallet.call('portfolio/refresh', { address: HOLDER });
    await wallet.services.portfolio.idle(HOLDER);
    const view = await wallet.call('portfolio/get', { address: HOLDER });
    expect(view.proofs).toBe('done');
    expect(view.chains.every((c: Json) => c.status === 'ok' && c.requests === 1)).toBe(true);
    const rows = rowsOf(view);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect([r.chainId, r.symbol, r.proof.status]).toEqual([r.chainId, r.symbol, r.chainId === 904 ? 'unverifiable' : 'verified']);
    expect(view.totals.alarms).toEqual([]);
    expect(BigInt(view.totals.usd)).toBeGreaterThan(0n);
  });

  it('a lying RPC on 901: its rows are mismatches, flagged and left out of the total', async () => {
    const before = await wallet.call('portfolio/get', { address: HOLDER });
    const chain901 = before.totals.perChain.find((c: Json) => c.chainId === 901);
    await api.setFault({ kind: 'lyingRpc', chainId: 901 });
    try {
      await wallet.call('portfolio/refresh', { address: HOLDER });
      await wallet.services.portfolio.idle(HOLDER);
      const view = await wallet.call('portfolio/get', { address: HOLDER });
      const on901 = rowsOf(view).filter((r) => r.chainId === 901);
      expect(on901.length).toBeGreaterThan(0);
      for (const r of on901) expect([r.symbol, r.proof.status, r.counted]).toEqual([r.symbol, 'mismatch', false]);
      expect(view.totals.alarms.length).toBe(on901.length);
      expect(view.totals.perChain.find((c: Json) => c.chainId === 901).usd).toBe('0');
      // The other chains' rows still verify and count.
      expect(BigInt(view.totals.usd)).toBe(BigInt(before.totals.usd) - BigInt(chain901.usd));
    } finally {
      await api.clearFaults();
    }
  });

  it('a stale API is refused as a rollback; a restarted worker keeps its finalized epoch', async () => {
    const status = await wallet.verifiedFrom(devnet.provableFrom.epoch! + 1n);
    const finalized = BigInt(status.finalizedEpoch);
    await api.setFault({ kind: 'staleApi', epoch: Number(finalized - 1n) });
    try {
      await wallet.services.verification.refresh();
      const stale = await wallet.call('verification/status');
      expect(stale.lastError).toMatchObject({ step: 'rollback', name: 'RollbackError' });
      expect(BigInt(stale.finalizedEpoch)).toBe(finalized);

      const restarted = await background(wallet.dbName);
      await restarted.services.verification.refresh();
      const after = await restarted.call('verification/status');
      expect(BigInt(after.finalizedEpoch)).toBeGreaterThanOrEqual(finalized);
      expect(after.lastError).toMatchObject({ step: 'rollback' });
    } finally {
      await api.clearFaults();
    }
  });

  it('a switched-off rollup is neither proven nor asked for: its head leaves the status', async () => {
    const other = await background();
    await other.services.chains.refresh(); // the devnet's chains come from its API
    await other.call('chains/setEnabled', { chainId: 902, enabled: false });
    const status = await other.verifiedFrom(devnet.provableFrom.epoch!);
    expect(status.rollups.map((r: Json) => r.chainId)).toEqual([900, 901, 903, 904]);
    await other.call('chains/setEnabled', { chainId: 902, enabled: true });
    await other.services.verification.refresh();
    const back = await other.call('verification/status');
    expect(back.rollups.find((r: Json) => r.chainId === 902)).toMatchObject({ included: true });
  });

  it('equivocating guardians (split view): both refused, evidence stored, warning in the status', async () => {
    await wallet.verifiedFrom(0n);
    await api.setFault({ kind: 'equivocation', guardians: [0, 1, 2, 3], splitView: true });
    try {
      const status = await waitFor('an equivocation warning', async () => {
        await wallet.services.verification.refresh();
        const s = await wallet.call('verification/status');
        return s.equivocation ? s : undefined;
      }, 60_000, 200);
      expect(status.equivocation[0]).toMatchObject({ offenders: [0, 1, 2, 3] });
      const evidence = await wallet.services.verification.equivocations();
      expect(evidence[0]!.a.checkpoint.epoch).toBe(evidence[0]!.b.checkpoint.epoch);
      expect(evidence[0]!.reports.length).toBeGreaterThan(0);
    } finally {
      await api.clearFaults();
    }
  });
});
