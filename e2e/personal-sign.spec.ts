import { verifyMessage, type Hex } from 'viem';
import { connectDapp, dappLog, decide, expect, openDapp, test } from './fixtures';

test('personal_sign shows the whole message and returns a signature that verifies', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);

  const message = 'Hello from the ERA e2e suite ✓ — line one\nline two';
  await dapp.getByTestId('dapp-message-input').fill(message);
  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-personal-sign').click());
  await expect(approval.getByTestId('approval-origin')).toHaveText(new URL(wallet.manifest.dappUrl).origin);
  // The input field is single-line, so the page sends what it kept: compare with the dApp's own value.
  const sent = await dapp.getByTestId('dapp-message-input').inputValue();
  await expect(approval.getByTestId('approval-message')).toHaveText(sent);
  await decide(approval, 'approve', 'approval-personal-sign');

  const line = await dappLog(dapp, 'personal_sign');
  expect(line.error).toBeUndefined();
  const signature = line.result as Hex;
  expect(await verifyMessage({ address: address as Hex, message: sent, signature })).toBe(true);
});
