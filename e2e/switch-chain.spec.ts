import { connectDapp, dappLog, decide, expect, openDapp, test } from './fixtures';

test('wallet_switchEthereumChain: after approval chainChanged reaches the dApp', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  await connectDapp(wallet, dapp);
  const current = Number(await dapp.getByTestId('dapp-chain-id').textContent());
  const target = wallet.manifest.chains.map((c) => c.chainId).find((id) => id !== current && id !== 900)!;

  await dapp.getByTestId('dapp-chain-input').fill(String(target));
  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-switch-chain').click());
  await expect(approval.getByTestId('approval-switch_chain')).toBeVisible();
  await decide(approval, 'approve', 'approval-switch-chain');

  const event = await dappLog(dapp, 'event:chainChanged');
  expect(event.result).toBe(`0x${target.toString(16)}`);
  await expect(dapp.getByTestId('dapp-chain-id')).toHaveText(String(target));
  const line = await dappLog(dapp, 'wallet_switchEthereumChain');
  expect(line.error).toBeUndefined();
});
