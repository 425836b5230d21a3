import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, DevnetApiRouter, isAllowedOrigin } from './router.js';
import { closeServer, listen, startApiServer } from './server.js';

describe('DevnetApiRouter', () => {
  const router = new DevnetApiRouter()
    .route('GET', '/v1/things/{id}', ({ params, query }) => ({ id: params.id, q: query.get('q'), big: 2n ** 70n }))
    .route('POST', '/v1/echo', ({ body }) => ({ body }))
    .route('GET', '/v1/teapot', () => {
      throw new ApiError(418, 'TEAPOT', 'short and stout');
    })
    .route('GET', '/v1/boom', () => {
      throw new Error('kaput');
    });
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => void router.handle(req, res));
    base = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(() => closeServer(server));

  it('matches path parameters and query, and encodes bigint as 0x hex', async () => {
    const response = await fetch(`${base}/v1/things/abc%20d?q=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ id: 'abc d', q: '1', big: '0x400000000000000000' });
  });

  it('parses JSON bodies', async () => {
    const response = await fetch(`${base}/v1/echo`, { method: 'POST', body: JSON.stringify({ a: [1] }) });
    expect(await response.json()).toEqual({ body: { a: [1] } });
  });

  it.each([
    ['GET', '/v1/nope', undefined, 404, 'NOT_FOUND'],
    ['POST', '/v1/things/1', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/v1/echo', '{not json', 400, 'INVALID_JSON'],
    ['GET', '/v1/teapot', undefined, 418, 'TEAPOT'],
    ['GET', '/v1/boom', undefined, 500, 'INTERNAL'],
  ])('%s %s → %i %s as a JSON error', async (method, path, body, status, code) => {
    const response = await fetch(`${base}${path}`, { method, body });
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(0);
  });

  it('rejects bodies over 1 MiB', async () => {
    const response = await fetch(`${base}/v1/echo`, { method: 'POST', body: 'x'.repeat((1 << 20) + 10) });
    expect(response.status).toBe(413);
  });

  it('allows CORS for extension origins and local pages only', async () => {
    for (const origin of ['chrome-extension://koipaobmjilkgdpgfhbkefcdhickhkfk', 'moz-extension://0a1b-22', 'http://127.0.0.1:5173', 'http://localhost']) {
      expect(isAllowedOrigin(origin)).toBe(true);
      const response = await fetch(`${base}/v1/things/1`, { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null'])
      expect(isAllowedOrigin(origin)).toBe(false);
    const denied = await fetch(`${base}/v1/things/1`, { headers: { origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/v1/echo`, { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('falls back to a free port when the preferred one is taken', async () => {
    const taken = createServer();
    const port = await listen(taken, 0);
    const api = await startApiServer(router, port);
    try {
      expect(api.port).not.toBe(port);
      expect((await fetch(`${api.url}/v1/things/x`)).status).toBe(200);
    } finally {
      await api.close();
      await closeServer(taken);
    }
  });
});
