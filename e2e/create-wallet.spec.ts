import { PASSWORD, expect, extensionUrl, shot, test } from './fixtures';

test('create a new wallet: risk warning first, then the phrase, confirm three words, password', async ({ wallet, context }) => {
  const page = await context.newPage();
  await page.goto(extensionUrl('onboarding.html'));
  await page.getByTestId('onboarding-create').click();
  await page.getByRole('radio', { name: '24 words' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Your recovery phrase is the wallet')).toBeVisible();
  await expect(page.getByTestId('recovery-phrase')).toHaveCount(0);
  await shot(page, 'onboarding-create-warning');
  await page.getByRole('button', { name: 'I understand, show it' }).click();
  const words = (await page.getByTestId('recovery-phrase').locator('.mono').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(24);
  expect(new Set(words).size).toBeGreaterThan(12);
  await shot(page, 'onboarding-create-phrase');
  await page.getByRole('button', { name: 'I wrote it down' }).click();

  const inputs = page.locator('[data-testid^="confirm-word-"]');
  await expect(inputs).toHaveCount(3);
  // A wrong word is caught before going on.
  const first = inputs.first();
  await first.fill('notaword');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/This is not word #/)).toHaveCount(3);
  for (const input of await inputs.all()) {
    const position = Number((await input.getAttribute('data-testid'))!.replace('confirm-word-', ''));
    await input.fill(words[position - 1]!);
  }
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByTestId('password-input').fill(PASSWORD);
  await page.getByTestId('password-confirm-input').fill(`${PASSWORD}!`);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByText('The passwords do not match.')).toBeVisible();
  await page.getByTestId('password-confirm-input').fill(PASSWORD);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('onboarding-done')).toBeVisible({ timeout: 60_000 });

  const popup = await wallet.openPopup();
  const address = await popup.getByTestId('account-address').getAttribute('data-address');
  expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
  expect(address).not.toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');

  // Rename the account; the header follows.
  await popup.getByTestId('account-switcher').click();
  await popup.getByRole('button', { name: /^Rename / }).click();
  await popup.getByTestId('account-rename-input').fill('Savings');
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.keyboard.press('Escape');
  await expect(popup.getByTestId('account-switcher')).toContainText('Savings');
});
