import { stringToHex, verifyMessage, type Hex } from 'viem';
import { connectDapp, decide, expect, openDapp, providerRequest, shot, test } from './fixtures';

test('after locking, a new request waits in the approval window until the user unlocks', async ({ wallet, context }) => {
  await wallet.importTestMnemonic();
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  const address = await connectDapp(wallet, dapp);

  const popup = await wallet.openPopup();
  await popup.getByTestId('lock-button').click();
  await expect(popup.getByTestId('unlock-password-input')).toBeVisible();
  await shot(popup, 'popup-locked');

  // While locked the site may see no accounts, so the request names the account it was granted.
  const message = 'Sign after unlock';
  let settled = false;
  const signing = providerRequest(dapp, 'personal_sign', [stringToHex(message), address]).finally(() => (settled = true));
  const approval = await wallet.approvalWindow(() => Promise.resolve());
  await expect(approval.getByTestId('unlock-password-input')).toBeVisible();
  await shot(approval, 'approval-locked');
  expect(settled).toBe(false);

  await expect(approval.getByText(`${new URL(wallet.manifest.dappUrl).origin} is waiting for you`)).toBeVisible();
  await wallet.unlock(approval);
  await expect(approval.getByTestId('approval-personal_sign')).toBeVisible({ timeout: 30_000 });
  await decide(approval, 'approve');
  const { result, error } = await signing;
  expect(error).toBeUndefined();
  expect(await verifyMessage({ address: address as Hex, message, signature: result as Hex })).toBe(true);

  // Locked again: saying no needs no password.
  await popup.getByTestId('lock-button').click();
  await expect(popup.getByTestId('unlock-password-input')).toBeVisible();
  const refused = providerRequest(dapp, 'personal_sign', [stringToHex('no thanks'), address]);
  const locked = await wallet.approvalWindow(() => Promise.resolve());
  await expect(locked.getByTestId('unlock-password-input')).toBeVisible();
  const closed = locked.waitForEvent('close');
  await locked.getByTestId('approval-reject-locked').click({ noWaitAfter: true }).catch(() => undefined);
  expect((await refused).error?.code).toBe(4001);
  await closed;
});
