import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Chromium for the suite: ERA_CHROMIUM / CHROMIUM_PATH, Debian's paths, then Playwright's cache; one clear line when absent. */
export function chromiumPath(): string {
  const fromEnv = process.env.ERA_CHROMIUM || process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`Chromium not found at ${fromEnv} (from ERA_CHROMIUM/CHROMIUM_PATH).`);
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome']) {
        if (existsSync(join(cache, dir, sub))) return join(cache, dir, sub);
      }
    }
  }
  throw new Error('Chromium not found: install it (Debian: `apt-get install -y chromium`) or set ERA_CHROMIUM=/path/to/chromium.');
}
