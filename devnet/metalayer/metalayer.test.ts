import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, pad, toHex, type Hex } from 'viem';
import {
  guardianSetFromJson,
  guardianSetHash,
  rollupInclusionFromJson,
  signedCheckpointFromJson,
  signedGuardianSetUpdateFromJson,
} from '../../src/core/metalayer/index.js';
import { verifySignedCheckpoint, verifySignedCheckpointEcdsa } from '../../src/core/verifier/checkpoint.js';
import { verifyHeader, type RpcBlockHeader } from '../../src/core/verifier/header.js';
import { CheckpointHistory } from '../../src/core/verifier/equivocation.js';
import {
  CheckpointSignatureError,
  EquivocationError,
  RollbackError,
  StakeThresholdError,
  UnknownGuardianSetError,
  VerificationError,
} from '../../src/core/verifier/errors.js';
import { GuardianSetRegistry } from '../../src/core/verifier/guardianSetRegistry.js';
import { verifyHyperlaneMessage } from '../../src/core/verifier/hyperlane.js';
import { verifyRollupInclusion } from '../../src/core/verifier/merkle.js';
import { DevnetApiRouter } from '../api/router.js';
import { startApiServer, type ApiServer } from '../api/server.js';
import { chainClient, fundGas, writeAndWait } from './chainClient.js';
import { metalayerServiceKey } from './guardians/keys.js';
import { hyperlaneArtifact } from './hyperlane/artifacts.js';
import { startMetalayer, type MetalayerHandle } from './index.js';
import { compiledContract } from './staking/compile.js';
import { readStakes } from './staking/guardianStaking.js';
import { reportEquivocation } from './staking/reportEquivocation.js';
import { startAnvil, type LocalAnvil } from './testing/anvil.js';

const SEED = 'metalayer-test';
const EPOCH_MS = 400;
const HANDOVER_EPOCH = 5;
const SENDER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const SOME_ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('devnet Metalayer on anvil (5 guardians, hand-over, relayer, faults)', () => {
  const anvils: LocalAnvil[] = [];
  let api: ApiServer;
  let ml: MetalayerHandle;
  let registry: GuardianSetRegistry;

  const get = async (path: string) => {
    const res = await fetch(`${api.url}${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const rpc = async (url: string, method: string, params: unknown[]) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    return ((await res.json()) as { result: unknown }).result;
  };
  const latest = async () => signedCheckpointFromJson((await get('/v1/checkpoints/latest')).body);
  const epochAtLeast = (e: bigint) => waitFor(`epoch ${e}`, async () => ((await latest()).checkpoint.epoch >= e ? true : undefined));

  beforeAll(async () => {
    anvils.push(...(await Promise.all([900, 901, 902].map((id) => startAnvil(id)))));
    const router = new DevnetApiRouter();
    api = await startApiServer(router, 0);
    const [l1, ...rollups] = anvils.map((a) => ({ chainId: a.chainId, rpcUrl: a.rpcUrl, framework: a.chainId === 900 ? 'l1' : 'op-stack' }));
    ml = await startMetalayer({ l1: l1!, rollups, seed: SEED, guardians: 5, epochMs: EPOCH_MS, handoverEpoch: HANDOVER_EPOCH, api: router, onError: () => {} });
    registry = new GuardianSetRegistry({ networkId: ml.networkId, genesisHash: ml.genesisGuardianSetHash });
    await waitFor('first checkpoint', async () => ((await get('/v1/checkpoints/latest')).status === 200 ? true : undefined));
  });

  afterAll(async () => {
    await ml?.stop();
    await api?.close();
    await Promise.all(anvils.map((a) => a.stop()));
  });

  it('deploys Hyperlane at the same checksummed addresses on every chain', () => {
    const [a, b, c] = [900, 901, 902].map((id) => ml.hyperlane[id]!);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a!.mailbox).toMatch(/[A-F]/);
  });

  it('serves the genesis set whose hash is the pinned one, with stakes read from L1', async () => {
    const set = guardianSetFromJson((await get('/v1/guardian-sets/0')).body);
    expect(guardianSetHash(set)).toBe(ml.genesisGuardianSetHash);
    registry.acceptGenesis(set);
    const onL1 = await readStakes(chainClient(900, anvils[0]!.rpcUrl, metalayerServiceKey(SEED, 'reporter')), ml.staking.staking, set.guardians.map((g) => g.ecdsa));
    expect(set.guardians.map((g) => g.stake)).toEqual(onL1);
    expect((await get('/v1/guardian-sets/7')).status).toBe(404);
    expect((await get('/v1/guardian-sets/x')).status).toBe(400);
  });

  it('publishes checkpoints that verify (BLS, ≥2/3 stake) and whose rollup heads are the chains’ real blocks', async () => {
    const signed = await latest();
    const verified = verifySignedCheckpoint(signed, { registry });
    expect(verified.via).toBe('bls');
    expect(signed.checkpoint.rollupCount).toBe(3);
    expect(signed.ecdsaSignatures).toHaveLength(5);
    expect(verifySignedCheckpointEcdsa(signed, { registry }).via).toBe('ecdsa');
    const byEpoch = signedCheckpointFromJson((await get(`/v1/checkpoints/${signed.checkpoint.epoch}`)).body);
    expect(byEpoch).toEqual(signed);
    for (const a of anvils) {
      const inc = rollupInclusionFromJson((await get(`/v1/checkpoints/${signed.checkpoint.epoch}/rollups/${a.chainId}`)).body);
      verifyRollupInclusion(inc.head, inc.proof, signed.checkpoint.aggregateRoot, { rollupCount: signed.checkpoint.rollupCount });
      const block = (await rpc(a.rpcUrl, 'eth_getBlockByNumber', [toHex(inc.head.blockNumber), false])) as RpcBlockHeader & { hash: Hex; stateRoot: Hex };
      expect(inc.head.blockHash).toBe(block.hash);
      expect(inc.head.stateRoot).toBe(block.stateRoot);
      // The head's hash is keccak(rlp(header)) of a header with that state root (spec A2).
      expect(verifyHeader(block)).toMatchObject({ number: inc.head.blockNumber, hash: inc.head.blockHash, stateRoot: inc.head.stateRoot });
    }
    expect((await get(`/v1/checkpoints/${signed.checkpoint.epoch}/rollups/12345`)).status).toBe(404);
    expect((await get('/v1/checkpoints/999999')).status).toBe(404);
  });

  it('hands over to set 1 at the planned epoch, signed by ≥2/3 of set 0’s stake', async () => {
    const updates = ((await get('/v1/guardian-set-updates?fromSetId=0')).body as unknown[]).map((u) => signedGuardianSetUpdateFromJson(u));
    expect(updates).toHaveLength(1);
    expect(updates[0]!.update.activationEpoch).toBe(BigInt(HANDOVER_EPOCH));
    const accepted = registry.applyUpdates(updates);
    expect(accepted.set.id).toBe(1n);
    expect(accepted.set.guardians[4]!.ecdsa).not.toBe(registry.get(0n)!.set.guardians[4]!.ecdsa);
    await epochAtLeast(BigInt(HANDOVER_EPOCH));
    const after = await latest();
    expect(after.checkpoint.guardianSetId).toBe(1n);
    verifySignedCheckpoint(after, { registry });
    const before = signedCheckpointFromJson((await get(`/v1/checkpoints/${HANDOVER_EPOCH - 1}`)).body);
    expect(before.checkpoint.guardianSetId).toBe(0n);
    verifySignedCheckpoint(before, { registry });
  });

  async function dispatch901to902(body: string): Promise<Hex> {
    const sender = chainClient(901, anvils[1]!.rpcUrl, SENDER_KEY);
    const hash = await writeAndWait(sender, {
      address: ml.hyperlane[901]!.mailbox,
      abi: hyperlaneArtifact('Mailbox').abi,
      functionName: 'dispatch',
      args: [902, pad(ml.hyperlane[902]!.testRecipient, { size: 32 }), toHex(body)],
    });
    const receipt = await sender.public.getTransactionReceipt({ hash });
    return receipt.logs.find((l) => l.address.toLowerCase() === ml.hyperlane[901]!.mailbox.toLowerCase() && l.topics.length === 2)?.topics[1] as Hex;
  }

  it('relays a message from 901 to 902 through Hyperlane’s own ISM with the guardians’ signatures (set 1 after the hand-over)', async () => {
    await waitFor('ISM rotation', () => (ml.validators.validatorAddresses[4] === registry.get(1n)!.set.guardians[4]!.ecdsa ? true : undefined));
    const ismValidators = (await chainClient(902, anvils[2]!.rpcUrl, SENDER_KEY).public.readContract({
      address: ml.hyperlane[902]!.ism,
      abi: hyperlaneArtifact('StaticMessageIdMultisigIsm').abi,
      functionName: 'validatorsAndThreshold',
      args: ['0x'],
    })) as readonly [readonly Hex[], number];
    expect(ismValidators[0]).toEqual(registry.get(1n)!.set.guardians.map((g) => g.ecdsa));
    const dest = ml.hyperlane[902]!;
    const dispatchId = await dispatch901to902('cross-rollup hello');
    const msg = await waitFor('delivery', async () => {
      const r = await get(`/v1/messages/${dispatchId}`);
      const body = r.body as { relay: { status: string } };
      return r.status === 200 && body.relay.status === 'delivered' ? (body as unknown as { message: Hex; metadata: { messageId: Hex; merkleRoot: Hex }; validators: Hex[]; hook: Hex }) : undefined;
    });
    const destClient = chainClient(902, anvils[2]!.rpcUrl, SENDER_KEY);
    expect(await destClient.public.readContract({ address: dest.testRecipient, abi: hyperlaneArtifact('TestRecipient').abi, functionName: 'lastData' })).toBe(toHex('cross-rollup hello'));
    const validators = ml.validators.validatorAddresses;
    verifyHyperlaneMessage({ message: msg.message, metadata: msg.metadata.merkleRoot, ism: 'merkleRootMultisig', validators, merkleTreeHook: ml.hyperlane[901]!.merkleTreeHook });
    verifyHyperlaneMessage({ message: msg.message, metadata: msg.metadata.messageId, ism: 'messageIdMultisig', validators, merkleTreeHook: ml.hyperlane[901]!.merkleTreeHook });
    expect((await get(`/v1/messages/${pad('0x01', { size: 32 })}`)).status).toBe(404);
  });

  describe('faults', () => {
    it('refuses bad fault specs and clears with DELETE', async () => {
      expect((await send('POST', '/admin/faults', { kind: 'nope' })).status).toBe(400);
      expect((await send('POST', '/admin/faults', { kind: 'lyingRpc' })).status).toBe(400);
      expect((await send('POST', '/admin/faults', { kind: 'staleApi' })).status).toBe(200);
      expect((await send('DELETE', '/admin/faults')).body).toEqual({ faults: [] });
    });

    it('lying RPC: the proxy inflates balances (and proofs with proofs: true), transparent when off', async () => {
      const proxy = ml.rpcUrlOverrides[900]!;
      const direct = anvils[0]!.rpcUrl;
      const balance = () => Promise.all([rpc(proxy, 'eth_getBalance', [SOME_ACCOUNT, 'latest']), rpc(direct, 'eth_getBalance', [SOME_ACCOUNT, 'latest'])]);
      const guardian = ml.guardianKeys['0']![0]!.ecdsa;
      const callData = `0x70a08231${guardian.slice(2).toLowerCase().padStart(64, '0')}`;
      const erc20 = () => Promise.all([proxy, direct].map((u) => rpc(u, 'eth_call', [{ to: ml.staking.era, data: callData }, 'latest'])));
      const proof = async () => {
        const [a, b] = await Promise.all([proxy, direct].map((u) => rpc(u, 'eth_getProof', [SOME_ACCOUNT, [], 'latest']) as Promise<{ balance: Hex }>));
        return [a!, b!] as const;
      };
      let [p, d] = await balance();
      expect(p).toBe(d);
      expect((await send('POST', '/admin/faults', { kind: 'lyingRpc', chainId: 900 })).status).toBe(200);
      [p, d] = await balance();
      expect(BigInt(p as Hex)).toBeGreaterThan(BigInt(d as Hex));
      const [pe, de] = await erc20();
      expect(BigInt(pe as Hex)).toBeGreaterThan(BigInt(de as Hex));
      let [pp, dp] = await proof();
      expect(pp.balance).toBe(dp.balance);
      await send('POST', '/admin/faults', { kind: 'lyingRpc', chainId: 900, proofs: true });
      [pp, dp] = await proof();
      expect(BigInt(pp.balance)).toBeGreaterThan(BigInt(dp.balance));
      // Other chains' proxies stay honest.
      expect(await rpc(ml.rpcUrlOverrides[901]!, 'eth_getBalance', [SOME_ACCOUNT, 'latest'])).toBe(await rpc(anvils[1]!.rpcUrl, 'eth_getBalance', [SOME_ACCOUNT, 'latest']));
      await send('DELETE', '/admin/faults');
      [p, d] = await balance();
      expect(p).toBe(d);
    });

    it('equivocation: guardians sign a conflicting checkpoint, the wallet detects it and L1 slashes', async () => {
      await send('POST', '/admin/faults', { kind: 'equivocation', guardians: [0, 1, 2, 3] });
      const epoch = (await latest()).checkpoint.epoch + 1n;
      await epochAtLeast(epoch);
      await send('DELETE', '/admin/faults');
      const honest = signedCheckpointFromJson((await get(`/v1/checkpoints/${epoch}`)).body);
      const alternatives = ((await get(`/v1/checkpoints/${epoch}/alternatives`)).body as unknown[]).map((j) => signedCheckpointFromJson(j));
      expect(alternatives).toHaveLength(1);
      const history = new CheckpointHistory();
      verifySignedCheckpoint(honest, { registry, history });
      let caught: unknown;
      try {
        verifySignedCheckpoint(alternatives[0]!, { registry, history });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(EquivocationError);
      const evidence = history.evidence()[0]!;
      expect(evidence.offenders).toEqual([0, 1, 2, 3]);
      const report = evidence.reports.find((r) => r.index === 0)!;
      const reporter = chainClient(900, anvils[0]!.rpcUrl, metalayerServiceKey(SEED, 'reporter'));
      await fundGas(reporter, reporter.account.address);
      const [before] = await readStakes(reporter, ml.staking.staking, [report.guardian]);
      await reportEquivocation(reporter, ml.staking.staking, report);
      const [after] = await readStakes(reporter, ml.staking.staking, [report.guardian]);
      expect(after).toBe(before! / 2n);
      const reward = await reporter.public.readContract({ address: ml.staking.era, abi: erc20Abi, functionName: 'balanceOf', args: [reporter.account.address] });
      expect(reward).toBe(before! / 4n);
      expect(await reporter.public.readContract({ address: ml.staking.staking, abi: compiledContract('GuardianStaking').abi, functionName: 'slashBps' })).toBe(5000);
      // Split view: a wallet that only polls latest sees both checkpoints of one epoch.
      await send('POST', '/admin/faults', { kind: 'equivocation', guardians: [0, 1, 2, 3], splitView: true });
      const next = (await latest()).checkpoint.epoch + 1n;
      await epochAtLeast(next);
      const seen = new CheckpointHistory();
      const conflict = await waitFor('a split view', async () => {
        const cp = await latest();
        if (cp.checkpoint.epoch < next) return undefined;
        try {
          verifySignedCheckpoint(cp, { registry, history: seen });
          return undefined;
        } catch (e) {
          return e;
        }
      });
      expect(conflict).toBeInstanceOf(EquivocationError);
      await send('DELETE', '/admin/faults');
    });

    it('offline guardians: below 2/3 nothing is published; forced publication does not verify', async () => {
      await send('POST', '/admin/faults', { kind: 'offlineGuardians' });
      const stuck = (await latest()).checkpoint.epoch;
      const unpublished = ml.network.unpublishedEpochs;
      await waitFor('three silent epochs', () => (ml.network.unpublishedEpochs >= unpublished + 3 ? true : undefined));
      expect((await latest()).checkpoint.epoch).toBe(stuck);
      // Hyperlane stops too: the online validators are below the ISM threshold.
      const id = await dispatch901to902('while offline');
      await waitFor('signing', async () => ((await get(`/v1/messages/${id}`)).status === 200 ? true : undefined));
      await new Promise((r) => setTimeout(r, 3 * EPOCH_MS));
      expect(((await get(`/v1/messages/${id}`)).body as { relay: { status: string } }).relay.status).toBe('waiting');
      await send('POST', '/admin/faults', { kind: 'offlineGuardians', publishBelowThreshold: true });
      await epochAtLeast(stuck + 1n);
      const weak = await latest();
      expect(() => verifySignedCheckpoint(weak, { registry })).toThrow(StakeThresholdError);
      await send('DELETE', '/admin/faults');
      await waitFor('delivery once back online', async () => (((await get(`/v1/messages/${id}`)).body as { relay: { status: string } }).relay.status === 'delivered' ? true : undefined));
    });

    it('stale API: latest keeps serving an old checkpoint while the network moves on', async () => {
      await send('POST', '/admin/faults', { kind: 'staleApi' });
      const frozen = (await latest()).checkpoint.epoch;
      await waitFor('network to advance', () => (ml.network.currentEpoch >= frozen + 3n ? true : undefined));
      const served = await latest();
      expect(served.checkpoint.epoch).toBe(frozen);
      // It is validly signed; only the wallet's finalized view catches the rollback.
      expect(() => verifySignedCheckpoint(served, { registry, minEpoch: frozen + 1n })).toThrow(RollbackError);
      await send('POST', '/admin/faults', { kind: 'staleApi', epoch: 2 });
      expect((await latest()).checkpoint.epoch).toBe(2n);
      await send('DELETE', '/admin/faults');
      expect((await latest()).checkpoint.epoch).toBeGreaterThan(frozen);
    });

    it('forged checkpoint: the served root (and its proofs) no longer match the signature', async () => {
      await send('POST', '/admin/faults', { kind: 'forgedCheckpoint', chainId: 901 });
      const forged = await latest();
      expect(() => verifySignedCheckpoint(forged, { registry })).toThrow(CheckpointSignatureError);
      const inc = rollupInclusionFromJson((await get(`/v1/checkpoints/${forged.checkpoint.epoch}/rollups/901`)).body);
      verifyRollupInclusion(inc.head, inc.proof, forged.checkpoint.aggregateRoot);
      const real = (await rpc(anvils[1]!.rpcUrl, 'eth_getBlockByNumber', [toHex(inc.head.blockNumber), false])) as { stateRoot: Hex };
      expect(inc.head.stateRoot).not.toBe(real.stateRoot);
      await send('DELETE', '/admin/faults');
      verifySignedCheckpoint(await latest(), { registry });
    });

    it('weak guardian-set update: signed by too little stake, refused, and its checkpoints with it', async () => {
      await send('POST', '/admin/faults', { kind: 'weakGuardianSetUpdate' });
      const updates = ((await get('/v1/guardian-set-updates?fromSetId=1')).body as unknown[]).map((u) => signedGuardianSetUpdateFromJson(u));
      expect(updates).toHaveLength(1);
      expect(updates[0]!.update.toSet.id).toBe(2n);
      expect(() => registry.applyUpdate(updates[0]!)).toThrow(StakeThresholdError);
      const attacker = guardianSetFromJson((await get('/v1/guardian-sets/2')).body);
      expect(attacker.guardians).toHaveLength(4);
      const cp = await latest();
      expect(cp.checkpoint.guardianSetId).toBe(2n);
      expect(() => verifySignedCheckpoint(cp, { registry })).toThrow(UnknownGuardianSetError);
      // Everything else about it is consistent: its proofs verify against its root, only the set is unaccepted.
      const inc = rollupInclusionFromJson((await get(`/v1/checkpoints/${cp.checkpoint.epoch}/rollups/902`)).body);
      verifyRollupInclusion(inc.head, inc.proof, cp.checkpoint.aggregateRoot, { rollupCount: cp.checkpoint.rollupCount });
      await send('DELETE', '/admin/faults');
      expect(() => verifySignedCheckpoint(cp, { registry })).toThrow(VerificationError);
      expect((await get('/v1/guardian-sets/2')).status).toBe(404);
    });
  });
});
