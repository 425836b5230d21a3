import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, erc20Abi, http, keccak256, parseEther, parseUnits, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MNEMONIC, testAccounts } from './accounts.js';
import type { NetworkInfo } from './api/network.js';
import type { DevnetManifest } from './manifest.js';
import { startDevnet, type Devnet } from './network.js';
import { registry } from './registry.js';
import { MULTICALL3_ADDRESS } from './deploy.js';
import { verifyAccountProof, type Eip1186Proof } from '../src/core/verifier/index.js';
import { processAlive } from './anvil';


describe('startDevnet (minimal)', () => {
  let devnet: Devnet;
  const dir = mkdtempSync(join(tmpdir(), 'era-devnet-'));
  const manifestPath = join(dir, 'manifest.json');

  beforeAll(async () => {
    devnet = await startDevnet({ full: false, quiet: true, manifestPath, apiPort: 0 });
  });
  afterAll(async () => {
    await devnet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts 900, 901 and 902, each answering with its chain id', async () => {
    expect(devnet.manifest.chains.map((c) => c.chainId)).toEqual([900, 901, 902]);
    for (const chain of devnet.manifest.chains) {
      const client = createPublicClient({ transport: http(chain.rpcUrl) });
      expect(await client.getChainId()).toBe(chain.chainId);
      expect(chain.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
  });

  it('funds the 10 test accounts with native and every token', async () => {
    const accounts = testAccounts();
    expect(accounts[0]!.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(accounts).toHaveLength(10);
    for (const chain of devnet.manifest.chains) {
      const client = createPublicClient({ transport: http(chain.rpcUrl) });
      for (const account of accounts) {
        expect(await client.getBalance({ address: account.address })).toBeGreaterThanOrEqual(parseEther('9999'));
      }
      const usdc = chain.tokens.USDC!;
      const balances = await Promise.all(accounts.map((a) => client.readContract({ address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [a.address] })));
      expect(balances.every((b) => b === parseUnits('1000000', 6))).toBe(true);
    }
  });

  it('seals the setup in a mined block: its header matches eth_getProof of state placed by cheat codes', async () => {
    expect(devnet.provableFrom.epoch).toBeNull();
    for (const chain of devnet.manifest.chains) {
      const client = createPublicClient({ transport: http(chain.rpcUrl) });
      const sealed = devnet.provableFrom.blocks[chain.chainId]!;
      expect(sealed).toBeGreaterThan(0n);
      const block = await client.getBlock({ blockNumber: sealed });
      expect(block.transactions).toHaveLength(0);
      const tag = `0x${sealed.toString(16)}` as Hex;
      // Multicall3 was placed with anvil_setCode, the deployer funded with anvil_setBalance.
      const multicall = (await client.request({ method: 'eth_getProof', params: [MULTICALL3_ADDRESS, [], tag] })) as unknown as Eip1186Proof;
      const code = await client.getCode({ address: MULTICALL3_ADDRESS, blockNumber: sealed });
      expect(verifyAccountProof(block.stateRoot, MULTICALL3_ADDRESS, multicall).codeHash).toBe(keccak256(code!));
      const deployer = (await client.request({ method: 'eth_getProof', params: [registry.deployer, [], tag] })) as unknown as Eip1186Proof;
      expect(verifyAccountProof(block.stateRoot, registry.deployer, deployer).balance).toBeGreaterThan(parseEther('1000000'));
    }
  });

  it('writes the manifest with the agreed shape', () => {
    const written = JSON.parse(readFileSync(manifestPath, 'utf8')) as DevnetManifest;
    expect(written).toEqual(devnet.manifest);
    expect(written.mnemonic).toBe(TEST_MNEMONIC);
    expect(written.networkId).toBe(registry.networkId);
    for (const key of ['metalayerApi', 'dappUrl', 'dappUrl2', 'wagmiDappUrl'] as const) expect(written[key]).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(new URL(written.dappUrl).origin).not.toBe(new URL(written.dappUrl2).origin);
    expect(written.chains[1]).toMatchObject({ chainId: 901, framework: 'op-stack', name: 'ERA Devnet OP' });
    expect(Object.keys(written.chains[1]!.tokens)).toEqual(['USDC', 'USDT', 'DAI', 'WETH', 'ERA']);
  });

  it('serves GET /v1/network with registry entries plus rpcUrl', async () => {
    const response = await fetch(`${devnet.manifest.metalayerApi}/v1/network`);
    expect(response.status).toBe(200);
    const info = (await response.json()) as NetworkInfo;
    expect(info.networkId).toBe(registry.networkId);
    expect(info.epochMs).toBe(2000);
    expect(info.rollups.map((r) => r.chainId)).toEqual([900, 901, 902]);
    for (const rollup of info.rollups) {
      const entry = registry.chains.find((c) => c.chainId === rollup.chainId)!;
      expect(rollup).toEqual({ ...entry, rpcUrl: devnet.manifest.chains.find((c) => c.chainId === rollup.chainId)!.rpcUrl });
    }
  });

  it('serves the test dApp on two origins, with its config', async () => {
    for (const url of [devnet.manifest.dappUrl, devnet.manifest.dappUrl2]) {
      const page = await (await fetch(url)).text();
      for (const id of ['dapp-connect', 'dapp-personal-sign', 'dapp-sign-typed', 'dapp-send-tx', 'dapp-switch-chain', 'dapp-add-chain', 'dapp-watch-asset', 'dapp-get-accounts', 'dapp-revoke', 'dapp-log', 'dapp-accounts', 'dapp-chain-id'])
        expect(page).toContain(`data-testid="${id}"`);
      const script = await fetch(new URL('/main.js', url));
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(await script.text()).toContain('eip6963:requestProvider');
      const config = (await (await fetch(new URL('/config.json', url))).json()) as { chains: { chainId: number; rpcUrl: string }[] };
      expect(config.chains.map((c) => c.chainId)).toEqual([900, 901, 902]);
    }
    const wagmi = await (await fetch(devnet.manifest.wagmiDappUrl)).text();
    expect(wagmi).toContain('data-testid="dapp-connect"');
    expect((await fetch(new URL('/wagmi.js', devnet.manifest.dappUrl))).status).toBe(200);
    expect((await fetch(new URL('/nope', devnet.manifest.dappUrl))).status).toBe(404);
  });
});

describe('startDevnet lifecycle', () => {
  it.each([0, 1025, 2.5, Number.NaN])('refuses %s guardians before starting anything (default 5, up to 1024)', async (guardians) => {
    await expect(startDevnet({ guardians, quiet: true, manifestPath: null, apiPort: 0 })).rejects.toThrow(/guardians must be an integer 1\.\.1024/);
  });

  it('starts twice in a row with identical addresses and leaves no anvil behind', async () => {
    const snapshots: { tokens: unknown; pids: number[] }[] = [];
    for (let i = 0; i < 2; i++) {
      const devnet = await startDevnet({ full: false, quiet: true, manifestPath: null, apiPort: 0 });
      try {
        const pids = devnet.manifest.pids;
        expect(pids).toHaveLength(3);
        expect(pids.every(processAlive)).toBe(true);
        snapshots.push({ tokens: devnet.manifest.chains.map((c) => [c.chainId, c.tokens, c.contracts]), pids });
      } finally {
        await devnet.stop();
      }
      expect(snapshots[i]!.pids.filter(processAlive)).toEqual([]);
    }
    expect(snapshots[1]!.tokens).toEqual(snapshots[0]!.tokens);
    expect(snapshots[1]!.pids).not.toEqual(snapshots[0]!.pids);
  });

  it('stop() is idempotent and removes the manifest it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'era-devnet-stop-'));
    const manifestPath = join(dir, 'manifest.json');
    const devnet = await startDevnet({ full: false, quiet: true, manifestPath, apiPort: 0 });
    expect(existsSync(manifestPath)).toBe(true);
    await devnet.stop();
    await devnet.stop();
    expect(devnet.manifest.pids.filter(processAlive)).toEqual([]);
    expect(existsSync(manifestPath)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
