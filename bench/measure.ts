// What every bench measures with: medians of wall and CPU time, and the minified esbuild bundle of an entry.
import { build, type Metafile } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Median (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type Sample = { wall: number; cpu: number };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU time of one call: the machine is shared, so CPU time shows what load does to wall time. */
export function time(f: () => unknown): Sample {
  const [wall, cpu] = [performance.now(), cpuMs()];
  f();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

export const medians = (xs: readonly Sample[]): Sample => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
export const fmt = (m: Sample): string => `${m.wall.toFixed(2)} ms (cpu ${m.cpu.toFixed(2)} ms)`;

export type Bundle = { code: Uint8Array; bytes: number; gzip: number; metafile: Metafile };

/** `entry` bundled the way the extension ships code: esbuild, ESM, minified, browser, nothing external. */
export async function bundle(entry: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    outfile: 'bundle.js',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { code, bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, metafile: result.metafile };
}
