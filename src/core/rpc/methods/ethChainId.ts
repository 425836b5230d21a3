import type { RpcHandler } from '../context';
import { toHexQuantity } from '../params';

export const ethChainId: RpcHandler = async (_params, ctx) => toHexQuantity(ctx.chainId);
export const netVersion: RpcHandler = async (_params, ctx) => String(ctx.chainId);
