import { invalidRequest } from './errors';

/** A parsed EIP-1193 request. params is an array or object (or absent) per JSON-RPC. */
export type RpcRequest = { method: string; params: unknown };

/** Largest params the wallet accepts (JSON length); a hostile page cannot make the worker chew on more. */
export const MAX_PARAMS_JSON_LENGTH = 512 * 1024;

export function parseRpcRequest(value: unknown): RpcRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidRequest('expected an object { method, params? }');
  const { method, params } = value as { method?: unknown; params?: unknown };
  if (typeof method !== 'string' || method.length === 0 || method.length > 128) {
    throw invalidRequest('method must be a non-empty string');
  }
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw invalidRequest('params must be an array or object');
  }
  let size: number;
  try {
    size = params === undefined ? 0 : JSON.stringify(params)?.length ?? 0;
  } catch {
    throw invalidRequest('params must be JSON');
  }
  if (size > MAX_PARAMS_JSON_LENGTH) throw invalidRequest('params are too large');
  return { method, params: params ?? [] };
}

/** The params array (an object params means the method takes none positionally). */
export function positional(params: unknown): unknown[] {
  return Array.isArray(params) ? params : [];
}
