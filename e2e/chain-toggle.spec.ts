import type { Address } from 'viem';
import type { Page } from '@playwright/test';
import { ACCOUNT_0, expect, shot, test } from './fixtures';
import { expectedUsd, settledUsd, type ManifestChain } from './portfolioTotals';

// Totals are compared after proofs (like portfolio.spec.ts), which need the Metalayer: full devnet.
test.use({ fullDevnet: true });

async function setChain(popup: Page, chainId: number, enabled: boolean, screenshot?: string): Promise<void> {
  await popup.getByTestId('settings-open').click();
  const toggle = popup.getByTestId(`chain-toggle-${chainId}`);
  await expect(toggle).toHaveAttribute('role', 'switch');
  await expect(toggle).toBeChecked({ checked: !enabled });
  await (enabled ? toggle.check() : toggle.uncheck());
  await expect(toggle).toBeEnabled();
  await expect(popup.getByTestId('chain-toggle-error')).toHaveCount(0);
  await expect(toggle).toBeChecked({ checked: enabled });
  if (screenshot) await shot(popup, screenshot);
  await popup.keyboard.press('Escape');
  await expect(popup.getByTestId('settings-sheet')).toHaveCount(0);
}

test('chain toggle: a network switched off leaves the portfolio total and its status strip; switched on it returns', async ({ wallet }) => {
  test.setTimeout(300_000);
  const chains = wallet.manifest.chains as unknown as ManifestChain[];
  const holder = ACCOUNT_0 as Address;
  await wallet.importTestMnemonic();
  const popup = await wallet.openPopup();

  const all = await expectedUsd(chains, holder);
  const orbit = all.perChain.get(902)!;
  expect(orbit).toBeGreaterThan(0n);

  await test.step('every chain counts at first', async () => {
    await expect.poll(() => settledUsd(popup), { timeout: 90_000 }).toBe(all.usd.toString());
    await expect(popup.getByTestId('chain-status-902')).toHaveAttribute('data-status', 'ok');
  });

  await test.step('902 off: the total drops by its value and its status chip goes', async () => {
    await setChain(popup, 902, false, 'settings-chain-902-off');
    await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe((all.usd - orbit).toString());
    await expect(popup.getByTestId('chain-status-902')).toHaveCount(0);
    for (const c of chains.filter((c) => c.chainId !== 902)) await expect(popup.getByTestId(`chain-status-${c.chainId}`)).toHaveAttribute('data-status', 'ok');
    await shot(popup, 'portfolio-chain-902-off');
    // The choice is the background's: a new popup shows it too.
    const second = await wallet.openPopup();
    await expect(second.getByTestId('portfolio-total')).toHaveAttribute('data-usd', (all.usd - orbit).toString());
    await expect(second.getByTestId('chain-status-902')).toHaveCount(0);
    await second.close();
  });

  await test.step('902 on again: its value and status chip return', async () => {
    await setChain(popup, 902, true);
    const now = await expectedUsd(chains, holder);
    await expect.poll(() => settledUsd(popup), { timeout: 60_000 }).toBe(now.usd.toString());
    await expect(popup.getByTestId('chain-status-902')).toHaveAttribute('data-status', 'ok');
  });
});
