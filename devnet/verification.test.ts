// The light verification core (src/core/verifier) against the real full devnet: honest proofs verify,
// and every fault of spec part D ends in mismatch / invalid / a typed VerificationError, never 'verified'.
import { createPublicClient, createWalletClient, defineChain, getAddress, http, parseAbi, parseUnits, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardianSetHash, type SignedCheckpoint } from '../src/core/metalayer/index.js';
import {
  CheckpointHistory,
  detectEquivocation,
  EquivocationError,
  GuardianSetRegistry,
  REPORT_EQUIVOCATION_ABI,
  reportEquivocationArgs,
  RollbackError,
  UnknownGuardianSetError,
  VerificationError,
  verifySignedCheckpoint,
  type ProvenValue,
  type VerifiedCheckpoint,
} from '../src/core/verifier/index.js';
import { testAccounts } from './accounts.js';
import type { RegistryEntry } from './api/network.js';
import { TEST_ACCOUNT_TOKEN_UNITS } from './deploy.js';
import { startDevnet, type Devnet } from './network.js';
import { registry } from './registry.js';
import { LightClient, MetalayerApi, waitFor } from './verification.fixture.js';

const PROVABLE = [900, 901, 902, 903];
const holders = testAccounts()
  .slice(0, 2)
  .map((a) => a.address);

let devnet: Devnet;
let api: MetalayerApi;
let rollups: RegistryEntry[];
let epochMs: number;
const rollup = (chainId: number) => rollups.find((r) => r.chainId === chainId)!;

/** A fresh wallet: pinned network from the shipped devnet.json, guardian sets synced from the API. */
async function wallet(): Promise<LightClient> {
  const light = new LightClient(api, registry);
  await light.syncGuardianSets();
  return light;
}

/** The next checkpoint the API serves as latest with an epoch ≥ `epoch` (bounded by a few epochs). */
async function latestFrom(epoch: bigint): Promise<SignedCheckpoint> {
  return waitFor(`a checkpoint of epoch ≥ ${epoch}`, async () => {
    const cp = await api.latest();
    return cp.checkpoint.epoch >= epoch ? cp : undefined;
  }, 10 * epochMs + 10_000, Math.min(100, epochMs / 4));
}

/** An honest, verified checkpoint of a block at or after the devnet's sealed setup block (optionally newer than `after`). */
async function verifiedLatest(light: LightClient, after?: bigint): Promise<VerifiedCheckpoint> {
  const from = after !== undefined ? after + 1n : devnet.provableFrom.epoch!;
  return light.accept(await latestFrom(from));
}

const statuses = (r: { native?: ProvenValue<bigint>; tokens: ProvenValue<bigint>[] }) => [r.native!, ...r.tokens].map((v) => v.status);

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

beforeAll(async () => {
  devnet = await startDevnet({ full: true, quiet: true, manifestPath: null, apiPort: 0 });
  api = new MetalayerApi(devnet.manifest.metalayerApi);
  const info = await api.network();
  rollups = info.rollups;
  epochMs = info.epochMs;
}, 120_000);
afterAll(async () => {
  await api?.clearFaults().catch(() => {});
  await devnet?.stop();
});

describe('light verification against the full devnet (honest)', () => {
  it('accepts the genesis guardian set only because its hash is the one pinned in devnet.json', async () => {
    const info = await api.network();
    expect(info.networkId).toBe(registry.networkId);
    const genesis = await api.guardianSet(0n);
    expect(genesis.guardians).toHaveLength(5);
    expect(guardianSetHash(genesis)).toBe(registry.genesisGuardianSetHash);
    const light = await wallet();
    expect(light.registry.latest().hash).toBe(registry.genesisGuardianSetHash);
    // The same API answer does not help a wallet pinned to another hash, nor a set with one stake changed.
    const other = new GuardianSetRegistry({ networkId: registry.networkId, genesisHash: `0x${'ab'.repeat(32)}` });
    expect(() => other.acceptGenesis(genesis)).toThrow(VerificationError);
    const pinned = new GuardianSetRegistry({ networkId: registry.networkId, genesisHash: registry.genesisGuardianSetHash as `0x${string}` });
    const richer = { ...genesis, guardians: genesis.guardians.map((g, i) => (i === 0 ? { ...g, stake: g.stake * 100n } : g)) };
    expect(() => pinned.acceptGenesis(richer)).toThrow(VerificationError);
    expect(await api.guardianSetUpdates(0n)).toEqual([]);
  });

  it('verifies the latest checkpoint and proves native and token balances of test accounts 0 and 1 on every rollup', async () => {
    const light = await wallet();
    const verified = await verifiedLatest(light);
    expect(verified.checkpoint.networkId).toBe(registry.networkId);
    expect(verified.checkpoint.rollupCount).toBe(5);
    expect(verified.signers).toEqual([0, 1, 2, 3, 4]);
    for (const chain of rollups) {
      for (const holder of holders) {
        const result = await light.proveBalances(verified, chain, holder);
        if (chain.chainId === 904) {
          expect(statuses(result), `904 ${holder}`).toEqual(statuses(result).map(() => 'unverifiable'));
          continue;
        }
        expect(PROVABLE).toContain(chain.chainId);
        expect(statuses(result), `${chain.chainId} ${holder}`).toEqual(statuses(result).map(() => 'verified'));
        expect(result.native!.value).toBe(result.native!.rpcValue);
        expect(result.native!.value).toBeGreaterThan(parseUnits('9000', chain.nativeCurrency.decimals));
        chain.tokens.forEach((token, i) => {
          expect(result.tokens[i]!.value, `${chain.chainId} ${token.symbol}`).toBe(parseUnits(TEST_ACCOUNT_TOKEN_UNITS[token.symbol]!, token.decimals));
          expect(result.tokens[i]!.blockNumber).toBeGreaterThanOrEqual(devnet.provableFrom.blocks[chain.chainId]!);
        });
      }
    }
  });

  it('the first provable checkpoint (sealed setup blocks) proves every balance', async () => {
    const light = await wallet();
    const first = light.accept(await api.checkpoint(devnet.provableFrom.epoch!));
    for (const chainId of PROVABLE) {
      const head = (await api.inclusion(first.checkpoint.epoch, chainId)).head;
      expect(head.blockNumber).toBeGreaterThanOrEqual(devnet.provableFrom.blocks[chainId]!);
      const result = await light.proveBalances(first, rollup(chainId), holders[0]!);
      expect(statuses(result), `${chainId}`).toEqual(statuses(result).map(() => 'verified'));
    }
  });

  it('a faucet payment is pending until a checkpoint covers its block, then verified; older checkpoints still prove (also USDC-native 903)', async () => {
    const light = await wallet();
    const fresh: Address = getAddress('0x0000000000000000000000000000000000f00d01');
    for (const chainId of [901, 903]) {
      const before = await verifiedLatest(light, light.finalizedEpoch);
      const response = await fetch(`${devnet.manifest.metalayerApi}/v1/faucet`, { method: 'POST', body: JSON.stringify({ chainId, address: fresh, amount: '3' }) });
      expect(response.status).toBe(200);
      const { txHash } = (await response.json()) as { txHash: `0x${string}` };
      const client = createPublicClient({ transport: http(rollup(chainId).rpcUrl) });
      const paidIn = (await client.getTransactionReceipt({ hash: txHash })).blockNumber;
      const early = await light.proveBalances(before, rollup(chainId), fresh, { minBlockNumber: paidIn });
      expect(early.native!.status).toBe('pending');
      const covered = await waitFor(`a checkpoint of ${chainId} block ${paidIn}`, async () => {
        const v = await verifiedLatest(light, light.finalizedEpoch);
        return (await api.inclusion(v.checkpoint.epoch, chainId)).head.blockNumber >= paidIn ? v : undefined;
      }, 10 * epochMs + 10_000);
      const proven = await light.proveBalances(covered, rollup(chainId), fresh, { minBlockNumber: paidIn });
      expect(proven.native).toMatchObject({ status: 'verified', value: parseUnits('3', 18) });
      // The block checkpointed before the payment was not rewritten (a cheat-code faucet would make this invalid).
      const old = await light.proveBalances(before, rollup(chainId), fresh);
      expect(old.native).toMatchObject({ status: 'verified', value: 0n });
      expect(old.tokens.map((t) => t.status)).toEqual(old.tokens.map(() => 'verified'));
    }
  });
});

describe('devnet faults (spec D) never end in verified', () => {
  /** Set by tests whose fault changes what the guardians publish: the next test starts after two clean epochs. */
  let guardiansFaulted = false;
  afterEach(async () => {
    await api.clearFaults();
    if (guardiansFaulted) await latestFrom((await api.latest()).checkpoint.epoch + 2n);
    guardiansFaulted = false;
  });

  it('lying RPC (balances): every balance on that chain is a mismatch with the proven value kept', async () => {
    const light = await wallet();
    const verified = await verifiedLatest(light);
    await api.setFault({ kind: 'lyingRpc', chainId: 901 });
    for (const holder of holders) {
      const result = await light.proveBalances(verified, rollup(901), holder);
      expect(statuses(result)).toEqual(statuses(result).map(() => 'mismatch'));
      for (const v of [result.native!, ...result.tokens]) expect(v.rpcValue!).toBeGreaterThan(v.value!);
      // Other chains' proxies stay honest.
      expect(statuses(await light.proveBalances(verified, rollup(902), holder))).not.toContain('mismatch');
    }
  });

  it('lying RPC with proofs: the tampered eth_getProof never verifies', async () => {
    const light = await wallet();
    const verified = await verifiedLatest(light);
    await api.setFault({ kind: 'lyingRpc', chainId: 902, proofs: true });
    for (const holder of holders) {
      const result = await light.proveBalances(verified, rollup(902), holder);
      for (const status of statuses(result)) expect(['mismatch', 'invalid']).toContain(status);
      expect(statuses(result)).not.toContain('verified');
    }
  });

  it('forged checkpoint (root changed after signing): the BLS signature check refuses it', async () => {
    const light = await wallet();
    const honest = await verifiedLatest(light);
    await api.setFault({ kind: 'forgedCheckpoint', chainId: 901 });
    const forged = await latestFrom(honest.checkpoint.epoch);
    const error = thrown(() => light.accept(forged));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).step).toBe('checkpoint-signature');
    // Its tree (served for the honest epoch too) does not lead to the honestly signed root: invalid at inclusion.
    for (const holder of holders) {
      const result = await light.proveBalances(honest, rollup(901), holder);
      expect(statuses(result)).toEqual(statuses(result).map(() => 'invalid'));
      expect(result.native!.failedStep).toBe('inclusion');
    }
  });

  it('guardians offline below threshold: nothing new verifies (no checkpoint, or one refused for stake)', async () => {
    const light = await wallet();
    const before = await verifiedLatest(light);
    const network = devnet.metalayer!.network;
    const skipped = network.unpublishedEpochs;
    guardiansFaulted = true;
    await api.setFault({ kind: 'offlineGuardians' });
    await waitFor('two unpublished epochs', () => (network.unpublishedEpochs >= skipped + 2 ? true : undefined), 10 * epochMs + 10_000);
    const stuck = await api.latest();
    expect(stuck.checkpoint.epoch).toBeLessThanOrEqual(before.checkpoint.epoch + 2n);
    await waitFor('one more unpublished epoch', () => (network.unpublishedEpochs >= skipped + 3 ? true : undefined), 10 * epochMs + 10_000);
    expect((await api.latest()).checkpoint.epoch).toBe(stuck.checkpoint.epoch);
    // A value newer than the last checkpoint stays pending.
    const client = createPublicClient({ transport: http(devnet.manifest.chains.find((c) => c.chainId === 901)!.directRpcUrl) });
    await client.request({ method: 'evm_mine' as never });
    const newBlock = await client.getBlockNumber({ cacheTime: 0 });
    const verified = light.accept(stuck);
    const pending = await light.proveBalances(verified, rollup(901), holders[0]!, { minBlockNumber: newBlock });
    expect(statuses(pending)).toEqual(statuses(pending).map(() => 'pending'));
    // Published anyway (a broken network): the under-signed checkpoint fails the 2/3 stake check.
    await api.setFault({ kind: 'offlineGuardians', publishBelowThreshold: true });
    const weak = await latestFrom(stuck.checkpoint.epoch + 1n);
    const error = thrown(() => light.accept(weak));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).step).toBe('stake-threshold');
  });

  it('stale / replayed checkpoint: refused as a rollback once a newer one was accepted', async () => {
    const light = await wallet();
    const old = await verifiedLatest(light);
    const newer = await verifiedLatest(light, old.checkpoint.epoch);
    expect(light.finalizedEpoch).toBe(newer.checkpoint.epoch);
    await api.setFault({ kind: 'staleApi', epoch: Number(old.checkpoint.epoch) });
    const replayed = await api.latest();
    expect(replayed.checkpoint.epoch).toBe(old.checkpoint.epoch);
    const error = thrown(() => light.accept(replayed));
    expect(error).toBeInstanceOf(RollbackError);
    expect((error as VerificationError).step).toBe('rollback');
    expect(light.finalizedEpoch).toBe(newer.checkpoint.epoch);
  });

  it('under-signed guardian-set update: applyUpdate refuses it and the attacker set signs nothing accepted', async () => {
    const light = await wallet();
    await verifiedLatest(light);
    await api.setFault({ kind: 'weakGuardianSetUpdate' });
    const updates = await api.guardianSetUpdates(0n);
    expect(updates.length).toBeGreaterThan(0);
    const error = thrown(() => light.registry.applyUpdates(updates));
    expect(error).toBeInstanceOf(VerificationError);
    expect(light.registry.list()).toHaveLength(1);
    const attackerCheckpoint = await api.latest();
    expect(attackerCheckpoint.checkpoint.guardianSetId).toBe(1n);
    expect(thrown(() => light.accept(attackerCheckpoint))).toBeInstanceOf(UnknownGuardianSetError);
  });

  it('equivocating guardians: both checkpoints refused with evidence, which slashes the stake on L1', async () => {
    const light = await wallet();
    const start = await verifiedLatest(light);
    // Guardians 0-3 hold ≥ 2/3 of the stake, so both checkpoints verify on their own.
    guardiansFaulted = true;
    await api.setFault({ kind: 'equivocation', guardians: [0, 1, 2, 3] });
    const { epoch, alternatives } = await waitFor('an equivocated epoch', async () => {
      const latest = (await api.latest()).checkpoint.epoch;
      if (latest < start.checkpoint.epoch + 2n) return undefined;
      const alts = await api.alternatives(latest);
      return alts.length > 0 ? { epoch: latest, alternatives: alts } : undefined;
    }, 10 * epochMs + 10_000);
    const honest = await api.checkpoint(epoch);
    light.accept(honest);
    const error = thrown(() => light.accept(alternatives[0]!));
    expect(error).toBeInstanceOf(EquivocationError);
    // From now on that slot is refused, the honest-looking one too.
    expect(thrown(() => light.accept(honest))).toBeInstanceOf(EquivocationError);
    const evidence = (error as EquivocationError).evidence;
    expect(evidence.offenders).toEqual([0, 1, 2, 3]);
    expect(light.history.evidence()).toHaveLength(1);
    const set = light.registry.latest().set;
    expect(detectEquivocation(honest, alternatives[0]!, set)?.reports).toHaveLength(4);
    // A fresh history alone refuses the second one as well.
    const alone = new CheckpointHistory();
    verifySignedCheckpoint(alternatives[0]!, { registry: light.registry, history: alone });
    expect(thrown(() => verifySignedCheckpoint(honest, { registry: light.registry, history: alone }))).toBeInstanceOf(EquivocationError);

    // Bonus: anyone (test account 2) submits the evidence to GuardianStaking on L1 and the guardian is slashed.
    const staking = devnet.manifest.staking!.address as Address;
    const l1 = rollup(900);
    const reporter = privateKeyToAccount(testAccounts()[2]!.privateKey);
    const publicClient = createPublicClient({ transport: http(l1.rpcUrl) });
    const chain = defineChain({ id: 900, name: l1.name, nativeCurrency: l1.nativeCurrency, rpcUrls: { default: { http: [l1.rpcUrl] } } });
    const walletClient = createWalletClient({ transport: http(l1.rpcUrl), account: reporter, chain });
    const stakeOf = parseAbi(['function stakeOf(address) view returns (uint256)']);
    const report = evidence.reports.find((r) => r.index === 0)!;
    expect(report.guardian).toBe(set.guardians[0]!.ecdsa);
    const before = await publicClient.readContract({ address: staking, abi: stakeOf, functionName: 'stakeOf', args: [report.guardian] });
    expect(before).toBe(set.guardians[0]!.stake);
    const hash = await walletClient.writeContract({ address: staking, abi: REPORT_EQUIVOCATION_ABI, functionName: 'reportEquivocation', args: reportEquivocationArgs(report) });
    expect((await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })).status).toBe('success');
    const after = await publicClient.readContract({ address: staking, abi: stakeOf, functionName: 'stakeOf', args: [report.guardian] });
    expect(after).toBeLessThan(before);
    expect(after).toBe(before / 2n);
  });
});
