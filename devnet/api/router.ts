import type { IncomingMessage, ServerResponse } from 'node:http';

/** A failure a handler reports to the client: `{ error: { code, message } }` with an HTTP status. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ApiRequest = {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  headers: IncomingMessage['headers'];
  remoteAddress: string | undefined;
};

export type ApiHandler = (request: ApiRequest) => unknown;

type Route = { method: string; pattern: string; regex: RegExp; keys: string[]; handler: ApiHandler };

const MAX_BODY_BYTES = 1 << 20;

/** Method + path router for the devnet API; handlers return JSON-able values or throw ApiError. */
export class DevnetApiRouter {
  readonly #routes: Route[] = [];

  /** Patterns use `{name}` (or `:name`) for one path segment, e.g. `/v1/checkpoints/{epoch}`. */
  route(method: string, pattern: string, handler: ApiHandler): this {
    const keys: string[] = [];
    const source = pattern
      .split('/')
      .map((segment) => {
        const match = /^\{(\w+)\}$/.exec(segment) ?? /^:(\w+)$/.exec(segment);
        if (match) {
          keys.push(match[1]!);
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.#routes.push({ method: method.toUpperCase(), pattern, regex: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  routes(): { method: string; pattern: string }[] {
    return this.#routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  /** Node http listener: CORS, body parsing, dispatch, JSON errors. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const candidates = this.#routes
        .map((route) => ({ route, match: route.regex.exec(url.pathname) }))
        .filter((c) => c.match);
      if (candidates.length === 0) throw new ApiError(404, 'NOT_FOUND', `no route for ${method} ${url.pathname}`);
      const found = candidates.find((c) => c.route.method === method);
      if (!found) throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${url.pathname}`);
      const params: Record<string, string> = {};
      found.route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found.match![i + 1]!)));
      const body = await readJsonBody(req);
      const result = await found.route.handler({
        method,
        path: url.pathname,
        params,
        query: url.searchParams,
        body,
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress,
      });
      sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof ApiError) sendJson(res, error.status, { error: { code: error.code, message: error.message } });
      else {
        const message = error instanceof Error ? error.message : String(error);
        sendJson(res, 500, { error: { code: 'INTERNAL', message } });
      }
    }
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'BODY_TOO_LARGE', `body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError(400, 'INVALID_JSON', 'request body is not valid JSON', { cause });
  }
}

/** bigint goes out as 0x-hex, the spec's JSON convention for integers that do not fit a number. */
function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

/** Extension pages and local dApps may call the devnet; nothing else gets CORS headers. */
export function isAllowedOrigin(origin: string): boolean {
  if (/^(chrome|moz)-extension:\/\/[\w-]+$/.test(origin)) return true;
  return /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin);
}

function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-max-age', '600');
}
