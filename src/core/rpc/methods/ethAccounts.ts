import type { RpcHandler } from '../context';

/** Granted accounts (selected first); empty while locked, as MetaMask does. */
export const ethAccounts: RpcHandler = async (_params, ctx) => (ctx.isUnlocked() ? ctx.permittedAccounts() : []);
