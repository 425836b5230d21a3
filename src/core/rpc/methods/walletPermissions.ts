import type { RpcHandler } from '../context';
import { invalidParams } from '../errors';
import { positional } from '../request';
import { readParamObject } from '../params';

/** EIP-2255 params: [{ eth_accounts: {} }] — the only capability this wallet grants. */
function readRequestedPermissions(params: unknown): string[] {
  const first = readParamObject(positional(params)[0], 'permissions');
  const names = Object.keys(first);
  if (names.length === 0) throw invalidParams('at least one permission must be requested');
  const unknown = names.filter((n) => n !== 'eth_accounts');
  if (unknown.length > 0) throw invalidParams(`unsupported permission ${unknown.join(', ')}`);
  return names;
}

export const walletRequestPermissions: RpcHandler = async (params, ctx) => {
  const permissions = readRequestedPermissions(params);
  const decision = await ctx.requestApproval('permissions', { params: { permissions }, warnings: [], blocked: null });
  await ctx.grantAccounts(decision.accounts ?? []);
  return ctx.permissions();
};

export const walletGetPermissions: RpcHandler = async (_params, ctx) => ctx.permissions();

export const walletRevokePermissions: RpcHandler = async (params, ctx) => {
  readRequestedPermissions(params);
  await ctx.revokePermissions();
  return null;
};
