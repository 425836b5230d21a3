import { stringToHex } from 'viem';
import { connectDapp, dappLog, decide, expect, openDapp, providerRequest, test } from './fixtures';

test('a second site gets no accounts until it has its own approval', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const first = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, first);

  const second = await openDapp(context, wallet.manifest.dappUrl2);
  expect(new URL(wallet.manifest.dappUrl2).origin).not.toBe(new URL(wallet.manifest.dappUrl).origin);
  await second.getByTestId('dapp-get-accounts').click();
  expect((await dappLog(second, 'eth_accounts')).result).toEqual([]);

  // Signing without a connection is refused outright (4100 unauthorized), with no window to click through.
  const refused = await providerRequest(second, 'personal_sign', [stringToHex('not yours'), address]);
  expect(refused.error?.code).toBe(4100);
  expect(wallet.context.pages().some((p) => p.url().includes('approval.html'))).toBe(false);

  const approval = await wallet.approvalWindow(() => second.getByTestId('dapp-connect').click());
  await expect(approval.getByTestId('approval-origin')).toHaveText(new URL(wallet.manifest.dappUrl2).origin);
  await decide(approval, 'approve');
  const line = await dappLog(second, 'eth_requestAccounts');
  expect((line.result as string[]).map((a) => a.toLowerCase())).toEqual([address.toLowerCase()]);
});
