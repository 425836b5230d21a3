import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DevnetManifest } from './manifest.js';
import { processAlive } from './anvil';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');


function runCli(args: string[]): { child: ChildProcess; output: () => string; waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'devnet', 'cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const waitFor = async (text: string | RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = typeof text === 'string' ? out.includes(text) : text.test(out);
      if (match) return out;
      if (child.exitCode !== null) throw new Error(`cli exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${text}:\n${out}`);
  };
  return { child, output: () => out, waitFor, exited };
}

describe('npm run devnet (devnet/cli.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'era-devnet-cli-'));
  let running: ChildProcess | undefined;
  afterEach(() => {
    // A failed assertion must not leave the CLI (and its anvils) running.
    if (running && running.exitCode === null) running.kill('SIGKILL');
  });

  it('prints what to use, runs until SIGTERM, then leaves no anvil behind', async () => {
    const manifestPath = join(dir, 'manifest.json');
    const cli = runCli(['--minimal', '--api-port', '0', '--manifest', manifestPath]);
    running = cli.child;
    const out = await cli.waitFor('Press Ctrl-C');
    expect(out).toContain('test test test test test test test test test test test junk');
    expect(out).toMatch(/901\s+ERA Devnet OP\s+op-stack\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/Test dApp:\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/Started in:\s+\d+ ms; memory: anvils \d+ MB/);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as DevnetManifest;
    expect(manifest.pids.every(processAlive)).toBe(true);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(manifest.pids.filter(processAlive)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  // The signal lands during or just after startup (the race is not controlled): either way, no anvil may survive.
  it('a signal right after the chains come up leaves no anvil behind', async () => {
    const manifestPath = join(dir, 'never.json');
    const cli = runCli(['--minimal', '--api-port', '0', '--manifest', manifestPath]);
    running = cli.child;
    const out = await cli.waitFor(/\[devnet\] chains .*\n/);
    const urls = [...out.matchAll(/@(http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(3);
    cli.child.kill('SIGINT');
    expect([0, 130]).toContain(await cli.exited);
    for (const url of urls) await expect(fetch(url, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});
