import { PASSWORD, expect, extensionUrl, shot, test } from './fixtures';

// anvil's third default account: a published test key, never used outside local chains.
const KEY = '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const ADDRESS = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

test('import a single private key at onboarding; a malformed key is refused with a clear message', async ({ wallet, context }) => {
  const page = await context.newPage();
  await page.goto(extensionUrl('onboarding.html'));
  await page.getByTestId('onboarding-import').click();
  await page.getByRole('radio', { name: 'Private key' }).click();
  await page.getByTestId('mnemonic-input').fill('0x1234');
  await page.getByTestId('password-input').fill(PASSWORD);
  await page.getByTestId('password-confirm-input').fill(PASSWORD);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('mnemonic-error')).toContainText('64 hexadecimal characters');
  await shot(page, 'onboarding-private-key-error');

  await page.getByTestId('mnemonic-input').fill(KEY);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('onboarding-done')).toContainText(ADDRESS, { timeout: 60_000 });

  const popup = await wallet.openPopup();
  await expect(popup.getByTestId('account-address')).toHaveAttribute('data-address', ADDRESS);
  await popup.getByTestId('account-switcher').click();
  await expect(popup.getByTestId('accounts-sheet')).toContainText('imported');
});
