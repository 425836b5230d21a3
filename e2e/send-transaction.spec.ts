import { createPublicClient, http, parseEther, type Hex } from 'viem';
import { ACCOUNT_1, connectDapp, dappLog, decide, expect, openDapp, shot, test } from './fixtures';

test('eth_sendTransaction on a devnet rollup: the receipt succeeds and balances change; the popup Send form too', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const from = (await connectDapp(wallet, dapp)) as Hex;
  const chainId = Number(await dapp.getByTestId('dapp-chain-id').textContent());
  const chain = wallet.manifest.chains.find((c) => c.chainId === chainId);
  expect(chain, `dApp chain ${chainId} is a devnet chain`).toBeTruthy();
  const client = createPublicClient({ transport: http(chain!.rpcUrl) });
  const before = { from: await client.getBalance({ address: from }), to: await client.getBalance({ address: ACCOUNT_1 }) };

  await dapp.getByTestId('dapp-tx-to').fill(ACCOUNT_1);
  await dapp.getByTestId('dapp-tx-value').fill('0.25');
  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-send-tx').click());
  await expect(approval.getByTestId('approval-send_transaction')).toContainText(ACCOUNT_1);
  await expect(approval.getByTestId('approval-value')).toContainText('0.25');
  await decide(approval, 'approve', 'approval-send-transaction');

  const line = await dappLog(dapp, 'eth_sendTransaction');
  expect(line.error).toBeUndefined();
  const receipt = await client.waitForTransactionReceipt({ hash: line.result as Hex, pollingInterval: 100 });
  expect(receipt.status).toBe('success');
  const after = { from: await client.getBalance({ address: from }), to: await client.getBalance({ address: ACCOUNT_1 }) };
  expect(after.to - before.to).toBe(parseEther('0.25'));
  expect(before.from - after.from).toBeGreaterThan(parseEther('0.25'));

  // The popup's own Send form: a wrong EIP-55 checksum is blocked, the right one sends.
  const popup = await wallet.openPopup();
  await popup.getByTestId('send-open').click();
  await popup.getByTestId('send-chain').selectOption(String(chainId));
  const badChecksum = ACCOUNT_1.replace('70997970C5', '70997970c5');
  await popup.getByTestId('send-to').fill(badChecksum);
  await popup.getByTestId('send-amount').fill('0.5');
  await expect(popup.getByTestId('send-checksum-error')).toBeVisible();
  await expect(popup.getByTestId('send-submit')).toBeDisabled();
  await shot(popup, 'popup-send-bad-checksum');
  await popup.getByTestId('send-to').fill(ACCOUNT_1);
  await popup.getByTestId('send-submit').click();
  const hash = (await popup.getByTestId('send-hash').textContent()) as Hex;
  await shot(popup, 'popup-send-submitted');
  const popupReceipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  expect(popupReceipt.status).toBe('success');
  expect((await client.getBalance({ address: ACCOUNT_1 })) - after.to).toBe(parseEther('0.5'));
});
