/** EIP-1193 / EIP-1474 error codes the provider answers with. */
export const RpcErrorCode = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupportedMethod: 4200,
  disconnected: 4900,
  chainDisconnected: 4901,
  unrecognizedChain: 4902,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  resourceUnavailable: -32002,
  /** EIP-5792 */
  unknownBundle: 5730,
  atomicityNotSupported: 5760,
  duplicateBundle: 5720,
  unsupportedChain5792: 5710,
} as const;

export type RpcErrorObject = { code: number; message: string; data?: unknown };

/** An error the dApp sees as-is: code + short message (+ data). Anything else becomes -32603. */
export class ProviderRpcError extends Error {
  override name = 'ProviderRpcError';
  readonly code: number;
  readonly data?: unknown;
  constructor(code: number, message: string, opts: { data?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    if (opts.data !== undefined) this.data = opts.data;
  }
  toJSON(): RpcErrorObject {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

export const userRejected = (what = 'request') => new ProviderRpcError(4001, `User rejected the ${what}`);
export const unauthorized = (message = 'The requested account and/or method has not been authorized by the user') =>
  new ProviderRpcError(4100, message);
export const unsupportedMethod = (method: string) => new ProviderRpcError(4200, `The wallet does not support ${method}`);
export const invalidParams = (message: string) => new ProviderRpcError(-32602, `Invalid params: ${message}`);
export const invalidRequest = (message: string) => new ProviderRpcError(-32600, `Invalid request: ${message}`);
export const unrecognizedChain = (chainId: number | string) =>
  new ProviderRpcError(4902, `Unrecognized chain ID ${typeof chainId === 'number' ? '0x' + chainId.toString(16) : chainId}. Add it with wallet_addEthereumChain first.`);
export const chainDisconnected = (chainId: number, cause?: unknown) =>
  new ProviderRpcError(4901, `The wallet cannot reach chain ${chainId}`, { cause });
export const internalError = (message = 'Internal error', cause?: unknown) => new ProviderRpcError(-32603, message, { cause });

/** Converts anything thrown by a handler into what the dApp may see; never leaks internals. */
export function toRpcErrorObject(error: unknown): RpcErrorObject {
  if (error instanceof ProviderRpcError) return error.toJSON();
  const code = (error as { code?: unknown } | null)?.code;
  // Typed core errors (e.g. chains' ChainValidationError) carry a provider code and a safe short message.
  if (error instanceof Error && (code === -32602 || code === 4902)) return { code, message: error.message };
  return { code: -32603, message: 'Internal error' };
}
