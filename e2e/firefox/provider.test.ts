import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../devnet/network';
import { ensureFirefox, FIREFOX_INSTALL_HINT } from '../../scripts/browsers.mjs';

// Smoke test of the built Firefox add-on: real Firefox ESR, real extension, real devnet dApp.
const EXTENSION_DIR = resolve('.output/firefox-mv3');

type Announced = { uuid: string; name: string; rdns: string; icon: string; isEraWallet: boolean };
type Outcome = { ok: true; result: unknown } | { ok: false; code: unknown; message: unknown; name: unknown };

/** The add-on as `npm run build:firefox` leaves it; builds it only when absent. */
function builtExtension(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    try {
      execFileSync('npm', ['run', 'build:firefox'], { stdio: 'inherit' });
    } catch (cause) {
      throw new Error(`No Firefox build at ${EXTENSION_DIR} and \`npm run build:firefox\` failed`, { cause });
    }
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No Firefox build at ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  return EXTENSION_DIR;
}

/** Runs `window.ethereum.request(args)` in the page; errors come back as plain fields (they do not survive serialisation). */
async function request(page: Page, args: unknown, timeoutMs = 15_000): Promise<Outcome> {
  return page.evaluate(
    async (a: unknown, ms: number) => {
      const eth = (window as unknown as { ethereum?: { request(x: unknown): Promise<unknown> } }).ethereum;
      if (!eth) return { ok: false as const, code: 'no-provider', message: 'window.ethereum is missing', name: null };
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`no answer in ${ms} ms`), { code: 'timeout' })), ms));
      try {
        return { ok: true as const, result: await Promise.race([eth.request(a), timeout]) };
      } catch (e) {
        const err = e as { code?: unknown; message?: unknown; name?: unknown };
        return { ok: false as const, code: err.code, message: err.message, name: err.name };
      }
    },
    args,
    timeoutMs,
  );
}

describe('ERA Wallet in Firefox ESR (built add-on, no mocks)', () => {
  let devnet: Devnet | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let extensionId: string;

  beforeAll(async () => {
    const executablePath = ensureFirefox();
    if (!executablePath) throw new Error(FIREFOX_INSTALL_HINT);
    const dir = builtExtension();
    // The build defaults its devnet API to 127.0.0.1:8547; nothing below depends on the chains it lists.
    devnet = await startDevnet({ full: false, quiet: true, manifestPath: null });
    browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
    extensionId = await browser.installExtension(dir);
    page = await browser.newPage();
    await page.goto(devnet.manifest.dappUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await devnet?.stop();
    }
  });

  it('installs the add-on under its gecko id', () => {
    expect(extensionId).toBe('wallet@era.caldera');
  });

  it('announces exactly one EIP-6963 provider: ERA Wallet, xyz.caldera.erawallet, a data: icon', async () => {
    const announced = await page.evaluate(async () => {
      const seen: Announced[] = [];
      const listener = (event: Event) => {
        const { info, provider } = (event as CustomEvent<{ info: Announced; provider: { isEraWallet?: boolean } }>).detail;
        seen.push({ uuid: info.uuid, name: info.name, rdns: info.rdns, icon: info.icon, isEraWallet: provider.isEraWallet === true });
      };
      window.addEventListener('eip6963:announceProvider', listener);
      window.dispatchEvent(new Event('eip6963:requestProvider'));
      await new Promise((r) => setTimeout(r, 300));
      window.removeEventListener('eip6963:announceProvider', listener);
      return seen;
    });
    expect(announced).toHaveLength(1);
    const [info] = announced;
    expect(info).toMatchObject({ name: 'ERA Wallet', rdns: 'xyz.caldera.erawallet', isEraWallet: true });
    expect(info!.icon).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(info!.uuid).toMatch(/^[0-9a-f-]{36}$/);
    // The dApp's own discovery (announce at load) lists the same wallet, and only it.
    await page.waitForSelector('[data-testid="dapp-wallet"][data-rdns="xyz.caldera.erawallet"]', { timeout: 10_000 });
    expect(await page.$$eval('[data-testid="dapp-wallet"]', (els) => els.map((el) => (el as HTMLElement).dataset.rdns))).toEqual(['xyz.caldera.erawallet']);
  });

  it('eth_chainId round-trips page → content script → background → page as a hex quantity', async () => {
    const answer = await request(page, { method: 'eth_chainId' });
    expect(answer).toMatchObject({ ok: true });
    expect((answer as { result: unknown }).result).toMatch(/^0x[0-9a-f]+$/);
    // The provider learnt the chain from that answer (connect state lives in the page).
    expect(await page.evaluate(() => (window as unknown as { ethereum: { chainId: string | null } }).ethereum.chainId)).toBe((answer as { result: unknown }).result);
  });

  it('eth_accounts before any wallet exists: an empty list', async () => {
    expect(await request(page, { method: 'eth_accounts' })).toEqual({ ok: true, result: [] });
  });

  it('eth_requestAccounts before any wallet exists rejects with 4100 from the background', async () => {
    expect(await request(page, { method: 'eth_requestAccounts' })).toEqual({
      ok: false,
      code: 4100,
      message: 'ERA Wallet is not set up yet: create or import a wallet first',
      name: 'ProviderRpcError',
    });
  });

  it('an unknown method is refused by the background with 4200', async () => {
    expect(await request(page, { method: 'era_noSuchMethod', params: [] })).toEqual({
      ok: false,
      code: 4200,
      message: 'The wallet does not support era_noSuchMethod',
      name: 'ProviderRpcError',
    });
  });

  it('malformed requests get -32600 and the provider still answers afterwards', async () => {
    const shape = { ok: false, code: -32600, name: 'ProviderRpcError' };
    expect(await request(page, { method: 42 })).toEqual({ ...shape, message: 'Invalid request: expected { method: string, params? }' });
    expect(await request(page, { method: '' })).toEqual({ ...shape, message: 'Invalid request: expected { method: string, params? }' });
    expect(await request(page, null)).toEqual({ ...shape, message: 'Invalid request: expected { method: string, params? }' });
    expect(await request(page, { method: 'eth_chainId', params: 'x' })).toEqual({ ...shape, message: 'Invalid request: params must be an array or object' });
    // A function cannot cross postMessage: the transport refuses it instead of hanging.
    const uncloneable = await page.evaluate(async () => {
      const eth = (window as unknown as { ethereum: { request(x: unknown): Promise<unknown> } }).ethereum;
      try {
        await eth.request({ method: 'eth_chainId', params: [() => 1] });
        return { ok: true };
      } catch (e) {
        return { ok: false, code: (e as { code?: unknown }).code, message: (e as Error).message };
      }
    });
    expect(uncloneable).toEqual({ ok: false, code: -32600, message: 'Invalid request: params must be cloneable' });
    const after = await request(page, { method: 'eth_chainId' });
    expect(after).toMatchObject({ ok: true });
    expect((after as { result: unknown }).result).toMatch(/^0x[0-9a-f]+$/);
  });

  it('a reload injects a fresh provider, announced once with a new uuid', async () => {
    const discover = () =>
      page.evaluate(async () => {
        const uuids: string[] = [];
        const listener = (event: Event) => uuids.push((event as CustomEvent<{ info: { uuid: string } }>).detail.info.uuid);
        window.addEventListener('eip6963:announceProvider', listener);
        window.dispatchEvent(new Event('eip6963:requestProvider'));
        await new Promise((r) => setTimeout(r, 300));
        window.removeEventListener('eip6963:announceProvider', listener);
        return uuids;
      });
    const [before] = await discover();
    await page.reload({ waitUntil: 'load' });
    const after = await discover();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    // The dApp's own discovery finds it again after the reload.
    await page.waitForSelector('[data-testid="dapp-wallet"][data-rdns="xyz.caldera.erawallet"]', { timeout: 10_000 });
    expect(await request(page, { method: 'eth_chainId' })).toMatchObject({ ok: true, result: expect.stringMatching(/^0x[0-9a-f]+$/) });
  });

  it('frames posted past the provider get typed errors from the relay and the background', async () => {
    // A hostile page can post to the content script directly, skipping the provider's own checks.
    const answers = await page.evaluate(async (frames: unknown[]) => {
      const wanted = new Set(frames.map((f) => (f as { id: number }).id));
      const got = new Map<number, unknown>();
      const done = new Promise<void>((resolveAll) => {
        const listener = (event: MessageEvent) => {
          const data = event.data as { source?: string; frame?: { kind?: string; id?: number; error?: unknown; result?: unknown } } | null;
          if (event.source !== window || data?.source !== 'era-wallet-content' || data.frame?.kind !== 'response') return;
          if (!wanted.has(data.frame.id!)) return;
          got.set(data.frame.id!, data.frame.error ?? { result: data.frame.result });
          if (got.size === wanted.size) {
            window.removeEventListener('message', listener);
            resolveAll();
          }
        };
        window.addEventListener('message', listener);
      });
      for (const frame of frames) window.postMessage({ source: 'era-wallet-inpage', frame }, window.location.origin);
      await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
      return Object.fromEntries(got);
    }, [
      { kind: 'request', id: 900_001, method: 42 },
      { kind: 'request', id: 900_002, method: 'wallet_switchEthereumChain', params: [{ chainId: 'not-hex' }] },
      { kind: 'request', id: 900_003, method: 'eth_chainId' },
    ]);
    expect(answers[900_001]).toEqual({ code: -32600, message: 'Invalid request' });
    expect(answers[900_002]).toMatchObject({ code: -32602, message: expect.stringMatching(/^Invalid params/) });
    expect(answers[900_003]).toEqual({ result: expect.stringMatching(/^0x[0-9a-f]+$/) });
    // The provider's own channel still works after the raw frames.
    expect(await request(page, { method: 'eth_chainId' })).toMatchObject({ ok: true });
  });
});
