import { createPublicClient, http, parseEther, toHex } from 'viem';
import { startAnvil } from '../devnet/anvil';
import { ACCOUNT_1, connectDapp, decide, expect, openDapp, providerRequest, shot, test } from './fixtures';

test('watchAsset, sendCalls and addEthereumChain each read as a sentence and resolve as decided', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const from = await connectDapp(wallet, dapp);
  const chainId = Number(await dapp.getByTestId('dapp-chain-id').textContent());
  const chain = wallet.manifest.chains.find((c) => c.chainId === chainId)!;

  const usdc = chain.tokens.USDC!;
  const watching = providerRequest(dapp, 'wallet_watchAsset', [{ type: 'ERC20', options: { address: usdc, symbol: 'USDC', decimals: 6 } }]);
  const watch = await wallet.approvalWindow(() => Promise.resolve());
  await expect(watch.getByTestId('approval-watch_asset')).toContainText(usdc);
  await decide(watch, 'approve', 'approval-watch-asset');
  expect((await watching).result).toBe(true);

  const client = createPublicClient({ transport: http(chain.rpcUrl) });
  const before = await client.getBalance({ address: ACCOUNT_1 });
  const calls = [
    { to: ACCOUNT_1, value: toHex(parseEther('0.01')), data: '0x' },
    { to: ACCOUNT_1, value: toHex(parseEther('0.02')), data: '0x' },
  ];
  const sending = providerRequest(dapp, 'wallet_sendCalls', [{ version: '2.0.0', chainId: toHex(chainId), from, atomicRequired: false, calls }]);
  const batch = await wallet.approvalWindow(() => Promise.resolve());
  await expect(batch.getByTestId('approval-send_calls')).toContainText('Call 2');
  await decide(batch, 'approve', 'approval-send-calls');
  const sent = await sending;
  expect(sent.error).toBeUndefined();
  await expect.poll(async () => (await client.getBalance({ address: ACCOUNT_1 })) - before, { timeout: 20_000 }).toBe(parseEther('0.03'));

  // A chain the wallet does not know, with a real RPC behind it (the wallet checks its eth_chainId first).
  const extra = await startAnvil({ chainId: 31337 });
  try {
    const request = [{ chainId: toHex(31337), chainName: 'Site-supplied devnet', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [extra.rpcUrl] }];
    const rejecting = providerRequest(dapp, 'wallet_addEthereumChain', request);
    const add = await wallet.approvalWindow(() => Promise.resolve());
    await expect(add.getByTestId('approval-add_chain')).toContainText('31337');
    await expect(add.getByTestId('approval-warning-custom_chain')).toBeVisible();
    await decide(add, 'reject', 'approval-add-chain');
    expect((await rejecting).error?.code).toBe(4001);

    const adding = providerRequest(dapp, 'wallet_addEthereumChain', request);
    await decide(await wallet.approvalWindow(() => Promise.resolve()), 'approve');
    expect((await adding).error).toBeUndefined();
    await expect(dapp.getByTestId('dapp-chain-id')).toHaveText('31337');
  } finally {
    await extra.stop();
  }

  // That chain's RPC is gone now: the popup marks it offline and still shows every other balance.
  const popup = await wallet.openPopup();
  await popup.getByRole('button', { name: 'Refresh balances' }).click();
  await expect(popup.getByTestId('balance-row-31337')).toContainText('offline', { timeout: 30_000 });
  await expect(popup.getByTestId(`balance-${chainId}`)).toBeVisible();
  await expect(popup.getByTestId('portfolio-total')).toContainText('ETH');
  await shot(popup, 'popup-offline-chain');
});
