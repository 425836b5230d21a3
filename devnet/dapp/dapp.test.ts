import { chromium, type Browser, type Page } from 'playwright-core';
import { createPublicClient, http, verifyMessage, verifyTypedData, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../network.js';
import { CHROMIUM, CHROMIUM_ARGS, installAnvilWallet, lastLog, logAfter, type Chains, type LogLine } from './anvilWallet.js';


describe.skipIf(!CHROMIUM)('test dApp in Chromium', () => {
  let devnet: Devnet;
  let browser: Browser;
  let chains: Chains;

  beforeAll(async () => {
    devnet = await startDevnet({ full: false, quiet: true, manifestPath: null, apiPort: 0 });
    chains = devnet.manifest.chains.map(({ chainId, rpcUrl }) => ({ chainId, rpcUrl }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await devnet?.stop();
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(installAnvilWallet, chains);
    await page.goto(url);
    return page;
  }

  it('discovers the wallet via EIP-6963 and runs every request, logging one JSON line each', async () => {
    const page = await open(devnet.manifest.dappUrl);
    await page.getByTestId('dapp-wallet').first().waitFor();
    expect(await page.getByTestId('dapp-wallet').getAttribute('data-rdns')).toBe('dev.anvil.testwallet');
    expect((await lastLog(page, 'eip6963:announceProvider')).result).toMatchObject({ rdns: 'dev.anvil.testwallet' });

    // Errors before connecting are logged, not thrown.
    expect((await logAfter(page, 'personal_sign', () => page.getByTestId('dapp-personal-sign').click())).error).toMatchObject({ code: 'NOT_CONNECTED' });

    const connect = await logAfter(page, 'eth_requestAccounts', () => page.getByTestId('dapp-connect').click());
    const account = (connect.result as Address[])[0]!;
    expect(account.toLowerCase()).toBe('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
    await expect.poll(() => page.getByTestId('dapp-accounts').textContent()).toBe(account);
    await expect.poll(() => page.getByTestId('dapp-chain-id').textContent()).toBe('901');

    await page.getByTestId('dapp-message-input').fill('sign me, devnet');
    const personal = await logAfter(page, 'personal_sign', () => page.getByTestId('dapp-personal-sign').click());
    expect(await verifyMessage({ address: account, message: 'sign me, devnet', signature: personal.result as Hex })).toBe(true);

    const typed = await logAfter(page, 'eth_signTypedData_v4', () => page.getByTestId('dapp-sign-typed').click());
    const domain = { name: 'Ether Mail', version: '1', chainId: 901, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' } as const;
    const types = { Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }], Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person' }, { name: 'contents', type: 'string' }] } as const;
    const message = { from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' }, to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' }, contents: 'Hello, Bob!' } as const;
    expect(await verifyTypedData({ address: account, domain, types, primaryType: 'Mail', message, signature: typed.result as Hex })).toBe(true);

    await page.getByTestId('dapp-tx-value').fill('0.25');
    const sent = await logAfter(page, 'eth_sendTransaction', () => page.getByTestId('dapp-send-tx').click());
    const client = createPublicClient({ transport: http(chains.find((c) => c.chainId === 901)!.rpcUrl) });
    const receipt = await client.waitForTransactionReceipt({ hash: sent.result as Hex });
    expect(receipt.status).toBe('success');
    expect((await client.getTransaction({ hash: sent.result as Hex })).value).toBe(250_000_000_000_000_000n);

    await page.getByTestId('dapp-chain-input').fill('902');
    await page.getByTestId('dapp-switch-chain').click();
    await expect.poll(() => page.getByTestId('dapp-chain-id').textContent()).toBe('902');
    expect((await lastLog(page, 'event:chainChanged')).result).toBe('0x386');

    await page.getByTestId('dapp-chain-input').fill('12345');
    expect((await logAfter(page, 'wallet_switchEthereumChain', () => page.getByTestId('dapp-switch-chain').click())).error).toMatchObject({ code: 4902 });

    await page.getByTestId('dapp-chain-input').fill('901');
    expect(await logAfter(page, 'wallet_addEthereumChain', () => page.getByTestId('dapp-add-chain').click())).toEqual({ action: 'wallet_addEthereumChain', result: null });
    expect(await logAfter(page, 'wallet_watchAsset', () => page.getByTestId('dapp-watch-asset').click())).toEqual({ action: 'wallet_watchAsset', result: true });

    await logAfter(page, 'wallet_revokePermissions', () => page.getByTestId('dapp-revoke').click());
    await expect.poll(() => page.getByTestId('dapp-accounts').textContent()).toBe('');

    // Every log entry is one JSON object with an action and exactly one of result / error.
    const lines = await page.getByTestId('dapp-log-entry').allTextContents();
    for (const line of lines) {
      const parsed = JSON.parse(line) as LogLine;
      expect(typeof parsed.action).toBe('string');
      expect(('result' in parsed) !== ('error' in parsed)).toBe(true);
    }
    await page.close();
  });

  it('shows balances on every chain, read through its own RPC clients', async () => {
    const page = await open(devnet.manifest.dappUrl2);
    const balances = (await logAfter(page, 'balances', () => page.getByTestId('dapp-refresh-balances').click())).result as Record<string, Record<string, string>>;
    expect(Object.keys(balances)).toEqual(['900', '901', '902']);
    expect(balances['901']).toMatchObject({ 'ETH (native)': expect.stringMatching(/^\d+/), USDC: '1000000', WETH: '100', ERA: '100000' });
    expect(await page.getByTestId('dapp-balance-902').textContent()).toContain('1000000 USDC');
    await page.close();
  });

  it('the wagmi page connects through EIP-6963 discovery and signs a message', async () => {
    const page = await open(devnet.manifest.wagmiDappUrl);
    await page.locator('[data-testid="dapp-wallet"][data-rdns="dev.anvil.testwallet"]').waitFor();
    const connect = await logAfter(page, 'connect', () => page.getByTestId('dapp-connect').click());
    expect(connect.result).toMatchObject({ connector: 'dev.anvil.testwallet', chainId: 901 });
    const account = (connect.result as { accounts: Address[] }).accounts[0]!;
    await expect.poll(() => page.getByTestId('dapp-accounts').textContent()).toBe(account);
    await page.getByTestId('dapp-message-input').fill('wagmi says hi');
    const signed = await logAfter(page, 'signMessage', () => page.getByTestId('dapp-personal-sign').click());
    expect(await verifyMessage({ address: account, message: 'wagmi says hi', signature: signed.result as Hex })).toBe(true);
    await page.close();
  });
});
