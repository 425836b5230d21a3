import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilRpc, placeMulticall3, setNativeBalance, startAnvil, type AnvilChain } from '../core/portfolio/testing/anvilChain';
import { createSettingsStore } from './settings';
import { memoryArea } from './testing/memoryPlatform';
import { createVerificationService } from './verification';
import { startLyingRpc, startMetalayerFixture } from './verification.fixture';
import { openVerificationStore } from './verificationStore';

const HOLDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ONE_ETH = 10n ** 18n;

let op: AnvilChain;
let zk: AnvilChain;
let api: Awaited<ReturnType<typeof startMetalayerFixture>>;
let liar: Awaited<ReturnType<typeof startLyingRpc>>;

beforeAll(async () => {
  [op, zk] = await Promise.all([startAnvil(901), startAnvil(904)]);
  for (const c of [op, zk]) {
    await placeMulticall3(c.rpcUrl);
    await setNativeBalance(c.rpcUrl, HOLDER, ONE_ETH);
    await anvilRpc(c.rpcUrl, 'evm_mine', []);
  }
  liar = await startLyingRpc(op.rpcUrl);
  api = await startMetalayerFixture({
    networkId: 9000,
    chains: [
      { chainId: 901, name: 'ERA Devnet OP', framework: 'op-stack', rpcUrl: op.rpcUrl },
      { chainId: 904, name: 'ERA Devnet ZK', framework: 'zk-stack', rpcUrl: zk.rpcUrl },
    ],
  });
  await api.checkpoint();
});
afterAll(async () => {
  await api?.stop();
  await liar?.stop();
  await Promise.all([op?.stop(), zk?.stop()]);
});

let seq = 0;
/** A verification service on its own fake-indexeddb database (pass `name` again to simulate a worker restart). */
async function service(name = `verification-${++seq}-${Math.random()}`, apiUrl = api.url, chainIds = [901, 904]) {
  const store = await openVerificationStore(name);
  const clock = { now: 1_700_000_000_000 };
  let changes = 0;
  const svc = createVerificationService({
    store,
    settings: createSettingsStore(memoryArea(), apiUrl),
    fetch: (i, init) => globalThis.fetch(i, init),
    now: () => clock.now,
    changed: () => void changes++,
    chainIds: async () => chainIds,
    pinned: { networkId: api.networkId, genesisHash: api.genesisHash },
  });
  return { svc, store, name, clock, changes: () => changes };
}

describe('verification service', () => {
  it('accepts the genesis set by its pinned hash, verifies the latest checkpoint and every head', async () => {
    const { svc, changes } = await service();
    await svc.refresh();
    const status = await svc.status();
    expect(status).toMatchObject({ networkId: 9000, guardianSetId: '0', finalizedEpoch: '1' });
    expect(status.lastError).toBeUndefined();
    expect(status.checkpointTimestamp).toBeGreaterThan(1_600_000_000);
    expect(status.rollups.map((r) => [r.chainId, r.included])).toEqual([
      [901, true],
      [904, true],
    ]);
    expect(changes()).toBeGreaterThan(0);

    const proven = await svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
    expect(proven.native).toMatchObject({ status: 'verified', value: ONE_ETH, rpcValue: ONE_ETH, epoch: 1n });
    const zkProof = await svc.proveBalances({ chain: { chainId: 904, framework: 'zk-stack', rpcUrl: zk.rpcUrl }, holder: HOLDER, tokens: [] });
    expect(zkProof.native.status).toBe('unverifiable');
  });

  it('a lying RPC gives mismatch, never verified', async () => {
    const { svc } = await service();
    await svc.refresh();
    liar.state.inflate = 5n * ONE_ETH;
    try {
      const proven = await svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: liar.url }, holder: HOLDER, tokens: [] });
      expect(proven.native).toMatchObject({ status: 'mismatch', value: ONE_ETH, rpcValue: 6n * ONE_ETH });
    } finally {
      liar.state.inflate = 0n;
    }
  });

  it('a pinned hash that does not match refuses everything the API serves', async () => {
    const store = await openVerificationStore(`verification-pin-${Math.random()}`);
    const svc = createVerificationService({
      store,
      settings: createSettingsStore(memoryArea(), api.url),
      fetch: (i, init) => globalThis.fetch(i, init),
      now: () => 1,
      changed: () => undefined,
      chainIds: async () => [901],
      pinned: { networkId: 9000, genesisHash: `0x${'ab'.repeat(32)}` },
    });
    await svc.refresh();
    const status = await svc.status();
    expect(status.finalizedEpoch).toBeNull();
    expect(status.lastError).toMatchObject({ stage: 'guardian-sets', step: 'guardian-set', name: 'GuardianSetUpdateError' });
    const proven = await svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
    expect(proven.native.status).toBe('unverifiable');
  });

  it('after a worker restart an older epoch is refused (no rollback), the stored checkpoint still proves', async () => {
    const first = await service();
    await api.checkpoint();
    await first.svc.refresh();
    const epoch = (await first.svc.status()).finalizedEpoch!;
    first.store.close();

    api.serveAsLatest(1n);
    try {
      const again = await service(first.name);
      // Loaded from IndexedDB before any API call.
      expect((await again.svc.status()).finalizedEpoch).toBe(epoch);
      await again.svc.refresh();
      const status = await again.svc.status();
      expect(status.finalizedEpoch).toBe(epoch);
      expect(status.lastError).toMatchObject({ stage: 'checkpoint', step: 'rollback', name: 'RollbackError' });
      const proven = await again.svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
      expect(proven).toMatchObject({ epoch: BigInt(epoch), native: { status: 'verified', value: ONE_ETH } });
    } finally {
      api.serveAsLatest(undefined);
    }
  });

  it('a checkpoint signed by too little stake is recorded as a failure and not accepted', async () => {
    const { svc } = await service();
    await svc.refresh();
    const before = (await svc.status()).finalizedEpoch;
    await api.underSigned();
    try {
      await svc.refresh();
      const status = await svc.status();
      expect(status.finalizedEpoch).toBe(before);
      expect(status.lastError).toMatchObject({ stage: 'checkpoint', step: 'stake-threshold', name: 'StakeThresholdError' });
    } finally {
      api.serveAsLatest(undefined);
    }
  });

  it('equivocation: both checkpoints refused, evidence kept in IndexedDB across a restart, warning in the status', async () => {
    const first = await service();
    await api.checkpoint();
    await first.svc.refresh();
    const epoch = (await first.svc.status()).finalizedEpoch!;
    api.equivocate();
    try {
      await first.svc.refresh();
      const status = await first.svc.status();
      expect(status.lastError).toMatchObject({ stage: 'checkpoint', step: 'equivocation', name: 'EquivocationError' });
      expect(status.equivocation).toEqual([expect.objectContaining({ epoch, guardianSetId: '0', offenders: [0, 1, 2, 3], reports: 4 })]);
      // Neither checkpoint of that epoch backs a proof any more; the epoch stays the floor.
      expect(status.checkpointTimestamp).toBeNull();
      expect(status.finalizedEpoch).toBe(epoch);
      const proven = await first.svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
      expect(proven.native.status).toBe('unverifiable');
      first.store.close();

      const again = await service(first.name);
      const evidence = await again.svc.equivocations();
      expect(evidence).toHaveLength(1);
      expect(evidence[0]!.a.checkpoint.epoch).toBe(evidence[0]!.b.checkpoint.epoch);
      expect(evidence[0]!.a.checkpoint.timestamp).not.toBe(evidence[0]!.b.checkpoint.timestamp);
      expect(evidence[0]!.reports).toHaveLength(4);
      // The next honest epoch is accepted again.
      api.serveAsLatest(undefined);
      await api.checkpoint();
      await again.svc.refresh();
      const after = await again.svc.status();
      expect(BigInt(after.finalizedEpoch!)).toBe(BigInt(epoch) + 1n);
      expect(after.lastError).toBeUndefined();
      expect(after.equivocation).toHaveLength(1);
    } finally {
      api.serveAsLatest(undefined);
    }
  });

  it('walks a guardian-set hand-over from the accepted set, then verifies checkpoints of the new set', async () => {
    const { svc } = await service();
    await svc.refresh();
    api.handOver(5);
    await api.checkpoint();
    await svc.refresh();
    const status = await svc.status();
    expect(status.lastError).toBeUndefined();
    expect(status.guardianSetId).toBe('1');
    const proven = await svc.proveBalances({ chain: { chainId: 901, framework: 'op-stack', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
    expect(proven.native.status).toBe('verified');
  });

  it('a chain missing from the checkpoint gets an inclusion failure; the others are still accepted', async () => {
    const { svc } = await service(undefined, api.url, [901, 903]);
    await svc.refresh();
    const status = await svc.status();
    expect(status.lastError).toBeUndefined();
    expect(status.rollups[0]).toMatchObject({ chainId: 901, included: true });
    expect(status.rollups[1]).toMatchObject({ chainId: 903, included: false, blockNumber: null, error: { stage: 'inclusion', name: 'MetalayerApiError', chainId: 903 } });
    const proven = await svc.proveBalances({ chain: { chainId: 903, framework: 'arbitrum-orbit', rpcUrl: op.rpcUrl }, holder: HOLDER, tokens: [] });
    expect(proven.native).toMatchObject({ status: 'unverifiable', failedStep: 'checkpoint' });
  });

  it('a tampered IndexedDB record is re-verified on load and dropped, keeping its epoch as the floor', async () => {
    const first = await service();
    await first.svc.refresh();
    const stored = (await first.store.get(9000))!;
    const floor = stored.finalizedEpoch;
    const signature = stored.finalized!.signature;
    // Flip a bit of the aggregate signature: still a well-formed G2 point is unlikely, either way it must not verify.
    await first.store.put({ ...stored, finalized: { ...stored.finalized!, signature: `${signature.slice(0, -2)}${signature.slice(-2) === '00' ? '01' : '00'}` as `0x${string}` } });
    first.store.close();
    const again = await service(first.name);
    const status = await again.svc.status();
    expect(status.finalizedEpoch).toBe(floor);
    expect(status.checkpointTimestamp).toBeNull();
    expect(status.lastError).toMatchObject({ stage: 'checkpoint' });
    expect(status.lastError!.step).toBeDefined();
  });

  it('a hand-over signed by too little stake is refused and stays in the status while checkpoints of the accepted set verify', async () => {
    const { svc } = await service();
    api.weakHandOver();
    const e = await api.checkpoint();
    await svc.refresh();
    const status = await svc.status();
    expect(status.finalizedEpoch).toBe(e.checkpoint.epoch.toString());
    expect(status.guardianSetId).toBe('1');
    expect(status.lastError).toMatchObject({ stage: 'guardian-sets', step: 'stake-threshold', name: 'StakeThresholdError' });
  });

  it('an unreachable API is recorded with its stage and nothing is accepted', async () => {
    const { svc } = await service(undefined, 'http://127.0.0.1:9');
    await svc.refresh();
    const status = await svc.status();
    expect(status.finalizedEpoch).toBeNull();
    expect(status.lastError).toMatchObject({ stage: 'guardian-sets', name: 'MetalayerApiError' });
  });
});
