// Popup bench: built bundle sizes, the popup's time to interactive, and its time to the first painted
// portfolio total from the background's cache, in headless Chromium against baselines loaded the same
// way in the same browser (a data: page and a static extension file). The wallet is onboarded against
// a real devnet, the way the e2e fixture does it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startDevnet } from '../devnet/network';
import { EXTENSION_ID } from '../src/core/constants';
import { freePort } from '../src/core/portfolio/testing/anvilChain';
import { chromiumPath } from '../e2e/chromium';
import { WalletDriver, type ChromeGlobal } from '../e2e/fixtures';
import { median } from './measure.js';

const OUT = resolve('.output');
const DIR = join(OUT, 'chrome-mv3');
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 15);
/** Target for popup open → cached portfolio total painted (median, wall clock like the baselines). */
const CACHED_TOTAL_TARGET_MS = 150;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? dirSize(join(dir, e.name)) : size(join(dir, e.name))), 0);
}

/** An HTML entry's own bytes plus every script, preload and stylesheet it references. */
function pageSize(html: string): number {
  const text = readFileSync(join(DIR, html), 'utf8');
  const refs = new Set([...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  return size(join(DIR, html)) + [...refs].reduce((sum, ref) => sum + size(join(DIR, ref)), 0);
}

function contentScript(name: string): number {
  const dir = join(DIR, 'content-scripts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${name}.`)).reduce((s, f) => s + size(join(dir, f)), 0) : 0;
}

/** Median ms from navigation start until `html[data-ready]` (or load, for baselines without the marker). */
async function timeToReady(context: BrowserContext, url: string, marker: boolean): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    const started = performance.now();
    await page.goto(url, { waitUntil: marker ? 'commit' : 'load' });
    if (marker) await page.locator('html[data-ready="true"]').waitFor({ timeout: 20_000 });
    const elapsed = performance.now() - started;
    if (i >= 2) samples.push(elapsed); // the first two warm caches and the worker
    await page.close();
  }
  return median(samples);
}

/** The cached total as the popup paints it: data-usd set while the view is the cache (data-stale="true") or equal to it. */
const PAINTED_TOTAL = '[data-testid="portfolio-total"][data-usd]';

/** Waits until the portfolio card shows a total with its proofs done and no read running (the cache is warm). */
async function settledTotal(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const card = page.locator('[data-testid="portfolio"][data-proofs="done"][data-refreshing="false"]');
    await card.locator(PAINTED_TOTAL).waitFor({ timeout: 120_000 });
    return (await page.locator(PAINTED_TOTAL).getAttribute('data-usd'))!;
  } finally {
    await page.close();
  }
}

/**
 * Median ms from navigation start until the portfolio total is painted from the cache: wall clock from
 * Node (as the baselines), and the page's own clock (performance.now() when the element had data-usd).
 */
async function timeToCachedTotal(context: BrowserContext, cachedUsd: string, idle: boolean): Promise<{ wall: number; page: number; dcl: number; fromCache: number }> {
  const wall: number[] = [];
  const inPage: number[] = [];
  const dcl: number[] = [];
  let fromCache = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    const started = performance.now();
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`, { waitUntil: 'commit' });
    // Polled in the page every 2 ms, so the page's clock says when it appeared (ms since navigation start).
    const found = await page.waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : false), PAINTED_TOTAL, { polling: 2, timeout: 20_000 });
    const elapsed = performance.now() - started;
    const [painted, loaded, usd, stale] = await Promise.all([
      found.jsonValue() as Promise<number>,
      page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd),
      page.locator(PAINTED_TOTAL).getAttribute('data-usd'),
      page.getByTestId('portfolio-freshness').getAttribute('data-stale'),
    ]);
    if (i >= 2) {
      // the first two warm the worker and the page cache, like timeToReady
      wall.push(elapsed);
      inPage.push(painted);
      dcl.push(loaded);
      if (stale === 'true' || usd === cachedUsd) fromCache += 1;
    }
    // `idle`: the next open finds the background done with the read and proofs this open started.
    if (idle) await page.locator('[data-testid="portfolio"][data-proofs="done"][data-refreshing="false"]').waitFor({ timeout: 120_000 });
    await page.close();
  }
  return { wall: median(wall), page: median(inPage), dcl: median(dcl), fromCache };
}

export async function run(): Promise<void> {
  if (!existsSync(join(DIR, 'manifest.json'))) throw new Error('No build at .output/chrome-mv3: run `npx wxt build` first.');
  const builtAt = statSync(join(DIR, 'manifest.json')).mtimeMs;
  let zip = readdirSync(OUT).find((f) => f.endsWith('-chrome.zip'));
  // A zip older than the build describes other code: rebuild it (wxt zip builds, then packs).
  if (!zip || statSync(join(OUT, zip)).mtimeMs < builtAt) {
    execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore' });
    zip = readdirSync(OUT).find((f) => f.endsWith('-chrome.zip'));
  }

  const sizes = {
    popup: pageSize('popup.html'),
    approval: pageSize('approval.html'),
    onboarding: pageSize('onboarding.html'),
    background: size(join(DIR, 'background.js')),
    inpage: contentScript('inpage'),
    content: contentScript('content'),
    total: dirSize(DIR),
    zip: zip ? size(join(OUT, zip)) : 0,
  };
  console.log('bundle sizes (bytes on disk, a page counts its HTML + every chunk and stylesheet it loads):');
  for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(11)} ${kb(bytes).padStart(10)}${name === 'zip' && zip ? `  (${zip})` : ''}`);

  const devnet = await startDevnet({ quiet: true, manifestPath: null, apiPort: await freePort() });
  const context = await chromium
    .launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      args: [`--disable-extensions-except=${DIR}`, `--load-extension=${DIR}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .catch(async (error: unknown) => {
      await devnet.stop();
      throw error;
    });
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const dataPage = await timeToReady(context, 'data:text/html,<html data-ready="true"><body>baseline</body></html>', false);
    const staticFile = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/manifest.json`, false);
    const fresh = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/popup.html`, true);
    // Onboarded against a real devnet, as the e2e fixture does: devnet API in storage, then the onboarding UI.
    const worker = context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID)) ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(async (api) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'settings.devnetApi': api }), devnet.manifest.metalayerApi);
    await (await new WalletDriver(context, devnet).importTestMnemonic()).close();
    const cachedUsd = await settledTotal(context);
    const home = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/popup.html`, true);
    const cached = await timeToCachedTotal(context, cachedUsd, true);
    const busy = await timeToCachedTotal(context, cachedUsd, false);
    console.log(`popup time to interactive (median of ${RUNS} loads, ms until <html data-ready>, i.e. the first real screen after state/get):`);
    console.log(`  baseline data: page            ${dataPage.toFixed(1)} ms`);
    console.log(`  baseline extension file        ${staticFile.toFixed(1)} ms`);
    console.log(`  popup, new wallet (welcome)    ${fresh.toFixed(1)} ms   ${(fresh / staticFile).toFixed(2)}× ext. file, ${(fresh / dataPage).toFixed(2)}× data page`);
    console.log(`  popup, unlocked (home)         ${home.toFixed(1)} ms   ${(home / staticFile).toFixed(2)}× ext. file, ${(home / dataPage).toFixed(2)}× data page`);
    console.log(`popup open → first painted portfolio total from the cache (median of ${RUNS} opens after the cache is warm, background idle before each; devnet ${devnet.manifest.chains.length} chains):`);
    console.log(`  wall clock (as the baselines)  ${cached.wall.toFixed(1)} ms   ${(cached.wall / staticFile).toFixed(2)}× ext. file, ${(cached.wall / dataPage).toFixed(2)}× data page, ${(cached.wall / home).toFixed(2)}× home ready`);
    console.log(`  in page (performance.now)      ${cached.page.toFixed(1)} ms   of which scripts loaded (DOMContentLoaded) ${cached.dcl.toFixed(1)} ms, then state/get + portfolio/get + render ${(cached.page - cached.dcl).toFixed(1)} ms`);
    console.log(`  target < ${CACHED_TOTAL_TARGET_MS} ms (wall clock): ${cached.wall < CACHED_TOTAL_TARGET_MS ? 'met' : 'MISSED'} (${(cached.wall / CACHED_TOTAL_TARGET_MS).toFixed(2)}× target); ${cached.fromCache}/${RUNS} opens painted the cached view first`);
    console.log(`  back-to-back opens (the background still reading/proving what the last open started):`);
    console.log(`    wall clock ${busy.wall.toFixed(1)} ms (${(busy.wall / staticFile).toFixed(2)}× ext. file), in page ${busy.page.toFixed(1)} ms (scripts ${busy.dcl.toFixed(1)} ms); ${busy.fromCache}/${RUNS} from the cache`);
  } finally {
    await context.close();
    await devnet.stop();
  }
}
