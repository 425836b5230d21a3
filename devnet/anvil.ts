import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './ports.js';

export class AnvilNotFoundError extends Error {
  override name = 'AnvilNotFoundError';
  constructor(readonly searched: string[]) {
    super(
      `anvil binary not found (looked in: ${searched.join(', ')}). ` +
        'Install dependencies with `npm install` (it brings @foundry-rs/anvil) or set ANVIL_BIN to an anvil binary.',
    );
  }
}

export class AnvilStartError extends Error {
  override name = 'AnvilStartError';
  constructor(
    message: string,
    readonly details: { chainId: number; port?: number; stderr?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Finds the anvil binary: $ANVIL_BIN, then the platform package that @foundry-rs/anvil installs. */
export function anvilBinary(): string {
  const searched: string[] = [];
  const fromEnv = process.env.ANVIL_BIN;
  if (fromEnv) {
    // An explicit path that is wrong is a configuration error, not a reason to guess.
    if (existsSync(fromEnv)) return fromEnv;
    throw new AnvilNotFoundError([`$ANVIL_BIN=${fromEnv}`]);
  }
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  try {
    const require = createRequire(import.meta.url);
    const candidate = join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe);
    if (existsSync(candidate)) return candidate;
    searched.push(candidate);
  } catch {
    searched.push(`node_modules/${pkg}/bin/${exe}`);
  }
  throw new AnvilNotFoundError(searched);
}

/** Every anvil this process started and that has not exited yet. */
const running = new Set<ChildProcess>();

/** Synchronous last resort (signal handlers, process exit): SIGKILL every anvil we started. */
export function killAllAnvils(): void {
  for (const child of running) child.kill('SIGKILL');
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', killAllAnvils);
}

export type AnvilProcess = {
  chainId: number;
  port: number;
  rpcUrl: string;
  pid: number;
  stop(): Promise<void>;
};

export type StartAnvilParameters = {
  chainId: number;
  /** Milliseconds to wait for the first eth_chainId answer. */
  timeoutMs?: number;
  /** Extra anvil flags, e.g. ['--block-time', '1']. */
  args?: string[];
};

/** Starts one anvil on a free loopback port and resolves once it answers eth_chainId. */
export async function startAnvil({ chainId, timeoutMs = 15_000, args = [] }: StartAnvilParameters): Promise<AnvilProcess> {
  const binary = anvilBinary();
  let lastError: unknown;
  // A freed port can be grabbed by someone else before anvil binds it: retry on a new one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(binary, chainId, port, timeoutMs, args);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function launch(binary: string, chainId: number, port: number, timeoutMs: number, args: string[]): Promise<AnvilProcess> {
  const child = spawn(
    binary,
    ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  running.add(child);
  installExitHook();
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (cause) =>
      reject(new AnvilStartError(`anvil for chain ${chainId} failed to spawn`, { chainId, port }, { cause })),
    );
    child.once('exit', (code, signal) =>
      reject(new AnvilStartError(`anvil for chain ${chainId} exited early (code ${code}, signal ${signal})`, { chainId, port, stderr })),
    );
  });
  exited.catch(() => {});
  const rpcUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitForChainId(rpcUrl, chainId, timeoutMs), exited]);
  } catch (error) {
    await kill(child);
    throw error;
  }
  if (child.pid === undefined) throw new AnvilStartError('anvil has no pid', { chainId, port });
  const pid = child.pid;
  return { chainId, port, rpcUrl, pid, stop: () => kill(child) };
}

async function waitForChainId(rpcUrl: string, chainId: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        signal: AbortSignal.timeout(1000),
      });
      const body = (await response.json()) as { result?: string };
      if (body.result !== undefined) {
        if (Number(body.result) !== chainId)
          throw new AnvilStartError(`port answered chain ${Number(body.result)}, expected ${chainId}`, { chainId });
        return;
      }
    } catch (error) {
      if (error instanceof AnvilStartError) throw error;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new AnvilStartError(`anvil for chain ${chainId} did not answer within ${timeoutMs} ms`, { chainId });
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 1500);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** True while a process with this pid exists (signal 0 only checks; it sends nothing). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
