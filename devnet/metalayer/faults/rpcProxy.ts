import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  decodeFunctionData,
  decodeFunctionResult,
  encodeFunctionResult,
  numberToHex,
  parseAbi,
  size,
  toHex,
  type Hex,
} from 'viem';
import type { FaultSwitchboard } from './faults.js';

const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

const BALANCE_OF = '0x70a08231';
const GET_ETH_BALANCE = '0x4d2301cc';
const AGGREGATE3 = '0x82ad56cb';
const MAX_BODY = 8 << 20;

type JsonRpcRequest = { jsonrpc: '2.0'; id: unknown; method: string; params?: unknown[] };
type JsonRpcResponse = { jsonrpc: '2.0'; id: unknown; result?: unknown; error?: unknown };

/** A lie that is visible but plausible: ×factor plus one whole unit, so zero balances change too. */
export function inflate(value: bigint, factor: number): bigint {
  return value * BigInt(factor) + 10n ** 18n;
}

function inflateWord(word: Hex, factor: number): Hex {
  return numberToHex(inflate(BigInt(word), factor), { size: 32 });
}

/** Rewrites one eth_call result: balanceOf, Multicall3's getEthBalance, and both inside aggregate3. */
function lieAboutCall(data: Hex | undefined, result: Hex, factor: number): Hex {
  if (!data || data.length < 10) return result;
  const selector = data.slice(0, 10).toLowerCase();
  if ((selector === BALANCE_OF || selector === GET_ETH_BALANCE) && size(result) === 32) return inflateWord(result, factor);
  if (selector !== AGGREGATE3) return result;
  try {
    const { args } = decodeFunctionData({ abi: multicall3Abi, data });
    const calls = args[0];
    const results = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data: result });
    const lied = results.map((r, i) => {
      const inner = calls[i]?.callData.slice(0, 10).toLowerCase();
      const isBalance = inner === BALANCE_OF || inner === GET_ETH_BALANCE;
      return r.success && isBalance && size(r.returnData) === 32 ? { ...r, returnData: inflateWord(r.returnData, factor) } : r;
    });
    return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: lied });
  } catch {
    return result;
  }
}

type ProofResult = { balance: Hex; storageProof?: { key: Hex; value: Hex; proof: Hex[] }[] };

function lieAboutProof(result: ProofResult, factor: number): ProofResult {
  return {
    ...result,
    balance: toHex(inflate(BigInt(result.balance), factor)),
    storageProof: result.storageProof?.map((s) => ({ ...s, value: toHex(inflate(BigInt(s.value), factor)) })),
  };
}

export function lie(request: JsonRpcRequest, response: JsonRpcResponse, fault: { factor?: number; proofs?: boolean }): JsonRpcResponse {
  if (response.result === undefined || response.result === null) return response;
  const factor = fault.factor ?? 10;
  switch (request.method) {
    case 'eth_getBalance':
      return { ...response, result: toHex(inflate(BigInt(response.result as Hex), factor)) };
    case 'eth_call': {
      const tx = (request.params?.[0] ?? {}) as { data?: Hex; input?: Hex };
      return { ...response, result: lieAboutCall(tx.data ?? tx.input, response.result as Hex, factor) };
    }
    case 'eth_getProof':
      return fault.proofs ? { ...response, result: lieAboutProof(response.result as ProofResult, factor) } : response;
    default:
      return response;
  }
}

export type RpcProxy = { chainId: number; url: string; upstream: string; close(): Promise<void> };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A JSON-RPC proxy in front of one chain's anvil (spec D, "lying RPC"). Transparent (bytes pass
 * through untouched) unless the switchboard has a lyingRpc fault for this chain.
 */
export async function startRpcProxy(opts: { chainId: number; upstream: string; faults: FaultSwitchboard; port?: number }): Promise<RpcProxy> {
  const { chainId, upstream, faults } = opts;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method !== 'POST') return void res.writeHead(405, { 'content-type': 'application/json' }).end('{"error":"POST only"}');
    const body = await readBody(req);
    const upstreamRes = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(body) });
    const text = await upstreamRes.text();
    const fault = faults.lyingRpc(chainId);
    if (!fault) return void res.writeHead(upstreamRes.status, { 'content-type': 'application/json' }).end(text);
    let out = text;
    try {
      const request = JSON.parse(body.toString('utf8')) as JsonRpcRequest | JsonRpcRequest[];
      const response = JSON.parse(text) as JsonRpcResponse | JsonRpcResponse[];
      if (Array.isArray(request) && Array.isArray(response)) {
        out = JSON.stringify(response.map((r) => {
          const q = request.find((x) => x.id === r.id);
          return q ? lie(q, r, fault) : r;
        }));
      } else if (!Array.isArray(request) && !Array.isArray(response)) {
        out = JSON.stringify(lie(request, response, fault));
      }
    } catch {
      // Not JSON we understand: pass it through.
    }
    res.writeHead(upstreamRes.status, { 'content-type': 'application/json' }).end(out);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: `proxy: ${message}` } }));
    });
  });
  server.keepAliveTimeout = 1000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
  return {
    chainId,
    url: `http://127.0.0.1:${port}`,
    upstream,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
