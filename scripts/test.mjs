// `npm test`: typecheck, lint, unit + integration tests (vitest), both extension builds, e2e in Chromium
// (Playwright) and a provider smoke test of the Firefox build (puppeteer-core + Firefox ESR).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium, ensureFirefox, FIREFOX_INSTALL_HINT, INSTALL_HINT } from './browsers.mjs';

const steps = [];
const only = process.argv.slice(2);

function run(name, cmd, args, env = {}) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  steps.push({ name, ok, seconds });
  if (!ok) {
    summary();
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function summary() {
  console.log('\nSummary:');
  for (const s of steps) console.log(`  ${s.ok ? '✔' : '✖'} ${s.name.padEnd(12)} ${s.seconds}s`);
}

const chromium = ensureChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
console.log(`Chromium: ${chromium}`);
const firefox = ensureFirefox();
if (!firefox) {
  console.error(FIREFOX_INSTALL_HINT);
  process.exit(1);
}
console.log(`Firefox: ${firefox}`);

if (!existsSync('.wxt/tsconfig.json')) run('prepare', 'npx', ['wxt', 'prepare']);
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('unit', 'npx', ['vitest', 'run']);
run('build', 'npx', ['wxt', 'build']);
run('firefox', 'npm', ['run', 'build:firefox']);
run('e2e', 'npx', ['playwright', 'test'], { ERA_CHROMIUM: chromium });
run('e2e-firefox', 'npx', ['vitest', 'run', '--config', 'e2e/firefox/vitest.config.ts'], { ERA_FIREFOX: firefox });
summary();
