import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaucetError, requestFaucet } from './faucet';

// A loopback stand-in for the devnet API's POST /v1/faucet (the devnet's own tests cover the real one).
let server: Server;
let api = '';
const seen: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const json = JSON.parse(body) as { chainId: number; address: string };
      seen.push({ url: req.url, method: req.method, json });
      if (json.chainId === 999) return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'UNKNOWN_CHAIN', message: 'chain 999 is not part of this devnet' } }));
      if (json.chainId === 998) return void res.writeHead(500).end('not json');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ chainId: json.chainId, address: json.address, token: 'ETH', amount: '10000000000000000000', decimals: 18, txHash: '0x01' }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  api = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('requestFaucet', () => {
  it('posts { chainId, address } to <api>/v1/faucet and returns the result', async () => {
    const r = await requestFaucet(api, { chainId: 901, address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' });
    expect(r.amount).toBe('10000000000000000000');
    expect(seen.at(-1)).toEqual({ url: '/v1/faucet', method: 'POST', json: { chainId: 901, address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' } });
  });
  it("throws the API's error code and message", async () => {
    const e = await requestFaucet(api, { chainId: 999, address: '0x0000000000000000000000000000000000000001' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FaucetError);
    expect((e as FaucetError).details).toEqual({ status: 404, code: 'UNKNOWN_CHAIN' });
    expect((e as Error).message).toContain('chain 999');
  });
  it('names the HTTP status when the answer is not JSON', async () => {
    await expect(requestFaucet(api, { chainId: 998, address: '0x0000000000000000000000000000000000000001' })).rejects.toThrow('HTTP 500');
  });
  it('says the devnet is unreachable when nothing listens', async () => {
    const e = await requestFaucet('http://127.0.0.1:1', { chainId: 901, address: '0x0000000000000000000000000000000000000001' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FaucetError);
    expect((e as FaucetError).message).toMatch(/not reachable/);
    expect((e as FaucetError).cause).toBeDefined();
  });
});
