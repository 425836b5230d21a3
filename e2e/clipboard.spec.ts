import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { EXTENSION_ID } from '../src/core/constants';
import { PASSWORD, expect, test } from './fixtures';

const PENDING_KEY = 'clipboard.pendingClear';
type SessionGlobal = { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };

async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a copied recovery phrase is cleared by the background after the popup has closed', async ({ wallet, context, serviceWorker }) => {
  test.setTimeout(240_000);
  // Chromium refuses permission grants to chrome-extension:// origins, so an ordinary loopback page reads the clipboard.
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>clipboard reader</title>'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const onboarding = await wallet.importTestMnemonic();
    await onboarding.close();
    const phrase = wallet.manifest.mnemonic;

    const popup = await wallet.openPopup();
    await popup.getByTestId('settings-open').click();
    await popup.getByTestId('reveal-open').click();
    await popup.getByTestId('reveal-ack').click();
    await popup.getByTestId('reveal-password').fill(PASSWORD);
    await popup.getByTestId('reveal-submit').click();
    await expect(popup.getByTestId('reveal-phrase')).toContainText('junk');
    await popup.getByRole('button', { name: /^Copy \(clears/ }).click();
    await expect(popup.getByRole('button', { name: /^Copied/ })).toBeVisible();
    const reader = await context.newPage();
    await reader.goto(origin);
    expect(await readClipboard(reader)).toBe(phrase);

    // The background holds a fingerprint and a due time, never the phrase.
    const pending = await serviceWorker.evaluate(async (key) => (await (globalThis as unknown as SessionGlobal).chrome.storage.session.get(key))[key], PENDING_KEY);
    expect(pending).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), due: expect.any(Number) });
    expect(JSON.stringify(pending)).not.toContain('junk');
    await popup.close();

    // Whatever the closing popup managed on its own, put the phrase back: from here only the background can clear it.
    await reader.bringToFront();
    await reader.evaluate((text) => navigator.clipboard.writeText(text), phrase);
    expect(await readClipboard(reader)).toBe(phrase);

    // Stop the worker as Chrome does to an idle one: only the persisted alarm can bring the clear back.
    const cdp = await context.newCDPSession(reader);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((ok) =>
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (e.versions.some((v) => v.scriptURL.includes(EXTENSION_ID) && v.runningStatus === 'stopped')) ok();
      }),
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();

    await expect.poll(() => readClipboard(reader), { timeout: 75_000, intervals: [2_000] }).not.toBe(phrase);
    expect(await readClipboard(reader)).toBe('');
    const after = await (await wallet.worker()).evaluate(async (key) => (await (globalThis as unknown as SessionGlobal).chrome.storage.session.get(key))[key], PENDING_KEY);
    expect(after).toBeUndefined();
  } finally {
    server.close();
  }
});
