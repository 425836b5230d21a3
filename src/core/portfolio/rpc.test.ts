import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBalances } from './readBalances';
import { httpRpc, RpcResponseError, RpcUnreachableError } from './rpc';
import { freePort } from './testing/anvilChain';

// A real local HTTP server that misbehaves on purpose, per path.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const send = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
      const msg = JSON.parse(body) as { id: number } | Array<{ id: number }>;
      switch (req.url) {
        case '/503':
          return send(503, '');
        case '/500':
          return send(500, 'boom');
        case '/garbage':
          return send(200, '<html>');
        case '/rpc-error':
          return send(200, JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'execution reverted' } }));
        case '/no-batch':
          return send(200, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch not supported' } }));
        case '/reversed':
          // Valid answers in reverse order: the client must match by id.
          if (!Array.isArray(msg)) return send(200, JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: '0x' }));
          return send(200, JSON.stringify(msg.map((m) => ({ jsonrpc: '2.0', id: m.id, result: `0x${m.id.toString(16)}` })).reverse()));
        default:
          return send(404, '');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('httpRpc', () => {
  it('classifies a refused connection and gateway errors as unreachable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expect(httpRpc(closed).request({ method: 'eth_chainId' })).rejects.toBeInstanceOf(RpcUnreachableError);
    await expect(httpRpc(`${base}/503`).request({ method: 'eth_chainId' })).rejects.toBeInstanceOf(RpcUnreachableError);
  });

  it('classifies HTTP 500, bad JSON and JSON-RPC errors as response errors', async () => {
    await expect(httpRpc(`${base}/500`).request({ method: 'x' })).rejects.toBeInstanceOf(RpcResponseError);
    await expect(httpRpc(`${base}/garbage`).request({ method: 'x' })).rejects.toThrow(/invalid JSON/);
    await expect(httpRpc(`${base}/rpc-error`).request({ method: 'x' })).rejects.toMatchObject({ code: -32000 });
    await expect(httpRpc(`${base}/no-batch`).batch([{ method: 'x' }])).rejects.toThrow(/batch not supported/);
  });

  it('matches batch answers by id, whatever their order', async () => {
    const rpc = httpRpc(`${base}/reversed`);
    const answers = await rpc.batch([{ method: 'a' }, { method: 'b' }, { method: 'c' }]);
    expect(answers.map((a) => BigInt(a.result as string))).toEqual([1n, 2n, 3n]);
  });
});

describe('readBalances status mapping', () => {
  const chain = { chainId: 1, multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11' as const };
  const holder = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
  it('maps unreachable to offline, RPC errors and garbage to error, never throws', async () => {
    expect((await readBalances(chain, holder, [], { rpc: httpRpc(`${base}/503`) })).status).toBe('offline');
    expect((await readBalances(chain, holder, [], { rpc: httpRpc(`${base}/rpc-error`) })).status).toBe('error');
    const g = await readBalances(chain, holder, [], { rpc: httpRpc(`${base}/garbage`) });
    expect(g).toMatchObject({ status: 'error', error: { name: 'RpcResponseError' }, requests: 1 });
  });
  it('rejects a bad holder as a programming error', async () => {
    await expect(readBalances(chain, '0x12' as `0x${string}`, [], { rpc: httpRpc(base) })).rejects.toThrow(/holder/);
  });
  it('ends at once with an AbortError when the caller cancels', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const started = Date.now();
    const r = await readBalances(chain, holder, [], { rpc: httpRpc(`${base}/reversed`), signal: ctl.signal, timeoutMs: 5000 });
    expect(r).toMatchObject({ status: 'error', error: { name: 'AbortError' } });
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
