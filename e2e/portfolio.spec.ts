import { createPublicClient, createWalletClient, http, parseEther, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { toInteroperableName } from '../src/core/chains/interopAddress';
import { formatUsd } from '../src/core/portfolio/usd';
import { ACCOUNT_0, ACCOUNT_1, expect, shot, test } from './fixtures';
import { expectedUsd, settledUsd, viemChain, type ManifestChain } from './portfolioTotals';

// Proofs need the Metalayer: this journey always runs on the full devnet (900-904 + guardians).
test.use({ fullDevnet: true });

async function setFault(api: string, method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
  const res = await fetch(`${api}/admin/faults`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(res.status, await res.clone().text()).toBe(200);
}

test('portfolio: proven USD total across rollups, refresh, faucet, lying RPC alarm, offline rollup', async ({ wallet, devnet }) => {
  test.setTimeout(300_000);
  const chains = wallet.manifest.chains as unknown as ManifestChain[];
  const api = wallet.manifest.metalayerApi;
  await wallet.importTestMnemonic();
  const popup = await wallet.openPopup();
  const holder = ACCOUNT_0 as Address;

  await test.step('total = Σ on-chain balances × oracle prices', async () => {
    await expect(popup.getByTestId('portfolio-refresh')).toBeVisible();
    const expected = await expectedUsd(chains, holder);
    expect(expected.usd).toBeGreaterThan(0n);
    await expect.poll(() => settledUsd(popup), { timeout: 90_000 }).toBe(expected.usd.toString());
    await expect(popup.getByTestId('portfolio-total')).toContainText(formatUsd(expected.usd));
    await expect(popup.getByTestId('proof-mismatch-alarm')).toHaveCount(0);
    await expect(popup.getByTestId('verification-status')).toHaveAttribute('data-state', 'ok');
    await expect(popup.getByTestId('verification-status')).toHaveAttribute('data-epoch', /^\d+$/);
    for (const c of chains) await expect(popup.getByTestId(`chain-status-${c.chainId}`)).toHaveAttribute('data-status', 'ok');
    // The same token on several rollups is one row that opens into one row per chain holding it.
    const usdcChains = chains.filter((c) => (expected.balances.get(`${c.chainId}:USDC:6`) ?? 0n) > 0n);
    expect(usdcChains.length).toBeGreaterThanOrEqual(2);
    await popup.getByTestId('asset-row-USDC-6').getByRole('button').first().click();
    for (const c of usdcChains) {
      const row = popup.getByTestId(`asset-chain-row-USDC-6-${c.chainId}`);
      await expect(row).toBeVisible();
      await expect(row.locator('[data-status]')).toHaveAttribute('data-status', /verified|unverifiable/);
    }
    await expect(popup.getByTestId('asset-chains-USDC-6').locator('.row')).toHaveCount(usdcChains.length);
    // An OP-stack rollup's balances are proven against the Guardian checkpoint.
    await expect(popup.getByTestId('asset-chain-row-USDC-6-901').locator('[data-status]')).toHaveAttribute('data-status', 'verified');
    await shot(popup, 'portfolio-home');
    await popup.getByTestId('rollup-totals-toggle').click();
    for (const c of chains) await expect(popup.getByTestId(`rollup-total-${c.chainId}`)).toContainText(formatUsd(expected.perChain.get(c.chainId)!));
    await shot(popup, 'portfolio-per-rollup');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'portfolio-home-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('a new popup paints the cached portfolio at once, then refreshes', async () => {
    const second = await wallet.openPopup();
    await expect(second.getByTestId('portfolio-freshness')).toHaveAttribute('data-stale', 'true');
    await expect(second.getByTestId('portfolio-total')).toHaveAttribute('data-usd', /^\d+$/);
    await expect(second.getByTestId('portfolio-loading')).toHaveCount(0);
    await second.close();
  });

  await test.step('receive shows the ERC-7930 interoperable address of the chosen chain', async () => {
    await popup.getByTestId('receive-open').click();
    await popup.getByTestId('receive-chain').selectOption('902');
    const text = await popup.getByTestId('receive-interop').textContent();
    expect(text).toMatch(/^0x[0-9a-fA-F]{40}@eip155:902#[0-9A-F]{8}$/);
    expect(text).toBe(toInteroperableName(holder, 902));
    await shot(popup, 'portfolio-receive-interop');
    await popup.keyboard.press('Escape');
  });

  await test.step('a transfer on one rollup shows after a refresh', async () => {
    const c902 = chains.find((c) => c.chainId === 902)!;
    const signer = createWalletClient({ chain: viemChain(c902), transport: http(c902.directRpcUrl), account: mnemonicToAccount(wallet.manifest.mnemonic) });
    const reader = createPublicClient({ chain: viemChain(c902), transport: http(c902.directRpcUrl) });
    const before = (await expectedUsd(chains, holder)).usd;
    const hash = await signer.sendTransaction({ to: ACCOUNT_1 as Address, value: parseEther('3') });
    expect((await reader.waitForTransactionReceipt({ hash })).status).toBe('success');
    const expected = await expectedUsd(chains, holder);
    expect(expected.usd).toBeLessThan(before);
    await popup.getByTestId('portfolio-refresh').click();
    await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe(expected.usd.toString());
    await expect(popup.getByTestId('portfolio-chart')).toBeVisible();
  });

  await test.step('devnet faucet funds the chosen rollup, then the portfolio refreshes', async () => {
    const before = (await expectedUsd(chains, holder)).usd;
    await popup.getByTestId('chain-selector').selectOption('901');
    await popup.getByTestId('faucet-button').click();
    await expect(popup.getByTestId('faucet-result')).toHaveAttribute('data-tone', 'info', { timeout: 30_000 });
    const expected = await expectedUsd(chains, holder);
    expect(expected.usd).toBeGreaterThan(before);
    await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe(expected.usd.toString());
  });

  await test.step('a lying RPC raises the mismatch alarm and its amounts leave the total', async () => {
    await setFault(api, 'POST', { kind: 'lyingRpc', chainId: 901 });
    try {
      const honest = await expectedUsd(chains, holder);
      const withoutLiar = honest.usd - honest.perChain.get(901)!;
      await popup.getByTestId('portfolio-refresh').click();
      await expect(popup.getByTestId('proof-mismatch-alarm')).toBeVisible({ timeout: 60_000 });
      await expect(popup.getByTestId('proof-mismatch-alarm')).toContainText('ERA Devnet OP');
      await expect(popup.getByTestId('proof-alarm-901')).toHaveAttribute('data-assets', /(^|,)ETH(,|$)/);
      await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe(withoutLiar.toString());
      const ethRow = popup.getByTestId('asset-chain-row-ETH-18-901');
      if (!(await ethRow.isVisible())) await popup.getByTestId('asset-row-ETH-18').getByRole('button').first().click();
      await expect(ethRow.locator('[data-status]')).toHaveAttribute('data-status', 'mismatch');
      await expect(ethRow).toContainText('not counted');
      await popup.getByTestId('proof-mismatch-alarm').scrollIntoViewIfNeeded();
      await shot(popup, 'portfolio-mismatch-alarm');
    } finally {
      await setFault(api, 'DELETE');
    }
    await popup.getByTestId('portfolio-refresh').click();
    const expected = await expectedUsd(chains, holder);
    await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe(expected.usd.toString());
    await expect(popup.getByTestId('proof-mismatch-alarm')).toHaveCount(0);
  });

  await test.step('a stopped rollup is marked offline and the others still load', async () => {
    const expected = await expectedUsd(chains, holder);
    const victim = devnet.chains.find((c) => c.entry.chainId === 902)!;
    await victim.anvil.stop();
    await popup.getByTestId('portfolio-refresh').click();
    await expect(popup.getByTestId('chain-status-902')).not.toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
    for (const c of chains.filter((c) => c.chainId !== 902)) await expect(popup.getByTestId(`chain-status-${c.chainId}`)).toHaveAttribute('data-status', 'ok');
    const card = popup.getByTestId('portfolio');
    await expect(card).toHaveAttribute('data-refreshing', 'false', { timeout: 60_000 });
    await expect(popup.getByTestId('portfolio-total')).toHaveAttribute('data-usd', (expected.usd - expected.perChain.get(902)!).toString(), { timeout: 60_000 });
    await shot(popup, 'portfolio-offline-rollup');
  });
});
