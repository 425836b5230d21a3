import type { RpcHandler } from '../context';
import { unrecognizedChain } from '../errors';
import { readChainId, readParamObject } from '../params';
import { positional } from '../request';

/** EIP-3326: asks the user, then switches this site's chain; 4902 when the wallet does not know it. */
export const walletSwitchEthereumChain: RpcHandler = async (params, ctx) => {
  const chainId = readChainId(readParamObject(positional(params)[0], 'params[0]').chainId);
  const chain = ctx.getChain(chainId);
  if (!chain) throw unrecognizedChain(chainId);
  if (chainId === ctx.chainId) return null;
  await ctx.requestApproval('switch_chain', {
    params: { fromChainId: ctx.chainId, toChainId: chainId, chainName: chain.name },
    warnings: [],
    blocked: null,
  });
  await ctx.setSiteChain(chainId);
  return null;
};
