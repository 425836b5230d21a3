// Popup bench: built bundle sizes, and the popup's time to interactive in headless Chromium against
// baselines loaded the same way in the same browser (a data: page and a static extension file).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { EXTENSION_ID } from '../src/core/constants';
import { chromiumPath } from '../e2e/chromium';

const OUT = resolve('.output');
const DIR = join(OUT, 'chrome-mv3');
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 15);

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

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
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

/** Imports the anvil test mnemonic through the onboarding page so the popup opens on its home screen. */
async function importWallet(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/onboarding.html`);
  await page.getByTestId('onboarding-import').click();
  await page.getByTestId('mnemonic-input').fill('test test test test test test test test test test test junk');
  await page.getByTestId('password-input').fill('bench correct horse');
  await page.getByTestId('password-confirm-input').fill('bench correct horse');
  await page.getByTestId('onboarding-submit').click();
  await page.getByTestId('onboarding-done').waitFor({ timeout: 60_000 });
  await page.close();
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

  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${DIR}`, `--load-extension=${DIR}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 });
    const dataPage = await timeToReady(context, 'data:text/html,<html data-ready="true"><body>baseline</body></html>', false);
    const staticFile = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/manifest.json`, false);
    const fresh = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/popup.html`, true);
    await importWallet(context);
    const home = await timeToReady(context, `chrome-extension://${EXTENSION_ID}/popup.html`, true);
    console.log(`popup time to interactive (median of ${RUNS} loads, ms until <html data-ready>, i.e. the first real screen after state/get):`);
    console.log(`  baseline data: page            ${dataPage.toFixed(1)} ms`);
    console.log(`  baseline extension file        ${staticFile.toFixed(1)} ms`);
    console.log(`  popup, new wallet (welcome)    ${fresh.toFixed(1)} ms   ${(fresh / staticFile).toFixed(2)}× ext. file, ${(fresh / dataPage).toFixed(2)}× data page`);
    console.log(`  popup, unlocked (home)         ${home.toFixed(1)} ms   ${(home / staticFile).toFixed(2)}× ext. file, ${(home / dataPage).toFixed(2)}× data page`);
  } finally {
    await context.close();
  }
}
