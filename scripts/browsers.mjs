// Finds the browsers the e2e suites drive (Chromium, Firefox ESR); installs Debian's packages when it can.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
export const INSTALL_HINT =
  'Chromium not found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set ERA_CHROMIUM=/path/to/chromium.';
export const FIREFOX_INSTALL_HINT =
  'Firefox not found: install it (Debian: `sudo apt-get install -y firefox-esr`) or set ERA_FIREFOX=/path/to/firefox.';

function playwrightCacheChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
    for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome']) {
      const candidate = join(cache, dir, sub);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

function fromEnv(...names) {
  for (const name of names) {
    const value = process.env[name];
    if (value) return { set: true, path: existsSync(value) ? value : undefined };
  }
  return { set: false, path: undefined };
}

/** The first Chromium found: env var, Debian's paths, then Playwright's cache. */
export function findChromium() {
  const env = fromEnv('ERA_CHROMIUM', 'CHROMIUM_PATH');
  if (env.set) return env.path;
  return CHROMIUM_PATHS.find((p) => existsSync(p)) ?? playwrightCacheChromium();
}

/** The first Firefox found: env var, then Debian's firefox-esr paths. */
export function findFirefox() {
  const env = fromEnv('ERA_FIREFOX', 'FIREFOX_PATH');
  if (env.set) return env.path;
  return FIREFOX_PATHS.find((p) => existsSync(p));
}

function aptInstall(pkg, log) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  log(`${pkg} not found; installing the Debian package with apt-get…`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
    return true;
  } catch {
    return false;
  }
}

/** Finds Chromium, or installs it with apt when running as root; undefined when neither works. */
export function ensureChromium({ log = console.log } = {}) {
  return findChromium() ?? (aptInstall('chromium', log) ? findChromium() : undefined);
}

/** Finds Firefox ESR, or installs it with apt when running as root; undefined when neither works. */
export function ensureFirefox({ log = console.log } = {}) {
  return findFirefox() ?? (aptInstall('firefox-esr', log) ? findFirefox() : undefined);
}
