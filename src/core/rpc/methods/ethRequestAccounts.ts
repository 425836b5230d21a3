import type { RpcHandler } from '../context';

/** Connect: asks once per site; later calls only need the wallet unlocked. */
export const ethRequestAccounts: RpcHandler = async (_params, ctx) => {
  if (ctx.permittedAccounts().length > 0) {
    if (!ctx.isUnlocked()) await ctx.waitForUnlock();
    return ctx.permittedAccounts();
  }
  const decision = await ctx.requestApproval('connect', { params: { permissions: ['eth_accounts'] }, warnings: [], blocked: null });
  await ctx.grantAccounts(decision.accounts ?? []);
  return ctx.permittedAccounts();
};
