import type { RpcContext } from './context';
import { toRpcErrorObject, unauthorized, unsupportedMethod, type RpcErrorObject } from './errors';
import { extraApprovalKinds, rpcMethods } from './methods';
import { parseRpcRequest } from './request';

export type RpcResponse = { result: unknown } | { error: RpcErrorObject };

/**
 * The single entry for dApp requests: validates the shape, looks the method up, enforces its
 * permission and declared approval kind, runs it. Never throws; every failure is an error object.
 */
export async function dispatchRpc(request: unknown, ctx: RpcContext): Promise<RpcResponse> {
  try {
    const { method, params } = parseRpcRequest(request);
    const spec = Object.hasOwn(rpcMethods, method) ? rpcMethods[method] : undefined;
    if (!spec) throw unsupportedMethod(method);
    if (spec.permission === 'accounts' && ctx.permittedAccounts().length === 0) throw unauthorized();
    const allowed = new Set([spec.approval, ...(extraApprovalKinds[method] ?? [])]);
    // The table is the policy: a handler cannot open an approval kind its entry does not declare.
    const guarded: RpcContext = Object.create(ctx, {
      requestApproval: {
        value: ((kind, req) => {
          if (!allowed.has(kind)) throw new Error(`${method} may not request a ${kind} approval`);
          return ctx.requestApproval(kind, req);
        }) as RpcContext['requestApproval'],
      },
    });
    const result = await spec.handler(params, guarded);
    return { result: result === undefined ? null : result };
  } catch (error) {
    return { error: toRpcErrorObject(error) };
  }
}
