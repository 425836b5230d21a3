import { ACCOUNT_0, connectDapp, dappLog, expect, openDapp, shot, test } from './fixtures';

test('a dApp connects through EIP-6963 after the user approves; the popup lists and revokes the site', async ({ wallet, context }) => {
  await wallet.importTestMnemonic({ screenshots: true });
  const dapp = await openDapp(context, wallet.manifest.dappUrl);
  await expect(dapp.getByTestId('dapp-wallet').first()).toHaveAttribute('data-rdns', /.+/);

  const address = await connectDapp(wallet, dapp, 'approval-connect');
  expect(address.toLowerCase()).toBe(ACCOUNT_0.toLowerCase());
  await expect(dapp.getByTestId('dapp-accounts')).toHaveText(new RegExp(ACCOUNT_0, 'i'));
  await shot(dapp, 'dapp-connected');

  const popup = await wallet.openPopup();
  const origin = new URL(wallet.manifest.dappUrl).origin;
  await expect(popup.getByTestId('sites')).toContainText(origin);
  await shot(popup, 'popup-connected-sites');
  await popup.getByTestId('site-revoke').click();
  await expect(popup.getByTestId('sites')).not.toContainText(origin);

  await dapp.getByTestId('dapp-get-accounts').click();
  const line = await dappLog(dapp, 'eth_accounts');
  expect(line.result).toEqual([]);
});
