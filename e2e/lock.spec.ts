import { verifyMessage, type Hex } from 'viem';
import { connectDapp, dappLog, decide, expect, openDapp, shot, test } from './fixtures';

test('after locking, a new request waits in the approval window until the user unlocks', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);

  const popup = await wallet.openPopup();
  await popup.getByTestId('lock-button').click();
  await expect(popup.getByTestId('unlock-password-input')).toBeVisible();
  await shot(popup, 'popup-locked');

  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-personal-sign').click());
  await expect(approval.getByTestId('unlock-password-input')).toBeVisible();
  await shot(approval, 'approval-locked');
  expect(await dapp.locator('[data-testid="dapp-log-entry"][data-action="personal_sign"]').count()).toBe(0);

  await wallet.unlock(approval);
  await expect(approval.getByTestId('approval-personal_sign')).toBeVisible({ timeout: 30_000 });
  await decide(approval, 'approve');
  const line = await dappLog(dapp, 'personal_sign');
  const message = await dapp.getByTestId('dapp-message-input').inputValue();
  expect(await verifyMessage({ address: address as Hex, message, signature: line.result as Hex })).toBe(true);
});
