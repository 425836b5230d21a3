// Test and bench support only (never imported by wallet code): real anvil chains and the devnet's contracts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPublicClient,
  createWalletClient,
  encodeAbiParameters,
  http,
  keccak256,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '../../../..');
const require = createRequire(import.meta.url);
export const ANVIL_BIN = join(ROOT, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');
/** anvil's first default account (test mnemonic): public test key, funded on every anvil chain. */
export const DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const deployer = privateKeyToAccount(DEPLOYER_KEY);

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}

export interface AnvilChain {
  chainId: number;
  rpcUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts anvil on a free loopback port and waits until it answers. */
export async function startAnvil(chainId: number): Promise<AnvilChain> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(ANVIL_BIN, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'], {
      stdio: 'ignore',
    });
    const rpcUrl = `http://127.0.0.1:${port}`;
    const stop = () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(rpcUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
        });
        if (res.ok) return { chainId, rpcUrl, pid: child.pid!, stop };
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await stop();
    if (attempt >= 2) throw new Error(`anvil did not start (chain ${chainId})`);
  }
}

/** A port that accepts TCP connections and never answers: a hung node. */
export async function startSilentServer(): Promise<{ rpcUrl: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const srv: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  });
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const port = (srv.address() as { port: number }).port;
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        srv.close(() => ok());
      }),
  };
}

export type Compiled = Record<string, { abi: Abi; bytecode: Hex; deployedBytecode: Hex }>;
let compiled: Compiled | undefined;

/** Compiles the devnet's own Multicall3, DevnetToken and PriceOracle sources (read as text) with solc-js. */
export function devnetContracts(): Compiled {
  if (compiled) return compiled;
  const dir = join(ROOT, 'devnet/contracts');
  const sources: Record<string, { content: string }> = {};
  for (const f of ['Multicall3.sol', 'DevnetToken.sol', 'PriceOracle.sol']) sources[f] = { content: readFileSync(join(dir, f), 'utf8') };
  const solc = require('solc') as { compile(input: string, o: { import(p: string): { contents?: string; error?: string } }): string };
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const out = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import: (p) => {
        try {
          return { contents: readFileSync(require.resolve(p), 'utf8') };
        } catch {
          return { error: `not found: ${p}` };
        }
      },
    }),
  ) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`solc: ${errors[0]!.formattedMessage}`);
  const result: Compiled = {};
  for (const [file, cs] of Object.entries(out.contracts)) {
    if (!(file in sources)) continue;
    for (const [name, c] of Object.entries(cs))
      result[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
  }
  compiled = result;
  return result;
}

export const MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

export interface ChainClients {
  public: PublicClient;
  wallet: WalletClient;
}

export function clientsFor(rpcUrl: string): ChainClients {
  const transport = http(rpcUrl);
  return {
    public: createPublicClient({ transport }) as PublicClient,
    wallet: createWalletClient({ account: deployer, transport }),
  };
}

async function rpcCall(rpcUrl: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Places the devnet's Multicall3 runtime code at the canonical address. */
export async function placeMulticall3(rpcUrl: string): Promise<void> {
  await rpcCall(rpcUrl, 'anvil_setCode', [MULTICALL3, devnetContracts().Multicall3!.deployedBytecode]);
}

/** Deploys a DevnetToken minting `amount` to each holder; returns its address. */
export async function deployToken(
  rpcUrl: string,
  t: { name: string; symbol: string; decimals: number; holders: Address[]; amount: bigint },
): Promise<Address> {
  const c = devnetContracts().DevnetToken!;
  const { public: pub, wallet } = clientsFor(rpcUrl);
  const hash = await wallet.deployContract({
    abi: c.abi,
    bytecode: c.bytecode,
    args: [t.name, t.symbol, t.decimals, t.holders, t.amount, 0n],
    account: deployer,
    chain: null,
  });
  const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (!receipt.contractAddress) throw new Error('token deploy failed');
  return receipt.contractAddress;
}

/** Deploys the devnet PriceOracle with the given prices (8 decimals). */
export async function deployPriceOracle(rpcUrl: string, prices: Array<[Address, bigint]>): Promise<Address> {
  const c = devnetContracts().PriceOracle!;
  const { public: pub, wallet } = clientsFor(rpcUrl);
  const hash = await wallet.deployContract({
    abi: c.abi,
    bytecode: c.bytecode,
    args: [deployer.address, prices.map((p) => p[0]), prices.map((p) => p[1])],
    account: deployer,
    chain: null,
  });
  const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (!receipt.contractAddress) throw new Error('oracle deploy failed');
  return receipt.contractAddress;
}

/** Copies a deployed contract's runtime code to `target` (no constructor run; storage starts empty). */
export async function cloneCode(rpcUrl: string, from: Address, target: Address): Promise<void> {
  const code = await rpcCall(rpcUrl, 'eth_getCode', [from, 'latest']);
  await rpcCall(rpcUrl, 'anvil_setCode', [target, code]);
}

/** Writes an OpenZeppelin ERC-20 balance (mapping at `slot`) directly into storage. */
export async function setErc20Balance(rpcUrl: string, token: Address, holder: Address, amount: bigint, slot = 0n): Promise<void> {
  const key = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [holder, slot]));
  await rpcCall(rpcUrl, 'anvil_setStorageAt', [token, key, `0x${amount.toString(16).padStart(64, '0')}`]);
}

export async function setNativeBalance(rpcUrl: string, holder: Address, amount: bigint): Promise<void> {
  await rpcCall(rpcUrl, 'anvil_setBalance', [holder, `0x${amount.toString(16)}`]);
}

export { rpcCall as anvilRpc };

/** A fetch that counts the HTTP requests made through it (the unit of the one-request-per-chain target). */
export function countingFetch(): { fetch: typeof fetch; count(): number; reset(): void } {
  let n = 0;
  return {
    fetch: ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      n += 1;
      return fetch(input, init);
    }) as typeof fetch,
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}
