/**
 * Wire frames of the dApp provider path: inpage (MAIN world) ⇄ window.postMessage ⇄ content script
 * (ISOLATED) ⇄ runtime port `provider` ⇄ background. The background never trusts an origin in a frame:
 * it takes it from the port's sender.
 */

export const PROVIDER_PORT_NAME = 'provider';

/** Tags on window.postMessage so each side ignores the page's other traffic. */
export const INPAGE_SOURCE = 'era-wallet-inpage';
export const CONTENT_SOURCE = 'era-wallet-content';

/** Largest serialized request the relay forwards (keeps a hostile page from flooding the worker). */
export const MAX_REQUEST_BYTES = 1_000_000;

export type RpcRequestFrame = { kind: 'request'; id: number; method: string; params?: unknown };
export type RpcErrorObject = { code: number; message: string; data?: unknown };
export type RpcResponseFrame = { kind: 'response'; id: number; result?: unknown; error?: RpcErrorObject };
export type ProviderEventName = 'connect' | 'disconnect' | 'accountsChanged' | 'chainChanged';
export type ProviderEventFrame = { kind: 'event'; event: ProviderEventName; data: unknown };
export type BackgroundFrame = RpcResponseFrame | ProviderEventFrame;

/** Accepts only `{kind:'request', id:int, method:string, params?}`: everything else is dropped by the relay. */
export function isRpcRequestFrame(value: unknown): value is RpcRequestFrame {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.kind === 'request' &&
    typeof v.id === 'number' &&
    Number.isSafeInteger(v.id) &&
    typeof v.method === 'string' &&
    v.method.length > 0 &&
    v.method.length <= 128
  );
}

export function isBackgroundFrame(value: unknown): value is BackgroundFrame {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === 'response') return typeof v.id === 'number';
  if (v.kind === 'event') return typeof v.event === 'string';
  return false;
}
