import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Address, Hex } from 'viem';
import type { DevnetApiRouter } from '../api/router.js';
import { routeMetalayer } from './api/routes.js';
import { MetalayerFeed } from './api/feed.js';
import { chainClient, fundGas, type ChainClient } from './chainClient.js';
import { FaultSwitchboard } from './faults/faults.js';
import { startRpcProxy, type RpcProxy } from './faults/rpcProxy.js';
import { deriveGuardianKeys, metalayerServiceKey, type GuardianKeys } from './guardians/keys.js';
import { GuardianNetwork, minimalOfflineSet, type BlsSigningMode, type GuardianSetPlan } from './guardians/network.js';
import { deployHyperlane, deployMessageIdIsm, hyperlaneThreshold, setDefaultIsm, MAX_HYPERLANE_VALIDATORS, type HyperlaneDeployment } from './hyperlane/deploy.js';
import { HyperlaneRelayer } from './hyperlane/relayer.js';
import { HyperlaneValidatorSet } from './hyperlane/validators.js';
import { deployGuardianStaking, deployTestEra, guardianStake, registerGuardians, type EraSource, type StakingDeployment } from './staking/guardianStaking.js';
import { MAX_GUARDIANS } from '../../src/core/metalayer/index.js';

export { FaultSwitchboard, parseFault, type Fault, type FaultKind } from './faults/faults.js';
export { GuardianNetwork, type EpochRecord } from './guardians/network.js';

/** One chain as devnet/network.ts hands it over (structural: only these fields are used). */
export type ChainHandle = {
  chainId: number;
  rpcUrl: string;
  framework: string;
  /** viem client of the devnet deployer; its account is the ERA holder on L1. */
  client?: { account?: { address: Address } } | unknown;
  tokens?: Record<string, Address>;
};

export type StartMetalayerParameters = {
  l1: ChainHandle;
  rollups: ChainHandle[];
  seed: string;
  /** Guardians in the genesis set (1..1024). */
  guardians: number;
  epochMs: number;
  /** Epoch at which the planned hand-over to guardian set 1 activates (signed by set 0 at start). */
  handoverEpoch?: number;
  api: DevnetApiRouter;
  /** Metalayer network id (default: src/core/chains/devnet.json networkId). */
  networkId?: number;
  /** ERA on L1 and an account holding it (default: l1.tokens.ERA held by l1.client's account; else our own TestEra). */
  era?: { token: Address; holder: Address };
  slashBps?: number;
  historyLimit?: number;
  /** BLS aggregation: `each` guardian signs, or `combined` (same bytes, one signature); default by set size. */
  blsSigning?: BlsSigningMode;
  /** Called with errors of the background loops (default: console.error, once per distinct message). */
  onError?: (error: unknown) => void;
};

export type MetalayerHandle = {
  networkId: number;
  genesisGuardianSetHash: Hex;
  epochMs: number;
  /** Live: `ism` changes when a guardian-set hand-over installs the new validator set. */
  hyperlane: Record<number, { mailbox: Address; merkleTreeHook: Address; ism: Address; testRecipient: Address }>;
  /** Per chain, the JSON-RPC proxy that the lying-RPC fault controls (transparent when off). */
  rpcUrlOverrides: Record<number, string>;
  staking: StakingDeployment & { chainId: number };
  network: GuardianNetwork;
  validators: HyperlaneValidatorSet;
  relayer: HyperlaneRelayer;
  faults: FaultSwitchboard;
  /** Guardian keys by set id (devnet only: tests sign evidence with them). */
  guardianKeys: Record<string, readonly GuardianKeys[]>;
  stop(): Promise<void>;
};

const DEFAULT_NETWORK_ID = 9000;

function registryNetworkId(): number {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../src/core/chains/devnet.json');
  try {
    if (existsSync(file)) {
      const id = (JSON.parse(readFileSync(file, 'utf8')) as { networkId?: unknown }).networkId;
      if (typeof id === 'number' && Number.isInteger(id)) return id;
    }
  } catch {
    // fall back below
  }
  return DEFAULT_NETWORK_ID;
}

function holderOf(chain: ChainHandle): Address | undefined {
  const client = chain.client as { account?: { address?: Address } } | undefined;
  return client?.account?.address;
}

function errorLogger(): (error: unknown) => void {
  const seen = new Set<string>();
  return (error) => {
    const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    if (seen.has(text)) return;
    seen.add(text);
    console.error(`[metalayer] ${text}`);
  };
}

/**
 * Starts the devnet Metalayer on running chains: GuardianStaking on L1 with every guardian's ERA
 * stake, Hyperlane's own contracts on every chain, the guardian network (spec A), the guardians as
 * Hyperlane validators with a relayer (spec B), its API routes (spec C) and the fault switches (spec D).
 */
export async function startMetalayer(opts: StartMetalayerParameters): Promise<MetalayerHandle> {
  const n = opts.guardians;
  if (!Number.isInteger(n) || n < 1 || n > MAX_GUARDIANS) throw new RangeError(`guardians must be 1..${MAX_GUARDIANS}, got ${n}`);
  if (!Number.isInteger(opts.epochMs) || opts.epochMs < 100) throw new RangeError(`epochMs must be ≥ 100, got ${opts.epochMs}`);
  if (opts.handoverEpoch !== undefined && (!Number.isSafeInteger(opts.handoverEpoch) || opts.handoverEpoch < 1))
    throw new RangeError(`handoverEpoch must be an epoch ≥ 1, got ${opts.handoverEpoch}`);
  const networkId = opts.networkId ?? registryNetworkId();
  const onError = opts.onError ?? errorLogger();
  const chains = [opts.l1, ...opts.rollups].sort((a, b) => a.chainId - b.chainId);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(onError);
  };

  try {
    // Keys are derived once; per epoch the guardians only sign.
    const genesisKeys = Array.from({ length: n }, (_, i) => deriveGuardianKeys(opts.seed, i));
    const rotated = opts.handoverEpoch !== undefined ? deriveGuardianKeys(opts.seed, n, n - 1) : undefined;

    const deployers = new Map<number, ChainClient>();
    for (const c of chains) {
      const client = chainClient(c.chainId, c.rpcUrl, metalayerServiceKey(opts.seed, 'deployer'));
      await fundGas(client, client.account.address);
      deployers.set(c.chainId, client);
    }
    // Staking has its own deployer so that Hyperlane lands at the same addresses on L1 as on the rollups.
    const l1 = chainClient(opts.l1.chainId, opts.l1.rpcUrl, metalayerServiceKey(opts.seed, 'staking'));
    await fundGas(l1, l1.account.address);

    // Hyperlane's own contracts on every chain; the genesis guardians are the ISM's validators.
    const hyperlaneValidators = genesisKeys.slice(0, MAX_HYPERLANE_VALIDATORS);
    const threshold = hyperlaneThreshold(hyperlaneValidators.length);
    const deploying = Promise.all(
      chains.map((c) => deployHyperlane({ client: deployers.get(c.chainId)!, validators: hyperlaneValidators.map((k) => k.ecdsa), threshold })),
    );
    deploying.catch(() => {});

    // Meanwhile on L1 (other keys, no nonce clash): ERA stakes, registered by each guardian from its own ECDSA key.
    let era: Address;
    let source: EraSource;
    const eraToken = opts.era?.token ?? opts.l1.tokens?.ERA;
    const eraHolder = opts.era?.holder ?? holderOf(opts.l1);
    if (eraToken && eraHolder) {
      era = eraToken;
      source = { kind: 'impersonate', holder: eraHolder };
    } else {
      era = await deployTestEra(l1);
      source = { kind: 'client', client: l1 };
    }
    const staking = await deployGuardianStaking(l1, { era, networkId, slashBps: opts.slashBps });
    const members = [...genesisKeys, ...(rotated ? [rotated] : [])].map((keys, slot) => ({ keys, stake: guardianStake(slot) }));
    const stakes = await registerGuardians({ l1, staking, source, guardians: members });

    const plan = (id: bigint, keys: readonly GuardianKeys[], slotStakes: readonly bigint[]): GuardianSetPlan => ({
      set: { id, guardians: keys.map((k, i) => ({ index: i, blsPubkey: k.blsPubkey, ecdsa: k.ecdsa, stake: slotStakes[i]! })) },
      keys,
    });
    const genesis = plan(0n, genesisKeys, stakes.slice(0, n));
    const next =
      rotated && opts.handoverEpoch !== undefined
        ? { ...plan(1n, [...genesisKeys.slice(0, n - 1), rotated], [...stakes.slice(0, n - 1), stakes[n]!]), activationEpoch: BigInt(opts.handoverEpoch) }
        : undefined;

    const deployments = await deploying;
    const byChain = new Map<number, HyperlaneDeployment>(deployments.map((d) => [d.chainId, d]));

    const faults = new FaultSwitchboard();
    const proxies: RpcProxy[] = await Promise.all(chains.map((c) => startRpcProxy({ chainId: c.chainId, upstream: c.rpcUrl, faults })));
    cleanups.push(async () => void (await Promise.all(proxies.map((p) => p.close()))));

    const network = await GuardianNetwork.create({
      networkId,
      epochMs: opts.epochMs,
      chains: chains.map((c) => ({ chainId: c.chainId, rpcUrl: c.rpcUrl })),
      genesis,
      next,
      faults,
      historyLimit: opts.historyLimit ?? 1000,
      blsSigning: opts.blsSigning,
      onError,
    });
    const relayerClients = await Promise.all(
      chains.map(async (c) => {
        const client = chainClient(c.chainId, c.rpcUrl, metalayerServiceKey(opts.seed, 'relayer'));
        await fundGas(client, client.account.address);
        return { client, deployment: byChain.get(c.chainId)! };
      }),
    );
    // Cheat codes (fundGas) rewrite the current block's state in place: seal every chain with a fresh block
    // before the guardians read their first heads, so every published checkpoint stays provable.
    await Promise.all(chains.map((c) => deployers.get(c.chainId)!.public.request({ method: 'evm_mine' as never })));
    network.start();
    cleanups.push(() => network.stop());
    const isOnline = (index: number) => {
      const f = faults.get('offlineGuardians');
      if (!f) return true;
      return !(f.guardians ?? minimalOfflineSet(network.planFor(network.currentEpoch).set)).includes(index);
    };
    const validators = new HyperlaneValidatorSet({ origins: relayerClients, validators: hyperlaneValidators, threshold, isOnline });
    const relayer = new HyperlaneRelayer({ destinations: relayerClients });
    validators.onMessage((m) => relayer.enqueue(m));
    const hyperlane: MetalayerHandle['hyperlane'] = Object.fromEntries(
      deployments.map((d) => [d.chainId, { mailbox: d.mailbox, merkleTreeHook: d.merkleTreeHook, ism: d.ism, testRecipient: d.testRecipient }]),
    );
    // After the hand-over the new guardian set also becomes Hyperlane's validator set: a new ISM on every chain.
    let ismRotated = !next;
    const rotateIsm = async () => {
      if (ismRotated || !next || network.currentEpoch < next.activationEpoch) return;
      ismRotated = true;
      const nextValidators = next.keys.slice(0, MAX_HYPERLANE_VALIDATORS);
      const nextThreshold = hyperlaneThreshold(nextValidators.length);
      await Promise.all(
        deployments.map(async (d) => {
          const client = deployers.get(d.chainId)!;
          const ism = await deployMessageIdIsm(client, d.ismFactory, nextValidators.map((k) => k.ecdsa), nextThreshold);
          await setDefaultIsm(client, d.mailbox, ism);
          hyperlane[d.chainId]!.ism = ism;
        }),
      );
      validators.rotate(nextValidators, nextThreshold);
    };
    let relaying = true;
    const loop = (async () => {
      const pollMs = Math.max(100, Math.min(500, Math.floor(opts.epochMs / 4)));
      while (relaying) {
        try {
          await rotateIsm();
          await validators.poll();
          await relayer.relayPending();
        } catch (error) {
          onError(error);
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    })();
    cleanups.push(async () => {
      relaying = false;
      await loop;
    });

    const feed = new MetalayerFeed(network, faults, opts.seed);
    routeMetalayer(opts.api, { feed, faults, validators, relayer });

    return {
      networkId,
      genesisGuardianSetHash: network.genesisGuardianSetHash,
      epochMs: opts.epochMs,
      hyperlane,
      rpcUrlOverrides: Object.fromEntries(proxies.map((p) => [p.chainId, p.url])),
      staking: { ...staking, chainId: opts.l1.chainId },
      network,
      validators,
      relayer,
      faults,
      guardianKeys: { '0': genesisKeys, ...(next ? { '1': next.keys } : {}) },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
