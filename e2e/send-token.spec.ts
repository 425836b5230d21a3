import { createPublicClient, erc20Abi, http, parseUnits, type Address, type Hex } from 'viem';
import { ACCOUNT_0, ACCOUNT_1, expect, shot, test } from './fixtures';

test('popup Send: USDC on the OP Stack rollup (901) with the L2 + L1 data fee shown; the recipient gains exactly the amount', async ({ wallet }) => {
  await wallet.importTestMnemonic();
  const chain = wallet.manifest.chains.find((c) => c.chainId === 901)!;
  const usdc = chain.tokens.USDC as Address;
  expect(usdc, 'USDC is deployed on 901').toBeTruthy();
  const client = createPublicClient({ transport: http(chain.rpcUrl) });
  const balanceOf = (address: Address) => client.readContract({ address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
  const before = { from: await balanceOf(ACCOUNT_0), to: await balanceOf(ACCOUNT_1) };

  const popup = await wallet.openPopup();
  await popup.getByTestId('send-open').click();
  await popup.getByTestId('send-chain').selectOption('901');
  const assetSelect = popup.getByTestId('send-asset-select');
  // The ERC-20s come from the portfolio read of this account (devnet registry tokens with balances).
  await expect(assetSelect.locator('option', { hasText: 'USDC' })).toHaveCount(1, { timeout: 30_000 });
  await assetSelect.selectOption({ label: 'USDC' });
  await expect(assetSelect).toHaveValue(new RegExp(usdc, 'i'));
  await expect(popup.getByText('Amount (USDC)')).toBeVisible();

  // Before the form is complete there is no fee to show.
  await expect(popup.getByTestId('send-fee')).toHaveAttribute('data-status', 'idle');
  await popup.getByTestId('send-to').fill(ACCOUNT_1);
  await popup.getByTestId('send-amount').fill('12.345678');
  // Too many decimals for a 6-decimal token is refused by the form.
  await popup.getByTestId('send-amount').fill('1.0000001');
  await popup.getByTestId('send-submit').click();
  await expect(popup.getByText('At most 6 decimals')).toBeVisible();
  await popup.getByTestId('send-amount').fill('12.345678');

  const fee = popup.getByTestId('send-fee');
  await expect(fee).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  const l1 = popup.getByTestId('send-fee-l1');
  await expect(l1).toContainText('L1 data fee (OP Stack)');
  const l1Wei = BigInt((await l1.locator('[data-wei]').getAttribute('data-wei'))!);
  const l2Wei = BigInt((await popup.getByTestId('send-fee-l2').locator('[data-wei]').getAttribute('data-wei'))!);
  const totalWei = BigInt((await fee.getAttribute('data-total-wei'))!);
  expect(l1Wei).toBeGreaterThan(0n);
  expect(l2Wei).toBeGreaterThan(0n);
  expect(totalWei).toBe(l1Wei + l2Wei);
  await expect(l1).toContainText('ETH');
  await shot(popup, 'popup-send-token-fee');

  await popup.getByTestId('send-submit').click();
  const hash = (await popup.getByTestId('send-hash').textContent()) as Hex;
  await shot(popup, 'popup-send-token-submitted');
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  expect(receipt.status).toBe('success');
  expect(receipt.to?.toLowerCase()).toBe(usdc.toLowerCase());
  const amount = parseUnits('12.345678', 6);
  expect((await balanceOf(ACCOUNT_1)) - before.to).toBe(amount);
  expect(before.from - (await balanceOf(ACCOUNT_0))).toBe(amount);
  // The L2 part is an upper bound of what the chain charged for execution.
  expect(receipt.gasUsed * receipt.effectiveGasPrice).toBeLessThanOrEqual(l2Wei);

  // Other frameworks: Arbitrum Orbit (902) shows its NodeInterface L1 component; the L1 (900) has none.
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup.getByTestId('send-open').click();
  await popup.getByTestId('send-chain').selectOption('902');
  await expect(popup.getByTestId('send-asset-select')).toHaveValue('native');
  await popup.getByTestId('send-to').fill(ACCOUNT_1);
  await popup.getByTestId('send-amount').fill('0.001');
  await expect(popup.getByTestId('send-fee')).toHaveAttribute('data-chain-id', '902', { timeout: 20_000 });
  await expect(popup.getByTestId('send-fee-l1')).toContainText('L1 data fee (Arbitrum)');
  expect(BigInt((await popup.getByTestId('send-fee-l1').locator('[data-wei]').getAttribute('data-wei'))!)).toBeGreaterThan(0n);
  await shot(popup, 'popup-send-fee-orbit');
  await popup.getByTestId('send-chain').selectOption('900');
  await expect(popup.getByTestId('send-fee')).toHaveAttribute('data-chain-id', '900', { timeout: 20_000 });
  await expect(popup.getByTestId('send-fee-l1')).toHaveCount(0);
});
