import { connectDapp, dappLog, decide, expect, openDapp, test } from './fixtures';

test('a second site gets no accounts until it has its own approval', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const first = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, first);

  const second = await openDapp(context, wallet.manifest.dappUrl2);
  expect(new URL(wallet.manifest.dappUrl2).origin).not.toBe(new URL(wallet.manifest.dappUrl).origin);
  await second.getByTestId('dapp-get-accounts').click();
  expect((await dappLog(second, 'eth_accounts')).result).toEqual([]);

  // Signing without a connection is refused outright (4100 unauthorized), with no window to click through.
  await second.getByTestId('dapp-personal-sign').click();
  expect((await dappLog(second, 'personal_sign')).error?.code).toBe(4100);

  const approval = await wallet.approvalWindow(() => second.getByTestId('dapp-connect').click());
  await expect(approval.getByTestId('approval-origin')).toHaveText(new URL(wallet.manifest.dappUrl2).origin);
  await decide(approval, 'approve');
  const line = await dappLog(second, 'eth_requestAccounts');
  expect((line.result as string[]).map((a) => a.toLowerCase())).toEqual([address.toLowerCase()]);
});
