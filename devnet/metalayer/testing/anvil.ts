import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageDir } from './packageDir';

/** A local anvil chain started by this process (tests and the latency script). */
export type LocalAnvil = { chainId: number; port: number; rpcUrl: string; pid: number; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function anvilBinary(): string {
  return join(packageDir('@foundry-rs/anvil-linux-amd64'), 'bin/anvil');
}

async function waitForRpc(rpcUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}`);
    try {
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`anvil at ${rpcUrl} did not start`);
}

export async function startAnvil(chainId: number, opts: { blockTime?: number } = {}): Promise<LocalAnvil> {
  const port = await freePort();
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  if (opts.blockTime) args.push('--block-time', String(opts.blockTime));
  const child = spawn(anvilBinary(), args, { stdio: 'ignore' });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  try {
    await waitForRpc(rpcUrl, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { chainId, port, rpcUrl, pid: child.pid ?? -1, stop };
}
