// A minimal JSON-RPC client over fetch, with batches: the portfolio reads need one HTTP request per chain,
// which an EIP-1193 `request` alone cannot express for the batch fallback.

export interface RpcCall {
  method: string;
  params?: readonly unknown[];
}

export interface RpcCallResult {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface RpcCallOptions {
  signal?: AbortSignal;
}

/** What the portfolio reads through: an EIP-1193-shaped `request` plus a JSON-RPC batch. */
export interface ChainRpc {
  request(call: RpcCall, opts?: RpcCallOptions): Promise<unknown>;
  batch(calls: readonly RpcCall[], opts?: RpcCallOptions): Promise<RpcCallResult[]>;
}

/** The node could not be reached (connection refused, DNS, gateway error). */
export class RpcUnreachableError extends Error {
  override name = 'RpcUnreachableError';
  readonly details: string;
  constructor(readonly url: string, opts: { details?: string; cause?: unknown } = {}) {
    super(`RPC unreachable: ${url}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.details = opts.details ?? 'no response';
  }
}

/** The node answered with a JSON-RPC error or a malformed body. */
export class RpcResponseError extends Error {
  override name = 'RpcResponseError';
  readonly details: string;
  constructor(message: string, readonly code?: number, opts: { details?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.details = opts.details ?? message;
  }
}

/** The call was aborted by the caller's deadline. */
export class RpcTimeoutError extends Error {
  override name = 'RpcTimeoutError';
  readonly details: string;
  constructor(readonly timeoutMs: number) {
    super(`RPC timed out after ${timeoutMs} ms`);
    this.details = `no answer within ${timeoutMs} ms`;
  }
}

export interface HttpRpcOptions {
  /** Injected so tests and benches can count requests, and the extension can use its own fetch. */
  fetch?: typeof fetch;
}

const isAbort = (e: unknown): boolean => e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');

/** A ChainRpc over HTTP POST; each `request` or `batch` is exactly one HTTP request. */
export function httpRpc(url: string, opts: HttpRpcOptions = {}): ChainRpc {
  const doFetch = opts.fetch ?? globalThis.fetch;
  let nextId = 1;

  async function post(payload: unknown, signal?: AbortSignal): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      // An aborted fetch rejects with the signal's reason, whatever it is: that is a cancel, not a dead node.
      if (isAbort(cause) || signal?.aborted) throw cause;
      throw new RpcUnreachableError(url, { details: cause instanceof Error ? cause.message : String(cause), cause });
    }
    if (res.status === 502 || res.status === 503 || res.status === 504)
      throw new RpcUnreachableError(url, { details: `HTTP ${res.status}` });
    if (!res.ok) throw new RpcResponseError(`HTTP ${res.status}`, undefined, { details: await res.text().catch(() => '') });
    try {
      return await res.json();
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw new RpcResponseError('RPC answered with invalid JSON', undefined, { cause });
    }
  }

  const toMessage = (id: number, c: RpcCall) => ({ jsonrpc: '2.0', id, method: c.method, params: c.params ?? [] });

  return {
    async request(call, o) {
      const body = (await post(toMessage(nextId++, call), o?.signal)) as RpcCallResult | null;
      if (!body || typeof body !== 'object') throw new RpcResponseError('RPC answered with a non-object');
      if (body.error) throw new RpcResponseError(body.error.message, body.error.code, { details: JSON.stringify(body.error) });
      return body.result;
    },
    async batch(calls, o) {
      if (calls.length === 0) return [];
      const first = nextId;
      nextId += calls.length;
      const body = await post(
        calls.map((c, i) => toMessage(first + i, c)),
        o?.signal,
      );
      if (!Array.isArray(body)) {
        const err = (body as RpcCallResult | null)?.error;
        throw new RpcResponseError(err?.message ?? 'RPC does not support batches', err?.code);
      }
      // Answers may come in any order: match them by id.
      const byId = new Map<number, RpcCallResult>();
      for (const r of body as Array<RpcCallResult & { id?: unknown }>) if (typeof r?.id === 'number') byId.set(r.id, r);
      return calls.map((_, i) => byId.get(first + i) ?? { error: { code: -32603, message: 'missing in batch response' } });
    },
  };
}

/** An EIP-1193-shaped request function (e.g. a provider already held by the caller). */
export type Eip1193RequestFn = (args: { method: string; params?: readonly unknown[] }) => Promise<unknown>;

/**
 * Adapts a bare EIP-1193 `request` to ChainRpc. It has no batches, so a batch becomes parallel requests:
 * the Multicall3 path stays one request, the no-Multicall3 fallback costs one request per call.
 */
export function rpcFromEip1193(request: Eip1193RequestFn): ChainRpc {
  return {
    request: (call) => request({ method: call.method, ...(call.params ? { params: call.params } : {}) }),
    batch: (calls) =>
      Promise.all(
        calls.map(async (c): Promise<RpcCallResult> => {
          try {
            return { result: await request({ method: c.method, ...(c.params ? { params: c.params } : {}) }) };
          } catch (e) {
            const err = e as { code?: unknown; message?: unknown };
            if (typeof err?.code === 'number') return { error: { code: err.code, message: String(err.message) } };
            throw e;
          }
        }),
      ),
  };
}
