// Test and bench support only (Node): a real anvil chain with funded accounts and a deployed ERC-20.
// Not imported by runtime code; lives here because src/core tests may not import devnet/.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeDeployData, encodeFunctionData, getAddress, parseAbi, type Address, type Hex } from 'viem';

export type Eip1193Request = (args: { method: string; params?: readonly unknown[] }) => Promise<unknown>;

export type AnvilChain = {
  chainId: number;
  rpcUrl: string;
  request: Eip1193Request;
  /** anvil's unlocked default accounts. */
  accounts: Address[];
  stop(): Promise<void>;
};

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANVIL = join(root, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');

export const erc20Abi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address,uint256) returns (bool)',
]);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A minimal EIP-1193 `request` over HTTP JSON-RPC that surfaces RPC errors as thrown errors. */
export function httpRequest(rpcUrl: string): Eip1193Request {
  let id = 0;
  return async ({ method, params = [] }) => {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
    if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
    return body.result;
  };
}

export async function startAnvil(chainId = 901): Promise<AnvilChain> {
  const port = await freePort();
  const child: ChildProcess = spawn(ANVIL, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'], {
    stdio: 'ignore',
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const request = httpRequest(rpcUrl);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await request({ method: 'eth_chainId' });
        break;
      } catch (error) {
        if (i > 100 || child.exitCode !== null) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const accounts = ((await request({ method: 'eth_accounts' })) as string[]).map((a) => getAddress(a));
    return { chainId, rpcUrl, request, accounts, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

let compiled: Hex | undefined;

/** Creation bytecode of an OpenZeppelin ERC-20 that mints `supply` to the deployer (balances at slot 0). */
export function testTokenBytecode(): Hex {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { compile(input: string, opts: { import(path: string): { contents?: string; error?: string } }): string };
  const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract TestToken is ERC20 {
  constructor(uint256 supply) ERC20("Test Token", "TST") { _mint(msg.sender, supply); }
}`;
  const input = {
    language: 'Solidity',
    sources: { 'TestToken.sol': { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
  };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import(path) {
        try {
          return { contents: readFileSync(join(root, 'node_modules', path), 'utf8') };
        } catch {
          return { error: `not found: ${path}` };
        }
      },
    }),
  ) as { errors?: { severity: string; formattedMessage: string }[]; contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>> };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  compiled = `0x${output.contracts['TestToken.sol']!['TestToken']!.evm.bytecode.object}` as Hex;
  return compiled;
}

/** Sends a transaction from an unlocked account and waits for its receipt (anvil automines). */
export async function sendTx(chain: AnvilChain, tx: { from: Address; to?: Address; data?: Hex; value?: bigint }) {
  const hash = (await chain.request({
    method: 'eth_sendTransaction',
    params: [{ from: tx.from, to: tx.to, data: tx.data, value: tx.value === undefined ? undefined : `0x${tx.value.toString(16)}` }],
  })) as Hex;
  // Anvil automines, but under load the receipt can lag the hash by a moment: poll, bounded.
  type Receipt = { status: Hex; contractAddress: Address | null };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const receipt = (await chain.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as Receipt | null;
    if (receipt) {
      if (receipt.status !== '0x1') throw new Error(`transaction ${hash} failed`);
      return receipt;
    }
    if (Date.now() > deadline) throw new Error(`no receipt for ${hash} after 30 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Deploys the test ERC-20 from accounts[0] with `supply`, returning its address. */
export async function deployTestToken(chain: AnvilChain, supply: bigint): Promise<Address> {
  const data = encodeDeployData({
    abi: parseAbi(['constructor(uint256 supply)']),
    bytecode: testTokenBytecode(),
    args: [supply],
  });
  const receipt = await sendTx(chain, { from: chain.accounts[0]!, data });
  return getAddress(receipt.contractAddress!);
}

export async function transferToken(chain: AnvilChain, token: Address, from: Address, to: Address, amount: bigint) {
  await sendTx(chain, { from, to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }) });
}
