// Verifier bench: the light verification core (src/core/verifier + the src/core/metalayer formats it
// pulls in) bundled on its own the way the extension ships it, its share of the built background.js,
// and which inputs its bytes come from (esbuild metafile).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { bundle } from './measure.js';

const ENTRY = 'src/core/verifier/index.ts';
const BACKGROUND = resolve('.output/chrome-mv3/background.js');
/** Target for the verifier's minified bundle (1 kB = 1024 bytes, as in popup.bench.ts). */
const TARGET_BYTES = 120 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** The group an esbuild input path belongs to: one of our src/core folders, or the npm package it comes from. */
export function inputGroup(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return pkg;
  return path.startsWith('src/') ? path.split('/').slice(0, 3).join('/') : path;
}

/** Bytes each group contributes to the one output file (esbuild's bytesInOutput, after minification). */
export function attribute(metafile: Metafile): Map<string, number> {
  const out = Object.values(metafile.outputs)[0];
  if (!out) throw new Error('esbuild wrote no output');
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) groups.set(inputGroup(path), (groups.get(inputGroup(path)) ?? 0) + bytesInOutput);
  return new Map([...groups].sort((a, b) => b[1] - a[1]));
}

export async function run(): Promise<void> {
  // The whole public surface (every export kept), nothing external: what the background pays at most.
  const { bytes: minified, gzip: gzipped, metafile } = await bundle(ENTRY);

  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' }); // always: an old build would compare against stale code
  const background = statSync(BACKGROUND).size;
  const backgroundGz = gzipSync(readFileSync(BACKGROUND), { level: 9 }).byteLength;

  console.log(`verifier bundle (${ENTRY}, esbuild: bundle, minify, ESM, platform browser, no externals):`);
  console.log(`  minified          ${kb(minified).padStart(10)}   target < ${kb(TARGET_BYTES)}: ${minified < TARGET_BYTES ? 'met' : 'MISSED'} (${(minified / TARGET_BYTES).toFixed(2)}× target)`);
  console.log(`  gzip -9           ${kb(gzipped).padStart(10)}`);
  console.log(`built background.js (${join('.output', 'chrome-mv3', 'background.js')}, baseline of this run):`);
  console.log(`  minified          ${kb(background).padStart(10)}   verifier = ${pct(minified, background)} of it (${(minified / background).toFixed(2)}×)`);
  console.log(`  gzip -9           ${kb(backgroundGz).padStart(10)}   verifier = ${pct(gzipped, backgroundGz)} of it (gzip)`);

  const groups = attribute(metafile);
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const own = [...groups].filter(([g]) => g.startsWith('src/')).reduce((a, [, b]) => a + b, 0);
  const noble = [...groups].filter(([g]) => g.startsWith('@noble/')).reduce((a, [, b]) => a + b, 0);
  const viem = groups.get('viem') ?? 0;
  console.log('where the verifier bundle bytes come from (esbuild metafile bytesInOutput):');
  console.log(`  own code (src/core: verifier, metalayer, crypto, bytes) ${kb(own).padStart(10)}  ${pct(own, total).padStart(7)}`);
  console.log(`  dependencies                                            ${kb(total - own).padStart(10)}  ${pct(total - own, total).padStart(7)}`);
  console.log(`    of which @noble/*                                     ${kb(noble).padStart(10)}  ${pct(noble, total).padStart(7)}`);
  console.log(`    of which viem                                         ${kb(viem).padStart(10)}  ${pct(viem, total).padStart(7)}`);
  console.log('  by group:');
  for (const [group, bytes] of groups) console.log(`    ${group.padEnd(48)} ${kb(bytes).padStart(10)}  ${pct(bytes, total).padStart(7)}`);
  const files = Object.entries(Object.values(metafile.outputs)[0]!.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  console.log('  largest inputs:');
  for (const [path, { bytesInOutput }] of files.slice(0, 10)) console.log(`    ${path.replace(/^.*node_modules\//, '').padEnd(60)} ${kb(bytesInOutput).padStart(10)}`);
}
