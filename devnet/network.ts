import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWalletClient, http, publicActions, type Address } from 'viem';
import { deployerAccount, TEST_MNEMONIC } from './accounts.js';
import { startAnvil, type AnvilProcess } from './anvil.js';
import { routeFaucet } from './api/faucet.js';
import { routeNetwork, type RegistryEntry } from './api/network.js';
import { ApiError, DevnetApiRouter } from './api/router.js';
import { PREFERRED_API_PORT, startApiServer } from './api/server.js';
import { compileContracts } from './contracts/compile.js';
import { bundleDapp, startDappServer, type DappConfig } from './dapp/server.js';
import { chainClients, deployContracts, placePredeploys, type DevnetChainClients } from './deploy.js';
import { DEFAULT_MANIFEST_PATH, removeManifestIfOurs, writeManifest, type DevnetManifest, type ManifestChain } from './manifest.js';
import { MAX_GUARDIANS } from '../src/core/metalayer/index.js';
import { FULL_CHAIN_IDS, MINIMAL_CHAIN_IDS, registry, registryChain, type DevnetFramework, type RegistryChain } from './registry.js';

export const DEFAULT_SEED = 'era-devnet';
export const DEFAULT_EPOCH_MS = 2000;
export const DEFAULT_GUARDIANS = 5;

export type StartDevnetParameters = {
  /** Derives the Metalayer keys; chain ids, token addresses and the deployer are fixed (see devnet.json). */
  seed?: string;
  /** All five chains and the Metalayer (default). `false`: chains 900-902 with contracts, no Metalayer. */
  full?: boolean;
  guardians?: number;
  epochMs?: number;
  handoverEpoch?: number;
  /** Start the Metalayer when `full` (default true); tests of the chains alone can skip it. */
  metalayer?: boolean;
  /** Preferred API port (default 8547); a taken port falls back to a free one. */
  apiPort?: number;
  quiet?: boolean;
  /** Where to write the manifest; `null` writes none. Default `.devnet/manifest.json`. */
  manifestPath?: string | null;
};

/** One chain as the Metalayer workstream receives it. */
export type ChainHandle = {
  chainId: number;
  rpcUrl: string;
  framework: DevnetFramework;
  /** viem wallet client (the devnet deployer account) extended with public actions. */
  client: ReturnType<typeof handleClient>;
  tokens: Record<string, Address>;
};

/** What devnet/metalayer/index.ts exports (type only: the module is loaded at run time, when present). */
type MetalayerModule = typeof import('./metalayer/index.js');
export type MetalayerHandle = Awaited<ReturnType<MetalayerModule['startMetalayer']>>;

export type DevnetChain = { entry: RegistryChain; anvil: AnvilProcess; clients: DevnetChainClients };

export type Devnet = {
  manifest: DevnetManifest;
  chains: DevnetChain[];
  router: DevnetApiRouter;
  /** The running Metalayer (faults, guardian network, relayer), when it started. */
  metalayer: MetalayerHandle | null;
  manifestPath: string | null;
  /**
   * Where provable state starts: the block mined on each chain after all setup (cheat codes change
   * earlier blocks in place, so their proofs no longer match their headers), and the first epoch
   * whose checkpoint covers those blocks (null without the Metalayer). startDevnet returns after it.
   */
  provableFrom: { blocks: Record<number, bigint>; epoch: bigint | null };
  /** Wall time of startDevnet, in ms. */
  startedInMs: number;
  stop(): Promise<void>;
};

const METALAYER_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'metalayer', 'index.ts');

function handleClient(rpcUrl: string, clients: DevnetChainClients) {
  return createWalletClient({ chain: clients.chain, transport: http(rpcUrl, { retryCount: 0 }), account: deployerAccount, pollingInterval: 20 }).extend(publicActions);
}

/** The Metalayer plugs in when its workstream has landed devnet/metalayer/index.ts with startMetalayer. */
async function loadStartMetalayer(): Promise<MetalayerModule['startMetalayer'] | null> {
  if (!existsSync(METALAYER_ENTRY)) return null;
  const mod = (await import(pathToFileURL(METALAYER_ENTRY).href)) as Partial<MetalayerModule>;
  return typeof mod.startMetalayer === 'function' ? mod.startMetalayer : null;
}

/** Seals the setup: anvil_setCode/setBalance/setStorageAt rewrote the latest block in place, a new block makes the state provable. */
async function mineSetupBlock({ clients }: DevnetChain): Promise<bigint> {
  await clients.public.request({ method: 'evm_mine' as never, params: [] as never });
  return clients.public.getBlockNumber({ cacheTime: 0 });
}

/** The guardians started inside startMetalayer, before its last cheat codes: wait for the first epoch that covers the sealed blocks. */
async function firstProvableEpoch(metalayer: MetalayerHandle, blocks: Record<number, bigint>, epochMs: number): Promise<bigint> {
  const deadline = Date.now() + Math.max(30_000, 20 * epochMs);
  for (;;) {
    const record = metalayer.network.latest();
    const covers = record?.tree.heads.every((h) => blocks[Number(h.chainId)] === undefined || h.blockNumber >= blocks[Number(h.chainId)]!);
    if (record && covers) return record.epoch;
    if (Date.now() > deadline) throw new Error(`the guardians published no checkpoint of the post-setup blocks within ${Math.max(30_000, 20 * epochMs)} ms`);
    await new Promise((r) => setTimeout(r, Math.min(50, epochMs / 4)));
  }
}

/** Starts the local Caldera devnet: anvil chains with contracts, the devnet API, the test dApp (and the Metalayer). */
export async function startDevnet(opts: StartDevnetParameters = {}): Promise<Devnet> {
  const startedAt = performance.now();
  const guardians = opts.guardians ?? DEFAULT_GUARDIANS;
  // Checked before any anvil starts (a CLI typo should not cost a devnet start).
  if (!Number.isInteger(guardians) || guardians < 1 || guardians > MAX_GUARDIANS)
    throw new RangeError(`guardians must be an integer 1..${MAX_GUARDIANS}, got ${opts.guardians}`);
  const full = opts.full ?? true;
  const seed = opts.seed ?? DEFAULT_SEED;
  const epochMs = opts.epochMs ?? DEFAULT_EPOCH_MS;
  const log = opts.quiet ? () => {} : (line: string) => console.log(`[devnet] ${line}`);
  const cleanups: (() => Promise<void>)[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const chainIds = full ? FULL_CHAIN_IDS : MINIMAL_CHAIN_IDS;
    const bundling = bundleDapp();
    bundling.catch(() => {});
    const compiled = compileContracts();
    const anvils = await Promise.allSettled(chainIds.map((chainId) => startAnvil({ chainId })));
    for (const result of anvils) {
      if (result.status === 'fulfilled') cleanups.push(() => result.value.stop());
    }
    const failed = anvils.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const chains: DevnetChain[] = anvils.map((r) => {
      const anvil = (r as PromiseFulfilledResult<AnvilProcess>).value;
      const entry = registryChain(anvil.chainId);
      return { entry, anvil, clients: chainClients(entry, anvil.rpcUrl) };
    });
    await Promise.all(
      chains.map(async ({ entry, clients }) => {
        await placePredeploys(clients, entry, compiled);
        await deployContracts(clients, entry, compiled);
      }),
    );
    log(`chains ${chains.map((c) => `${c.entry.chainId}@${c.anvil.rpcUrl}`).join(', ')}`);

    const state = {
      networkId: registry.networkId,
      genesisGuardianSetHash: null as string | null,
      hyperlane: {} as MetalayerHandle['hyperlane'],
      rpcUrlOverrides: {} as Record<number, string>,
    };
    const rpcUrlOf = (c: DevnetChain) => state.rpcUrlOverrides[c.entry.chainId] ?? c.anvil.rpcUrl;
    const entries = (): RegistryEntry[] =>
      chains.map((c) => ({ ...c.entry, rpcUrl: rpcUrlOf(c), ...(state.hyperlane[c.entry.chainId] ?? {}) }));

    const router = new DevnetApiRouter();
    routeNetwork(router, () => ({ networkId: state.networkId, genesisGuardianSetHash: state.genesisGuardianSetHash, epochMs, rollups: entries() }));
    let ready = false;
    // Until setup is done the deployer's nonces belong to the setup (the Metalayer sends from it on L1).
    routeFaucet(router, () => {
      if (!ready) throw new ApiError(503, 'DEVNET_STARTING', 'the devnet is still starting; retry in a few seconds');
      return chains.map(({ entry, clients }) => ({ entry, clients }));
    });
    const api = await startApiServer(router, opts.apiPort ?? PREFERRED_API_PORT);
    cleanups.push(() => api.close());
    log(`API ${api.url}`);

    let metalayer: MetalayerHandle | null = null;
    if (full && opts.metalayer !== false) {
      const startMetalayer = await loadStartMetalayer();
      if (startMetalayer) {
        const handles = chains.map(
          (c): ChainHandle => ({
            chainId: c.entry.chainId,
            rpcUrl: c.anvil.rpcUrl,
            framework: c.entry.framework,
            client: handleClient(c.anvil.rpcUrl, c.clients),
            tokens: Object.fromEntries(c.entry.tokens.map((t) => [t.symbol, t.address])),
          }),
        );
        const handle = await startMetalayer({
          l1: handles.find((h) => h.framework === 'l1')!,
          rollups: handles.filter((h) => h.framework !== 'l1'),
          seed,
          guardians,
          epochMs,
          handoverEpoch: opts.handoverEpoch,
          api: router,
        });
        cleanups.push(() => handle.stop());
        metalayer = handle;
        Object.assign(state, {
          networkId: handle.networkId,
          genesisGuardianSetHash: handle.genesisGuardianSetHash,
          hyperlane: handle.hyperlane,
          rpcUrlOverrides: handle.rpcUrlOverrides,
        });
        log(`Metalayer network ${handle.networkId}, genesis guardian set ${handle.genesisGuardianSetHash}`);
      } else {
        log('Metalayer not available (devnet/metalayer/index.ts has no startMetalayer yet): chains, API and dApp only');
      }
    }

    // After every chain's and the Metalayer's setup (and before anyone may rely on a checkpoint).
    const sealed = await Promise.all(chains.map(async (c) => [c.entry.chainId, await mineSetupBlock(c)] as const));
    const provableBlocks: Record<number, bigint> = Object.fromEntries(sealed);
    const provableEpoch = metalayer ? firstProvableEpoch(metalayer, provableBlocks, epochMs) : Promise.resolve(null);
    provableEpoch.catch(() => {});

    const dappConfig = (): DappConfig => ({
      metalayerApi: api.url,
      chains: entries().map((e) => ({
        chainId: e.chainId,
        name: e.name,
        rpcUrl: e.rpcUrl,
        nativeCurrency: e.nativeCurrency,
        tokens: e.tokens.map(({ symbol, address, decimals }) => ({ symbol, address, decimals })),
        mailbox: e.mailbox,
        testRecipient: e.testRecipient,
      })),
    });
    const files = await bundling;
    const dapps = await Promise.all([startDappServer(files, dappConfig), startDappServer(files, dappConfig)]);
    for (const d of dapps) cleanups.push(() => d.close());

    const manifest: DevnetManifest = {
      metalayerApi: api.url,
      dappUrl: dapps[0]!.url,
      dappUrl2: dapps[1]!.url,
      wagmiDappUrl: `${dapps[0]!.url}wagmi.html`,
      networkId: state.networkId,
      genesisGuardianSetHash: state.genesisGuardianSetHash,
      epochMs,
      seed,
      mnemonic: TEST_MNEMONIC,
      metalayer: metalayer !== null,
      staking: metalayer ? { chainId: metalayer.staking.chainId, address: metalayer.staking.staking, era: metalayer.staking.era } : null,
      pids: chains.map((c) => c.anvil.pid),
      chains: chains.map((c): ManifestChain => ({
        chainId: c.entry.chainId,
        name: c.entry.name,
        framework: c.entry.framework,
        rpcUrl: rpcUrlOf(c),
        directRpcUrl: c.anvil.rpcUrl,
        nativeCurrency: c.entry.nativeCurrency,
        tokens: Object.fromEntries(c.entry.tokens.map((t) => [t.symbol, t.address])),
        contracts: c.entry.contracts,
        ...(state.hyperlane[c.entry.chainId] ?? {}),
      })),
    };
    // Whoever reads the manifest (or calls the faucet) may rely on provable checkpoints from then on.
    const provableFrom = { blocks: provableBlocks, epoch: await provableEpoch };
    ready = true;
    const manifestPath = opts.manifestPath === undefined ? DEFAULT_MANIFEST_PATH : opts.manifestPath;
    if (manifestPath !== null) {
      writeManifest(manifestPath, manifest);
      // A manifest naming dead ports misleads whoever reads it next: remove ours on stop.
      cleanups.unshift(async () => removeManifestIfOurs(manifestPath, manifest.pids));
    }
    const defaults = seed === DEFAULT_SEED && guardians === DEFAULT_GUARDIANS;
    if (metalayer && defaults && metalayer.genesisGuardianSetHash !== registry.genesisGuardianSetHash)
      log(`warning: genesis guardian set ${metalayer.genesisGuardianSetHash} differs from devnet.json's pinned ${registry.genesisGuardianSetHash}`);
    return { manifest, chains, router, metalayer, manifestPath, provableFrom, startedInMs: Math.round(performance.now() - startedAt), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
