import { chromium, type Browser } from 'playwright-core';
import { createPublicClient, http, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkInfo } from './api/network.js';
import { CHROMIUM, CHROMIUM_ARGS, installAnvilWallet, logAfter } from './dapp/anvilWallet.js';
import { startDevnet, type Devnet } from './network.js';
import { registry } from './registry.js';
import { processAlive } from './anvil';


describe('full devnet with the Metalayer', () => {
  let devnet: Devnet;
  let browser: Browser | undefined;

  beforeAll(async () => {
    devnet = await startDevnet({ quiet: true, manifestPath: null, apiPort: 0 });
  });
  afterAll(async () => {
    await browser?.close();
    const pids = devnet?.manifest.pids ?? [];
    await devnet?.stop();
    expect(pids.filter(processAlive)).toEqual([]);
  });

  it('merges the Metalayer outputs into the manifest, pinned like devnet.json', () => {
    const m = devnet.manifest;
    expect(m.metalayer).toBe(true);
    expect(devnet.metalayer).not.toBeNull();
    expect(m.networkId).toBe(registry.networkId);
    expect(m.genesisGuardianSetHash).toBe(registry.genesisGuardianSetHash);
    expect(m.staking?.chainId).toBe(900);
    expect(m.staking?.era.toLowerCase()).toBe(m.chains[0]!.tokens.ERA!.toLowerCase());
    expect(m.chains.map((c) => c.chainId)).toEqual([900, 901, 902, 903, 904]);
    for (const chain of m.chains) {
      expect(chain.mailbox).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(chain.merkleTreeHook).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(chain.rpcUrl).not.toBe(chain.directRpcUrl);
    }
  });

  it('routes clients through the fault proxies, which answer for the right chains', async () => {
    for (const chain of devnet.manifest.chains) {
      const client = createPublicClient({ transport: http(chain.rpcUrl) });
      expect(await client.getChainId()).toBe(chain.chainId);
    }
  });

  it('serves /v1/network with Hyperlane addresses and the Metalayer routes on the same API', async () => {
    const api = devnet.manifest.metalayerApi;
    const info = (await (await fetch(`${api}/v1/network`)).json()) as NetworkInfo;
    expect(info.genesisGuardianSetHash).toBe(registry.genesisGuardianSetHash);
    expect(info.rollups.map((r) => [r.chainId, r.rpcUrl, r.mailbox])).toEqual(devnet.manifest.chains.map((c) => [c.chainId, c.rpcUrl, c.mailbox]));
    await expect
      .poll(async () => (await fetch(`${api}/v1/checkpoints/latest`)).status, { timeout: 15_000, interval: 250 })
      .toBe(200);
  });

  it.skipIf(!CHROMIUM)('the dApp sends a Hyperlane message 901 → 902 through the wallet and sees it delivered', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.addInitScript(installAnvilWallet, devnet.manifest.chains.map(({ chainId, rpcUrl }) => ({ chainId, rpcUrl })));
    await page.goto(devnet.manifest.dappUrl);
    await logAfter(page, 'eth_requestAccounts', () => page.getByTestId('dapp-connect').click());
    await page.getByTestId('dapp-hyperlane-body').fill('gm from 901');
    const sent = await logAfter(page, 'hyperlane_send', () => page.getByTestId('dapp-hyperlane-send').click());
    expect(sent.error).toBeUndefined();
    expect(sent.result).toMatchObject({ origin: 901, destination: 902, delivered: true });
    expect(await page.getByTestId('dapp-hyperlane-status').getAttribute('data-state')).toBe('delivered');
    const messageId = (sent.result as { messageId: Hex }).messageId;
    const mailbox = devnet.manifest.chains.find((c) => c.chainId === 902)!.mailbox!;
    const client = createPublicClient({ transport: http(devnet.manifest.chains.find((c) => c.chainId === 902)!.directRpcUrl) });
    const delivered = await client.readContract({
      address: mailbox,
      abi: [{ type: 'function', name: 'delivered', stateMutability: 'view', inputs: [{ type: 'bytes32' }], outputs: [{ type: 'bool' }] }],
      functionName: 'delivered',
      args: [messageId],
    });
    expect(delivered).toBe(true);
  }, 90_000);
});

describe('full devnet determinism', () => {
  it('the same seed gives the same chain ids, contract addresses and guardian set on every start', async () => {
    const picture = (d: Devnet) => ({
      networkId: d.manifest.networkId,
      genesis: d.manifest.genesisGuardianSetHash,
      staking: d.manifest.staking,
      chains: d.manifest.chains.map(({ chainId, tokens, contracts, mailbox, merkleTreeHook, ism, testRecipient }) => ({ chainId, tokens, contracts, mailbox, merkleTreeHook, ism, testRecipient })),
    });
    const seen: ReturnType<typeof picture>[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await startDevnet({ seed: 'determinism-check', quiet: true, manifestPath: null, apiPort: 0 });
      try {
        seen.push(picture(d));
      } finally {
        await d.stop();
      }
    }
    expect(seen[1]).toEqual(seen[0]);
    // A different seed keeps the chain contracts but changes the guardians (keys derive from the seed).
    expect(seen[0]!.genesis).not.toBe(registry.genesisGuardianSetHash);
    expect(seen[0]!.chains.map((c) => c.tokens)).toEqual(registry.chains.map((c) => Object.fromEntries(c.tokens.map((t) => [t.symbol, t.address]))));
  }, 300_000);
});
