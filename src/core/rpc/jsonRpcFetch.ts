import { chainDisconnected, ProviderRpcError } from './errors';

let nextId = 1;

/**
 * One JSON-RPC call over HTTP. A node's own error (e.g. "execution reverted" with data) is passed
 * through as a ProviderRpcError; an unreachable node is 4901 (chain disconnected).
 */
export async function jsonRpcFetch(
  url: string,
  method: string,
  params: unknown[],
  opts: { chainId?: number; timeoutMs?: number } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
  } catch (cause) {
    throw chainDisconnected(opts.chainId ?? 0, cause);
  }
  let body: { result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } };
  try {
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw chainDisconnected(opts.chainId ?? 0, cause);
  }
  if (body && typeof body === 'object' && body.error) {
    const code = typeof body.error.code === 'number' ? body.error.code : -32603;
    const message = typeof body.error.message === 'string' ? body.error.message.slice(0, 500) : 'RPC error';
    throw new ProviderRpcError(code, message, body.error.data === undefined ? {} : { data: body.error.data });
  }
  if (!body || typeof body !== 'object' || !('result' in body)) throw chainDisconnected(opts.chainId ?? 0);
  return body.result;
}
