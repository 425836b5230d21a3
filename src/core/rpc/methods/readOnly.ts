import type { RpcHandler } from '../context';
import { invalidParams } from '../errors';

/** Read methods forwarded to the site's chain node as-is (no wallet state involved). */
export const READ_ONLY_METHODS = [
  'eth_call',
  'eth_getBalance',
  'eth_blockNumber',
  'eth_estimateGas',
  'eth_getTransactionReceipt',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getLogs',
  'eth_getCode',
  'eth_gasPrice',
  'eth_feeHistory',
  'eth_maxPriorityFeePerGas',
  'eth_getBlockByNumber',
] as const;

export function forwardToChain(method: string): RpcHandler {
  return async (params, ctx) => {
    if (params !== undefined && !Array.isArray(params)) throw invalidParams(`${method} takes an array of params`);
    return ctx.chainRequest(ctx.chainId, method, (params as unknown[] | undefined) ?? []);
  };
}
