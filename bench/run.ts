// `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones); each prints ratios against
// a baseline it measures in the same run. Targets live here, never in timed tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}.`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    await mod.run();
  } catch (error) {
    failed += 1;
    console.error(`${file} failed:`, error);
  }
}
process.exit(failed === 0 ? 0 : 1);
