import { ACCOUNT_0, PASSWORD, expect, extensionUrl, shot, test } from './fixtures';

test('import the anvil test mnemonic through onboarding; the popup shows the account and devnet balances', async ({ wallet, context }) => {
  const page = await context.newPage();
  await page.goto(extensionUrl('onboarding.html'));
  await expect(page.getByTestId('onboarding-create')).toBeVisible();
  await shot(page, 'onboarding-welcome');

  // A bad phrase gets a precise error from the background and nothing is created.
  await page.getByTestId('onboarding-import').click();
  await page.getByTestId('mnemonic-input').fill('test test test test test test test test test test test junkk');
  await page.getByTestId('password-input').fill(PASSWORD);
  await page.getByTestId('password-confirm-input').fill(PASSWORD);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('mnemonic-error')).toBeVisible({ timeout: 30_000 });
  await shot(page, 'onboarding-import-error');

  // The password policy is enforced before anything is sent.
  await page.getByTestId('mnemonic-input').fill(wallet.manifest.mnemonic);
  await page.getByTestId('password-input').fill('password');
  await page.getByTestId('password-confirm-input').fill('password');
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByText('too easy to guess')).toBeVisible();

  await page.getByTestId('password-input').fill(PASSWORD);
  await page.getByTestId('password-confirm-input').fill(PASSWORD);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('onboarding-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('onboarding-done')).toContainText(ACCOUNT_0);
  await shot(page, 'onboarding-done');

  const popup = await wallet.openPopup();
  await expect(popup.getByTestId('account-address')).toHaveAttribute('data-address', ACCOUNT_0);
  await expect(popup.getByTestId('chain-selector')).toBeVisible();
  for (const chain of wallet.manifest.chains.filter((c) => c.chainId !== 900)) {
    await expect(popup.getByTestId(`balance-${chain.chainId}`)).toBeVisible({ timeout: 30_000 });
  }
  await shot(popup, 'popup-home');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await shot(popup, 'popup-home-dark');
  await popup.emulateMedia({ colorScheme: 'light' });

  await popup.getByTestId('receive-open').click();
  await expect(popup.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(popup.getByTestId('receive-address')).toHaveAttribute('data-address', ACCOUNT_0);
  await shot(popup, 'popup-receive');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('account-switcher').click();
  await popup.getByTestId('account-add').click();
  await expect(popup.getByTestId('accounts-sheet').getByRole('button', { name: /^Use / })).toHaveCount(1);
  await shot(popup, 'popup-accounts');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('settings-open').click();
  await expect(popup.getByTestId('settings-devnet-api')).toHaveValue(wallet.manifest.metalayerApi);
  await shot(popup, 'popup-settings');
  await popup.getByTestId('reveal-open').click();
  await popup.getByTestId('reveal-ack').click();
  await popup.getByTestId('reveal-password').fill(PASSWORD);
  await popup.getByTestId('reveal-submit').click();
  await expect(popup.getByTestId('reveal-phrase')).toContainText('junk');
  await popup.keyboard.press('Escape');

  await popup.getByTestId('lock-button').click();
  await expect(popup.getByTestId('unlock-password-input')).toBeVisible();
  await popup.getByTestId('unlock-password-input').fill('not the password');
  await popup.getByTestId('unlock-submit').click();
  await expect(popup.getByTestId('unlock-error')).toContainText('Wrong password');
  // Repeated failures earn a growing delay: the button waits and says how long.
  for (let i = 0; i < 2; i++) {
    await expect(popup.getByTestId('unlock-submit')).toBeEnabled({ timeout: 30_000 });
    await popup.getByTestId('unlock-submit').click();
  }
  await expect(popup.getByTestId('unlock-error')).toContainText(/Try again in \d+ s/);
  await expect(popup.getByTestId('unlock-submit')).toBeDisabled();
  await shot(popup, 'popup-unlock-wrong-password');
  await expect(popup.getByTestId('unlock-submit')).toBeEnabled({ timeout: 30_000 });
  await popup.getByTestId('unlock-password-input').fill(PASSWORD);
  await popup.getByTestId('unlock-submit').click();
  await expect(popup.getByTestId('account-address')).toBeVisible({ timeout: 30_000 });
});
