import { mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startDevnet, type Devnet } from '../devnet/network';
import { EXTENSION_ID } from '../src/core/constants';
import { chromiumPath } from './chromium';

export { expect };

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const ARTIFACTS = resolve('e2e/artifacts');
export const PASSWORD = 'era-e2e correct horse';
export const extensionUrl = (page: string) => `chrome-extension://${EXTENSION_ID}/${page}`;

/** A free loopback port (bound to 0, then released) for the devnet API. */
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** The slice of the extension API the fixtures call inside the service worker. */
export type ChromeGlobal = { chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } } };

type WorkerFixtures = {
  devnet: Devnet;
  /** All five chains and the Metalayer (proofs); default from ERA_E2E_FULL_DEVNET=1, a spec may `test.use({ fullDevnet: true })`. */
  fullDevnet: boolean;
};
type TestFixtures = { context: BrowserContext; serviceWorker: Worker; wallet: WalletDriver };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fullDevnet: [process.env.ERA_E2E_FULL_DEVNET === '1', { scope: 'worker', option: true }],

  devnet: [
    async ({ fullDevnet }, provide) => {
      const devnet = await startDevnet({ full: fullDevnet, quiet: true, manifestPath: null, apiPort: await freePort() });
      try {
        await provide(devnet);
      } finally {
        await devnet.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],

  context: async ({ devnet: _devnet }, provide) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      await provide(context);
    } finally {
      await context.close();
    }
  },

  serviceWorker: async ({ context }, provide) => {
    const worker = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID)) ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    expect(new URL(worker.url()).host).toBe(EXTENSION_ID);
    await provide(worker);
  },

  wallet: async ({ context, serviceWorker, devnet }, provide) => {
    // State built by code, like MetaMask's fixtures: point the wallet at this run's devnet before onboarding.
    await serviceWorker.evaluate(async (api) => {
      await (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'settings.devnetApi': api });
    }, devnet.manifest.metalayerApi);
    await provide(new WalletDriver(context, devnet));
  },
});

/** Drives the extension's own pages (onboarding, popup, approval window) the way a user would. */
export class WalletDriver {
  constructor(
    readonly context: BrowserContext,
    readonly devnet: Devnet,
  ) {}

  get manifest() {
    return this.devnet.manifest;
  }

  /** The current service worker (a new one after the old one was stopped). */
  async worker(): Promise<Worker> {
    const found = this.context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID));
    return found ?? this.context.waitForEvent('serviceworker', { timeout: 20_000 });
  }

  /** Imports the anvil test mnemonic through the onboarding UI; returns the onboarding page. */
  async importTestMnemonic(opts: { screenshots?: boolean } = {}): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(extensionUrl('onboarding.html'));
    await page.getByTestId('onboarding-import').click();
    if (opts.screenshots) await shot(page, 'onboarding-import');
    await page.getByTestId('mnemonic-input').fill(this.manifest.mnemonic);
    await page.getByTestId('password-input').fill(PASSWORD);
    await page.getByTestId('password-confirm-input').fill(PASSWORD);
    await page.getByTestId('onboarding-submit').click();
    await expect(page.getByTestId('onboarding-done')).toBeVisible({ timeout: 60_000 });
    if (opts.screenshots) await shot(page, 'onboarding-done');
    return page;
  }

  /** Opens the popup page in a 360×600 tab and waits for its ready marker. */
  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(extensionUrl('popup.html'));
    await page.locator('html[data-ready="true"]').waitFor();
    return page;
  }

  /** Waits for the approval window the background opens for a dApp request. */
  async approvalWindow(trigger: () => Promise<unknown>): Promise<Page> {
    const existing = this.context.pages().find((p) => p.url().startsWith(extensionUrl('approval.html')) && !p.isClosed());
    if (existing) {
      await trigger();
      return existing;
    }
    const [page] = await Promise.all([
      this.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(extensionUrl('approval.html')), timeout: 20_000 }),
      trigger(),
    ]);
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('html[data-ready="true"]').waitFor();
    return page;
  }

  /** Unlocks in whatever extension page shows the unlock screen. */
  async unlock(page: Page, password = PASSWORD): Promise<void> {
    await page.getByTestId('unlock-password-input').fill(password);
    await page.getByTestId('unlock-submit').click();
  }
}

/** Opens a test dApp page and waits until it has picked ERA Wallet through EIP-6963. */
export async function openDapp(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('dapp-wallet').first()).toBeVisible();
  return page;
}

export type DappLogLine = { action: string; result?: unknown; error?: { code: number | string | null; message: string } };

/** The dApp's `n`-th (default: latest) log line for an action, waiting for it to appear. */
export async function dappLog(page: Page, action: string, count = 1): Promise<DappLogLine> {
  const entries = page.locator(`[data-testid="dapp-log-entry"][data-action="${action}"]`);
  await expect(entries).toHaveCount(count, { timeout: 30_000 });
  return JSON.parse((await entries.nth(count - 1).textContent()) ?? '{}') as DappLogLine;
}

/** Number of log lines for an action so far (to wait for the next one). */
export async function dappLogCount(page: Page, action: string): Promise<number> {
  return page.locator(`[data-testid="dapp-log-entry"][data-action="${action}"]`).count();
}

/** Saves a screenshot of a screen to e2e/artifacts/<name>.png (gitignored) for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Scrolls the approval body to its end (long messages and typed data keep Sign disabled until then). */
export async function scrollApprovalToEnd(page: Page): Promise<void> {
  await page.getByTestId('approval-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
}

/** Clicks Approve or Reject in an approval window and waits until that window has closed (queue empty). */
export async function decide(page: Page, choice: 'approve' | 'reject', name?: string): Promise<void> {
  const button = page.getByTestId(choice === 'approve' ? 'approval-approve' : 'approval-reject');
  await expect(button).toBeEnabled();
  if (name) await shot(page, name);
  const closed = page.waitForEvent('close', { timeout: 20_000 });
  // The background closes the window as soon as the queue is empty, sometimes while the click is still settling.
  await button.click({ noWaitAfter: true }).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
  await closed;
}

/** Onboards (import through the UI) and connects the dApp page; returns the connected address as the dApp sees it. */
export async function connectDapp(wallet: WalletDriver, dapp: Page, screenshot?: string): Promise<string> {
  const count = await dappLogCount(dapp, 'eth_requestAccounts');
  const approval = await wallet.approvalWindow(() => dapp.getByTestId('dapp-connect').click());
  await expect(approval.getByTestId('approval-origin')).toHaveText(new URL(dapp.url()).origin);
  await decide(approval, 'approve', screenshot);
  const line = await dappLog(dapp, 'eth_requestAccounts', count + 1);
  expect(line.error).toBeUndefined();
  const accounts = line.result as string[];
  expect(accounts).toHaveLength(1);
  return accounts[0]!;
}

/** The anvil test mnemonic's first account (EIP-55). */
export const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** Calls the page's EIP-6963 wallet directly (for payloads the test dApp's form cannot type, e.g. multi-line). */
export async function providerRequest(page: Page, method: string, params: unknown[]): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  return page.evaluate(
    async ({ method, params }) => {
      type Provider = { request(a: { method: string; params: unknown[] }): Promise<unknown> };
      const provider = await new Promise<Provider>((ok) => {
        window.addEventListener('eip6963:announceProvider', (e) => ok((e as CustomEvent<{ provider: Provider }>).detail.provider), { once: true });
        window.dispatchEvent(new Event('eip6963:requestProvider'));
      });
      try {
        return { result: await provider.request({ method, params }) };
      } catch (e) {
        const err = e as { code: number; message: string };
        return { error: { code: err.code, message: err.message } };
      }
    },
    { method, params },
  );
}
