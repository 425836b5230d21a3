import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleSignals } from './signals.js';
import { describeDevnet } from './summary.js';
import { startDevnet } from './network.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const SUGGESTED_PASSWORD = 'devnet-password-123';

/** Builds the Chrome extension pointed at this devnet's API (a child process; killed with us on Ctrl-C). */
function buildExtension(apiUrl: string): { done: Promise<void>; kill(): void } {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, WXT_DEVNET_API: apiUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const done = new Promise<void>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`wxt build failed (code ${code}, signal ${signal})`)),
    );
  });
  return { done, kill: () => void (child.exitCode === null && child.kill('SIGTERM')) };
}

async function main(): Promise<void> {
  const signals = handleSignals();
  const devnet = await startDevnet({ full: true });
  console.log(`[start] building the Chrome extension with WXT_DEVNET_API=${devnet.manifest.metalayerApi} …`);
  const build = buildExtension(devnet.manifest.metalayerApi);
  signals.ready(devnet, async () => build.kill());
  try {
    await build.done;
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await devnet.stop();
    process.exit(1);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`[start] the build produced no ${EXTENSION_DIR}/manifest.json`);
    await devnet.stop();
    process.exit(1);
  }
  const m = devnet.manifest;
  console.log(describeDevnet(devnet));
  console.log(
    [
      'Open ERA Wallet in Chrome/Chromium:',
      '  1. Go to chrome://extensions and turn on "Developer mode" (top right).',
      '  2. Click "Load unpacked" and choose this folder:',
      `       ${EXTENSION_DIR}`,
      '  3. The onboarding opens: choose "Import", paste the mnemonic below, set a password.',
      '',
      `  Mnemonic:            ${m.mnemonic}`,
      `  Suggested password:  ${SUGGESTED_PASSWORD}`,
      `  Then open the dApp:  ${m.dappUrl}`,
      '',
      'RPC URLs (chain id → URL):',
      ...m.chains.map((c) => `  ${c.chainId}  ${c.rpcUrl}   ${c.name}`),
      '',
      'Press Ctrl-C to stop the devnet (no process is left behind).',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
