// `npm test`: typecheck, lint, unit + integration tests (vitest), both extension builds, e2e in Chromium
// (Playwright) and a provider smoke test of the Firefox build (puppeteer-core + Firefox ESR).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureFirefox, FIREFOX_INSTALL_HINT, INSTALL_HINT } from './browsers.mjs';

const steps = [];
const only = process.argv.slice(2);
// Each test runner also writes a JSON report here, so the last line can count every test of the run.
const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };

function readJson(file) {
  try {
    return JSON.parse(readFileSync(`${RESULTS}/${file}`, 'utf8'));
  } catch {
    return undefined;
  }
}

function countVitest(file) {
  const r = readJson(file);
  if (!r) return;
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += r.numFailedTests ?? 0;
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  const r = readJson(file)?.stats;
  if (!r) return;
  counts.passed += (r.expected ?? 0) + (r.flaky ?? 0);
  counts.failed += r.unexpected ?? 0;
  counts.skipped += r.skipped ?? 0;
}

function run(name, cmd, args, env = {}, after = () => {}) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  after();
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
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
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
const vitestJson = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/${file}`];
run('unit', 'npx', ['vitest', 'run', ...vitestJson('unit.json')], {}, () => countVitest('unit.json'));
run('build', 'npx', ['wxt', 'build']);
run('firefox', 'npm', ['run', 'build:firefox']);
run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { ERA_CHROMIUM: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/e2e.json` }, () =>
  countPlaywright('e2e.json'),
);
run('e2e-firefox', 'npx', ['vitest', 'run', '--config', 'e2e/firefox/vitest.config.ts', ...vitestJson('firefox.json')], { ERA_FIREFOX: firefox }, () =>
  countVitest('firefox.json'),
);
summary();
