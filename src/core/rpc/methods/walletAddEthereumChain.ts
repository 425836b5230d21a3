import { chainFromAddEthereumChain } from '../../chains';
import type { RpcHandler } from '../context';
import { invalidParams, ProviderRpcError } from '../errors';
import { readChainId } from '../params';

/**
 * EIP-3085: validated params; the given RPC must answer eth_chainId with the same id before the
 * user is asked. Approving adds the chain and switches the site to it. A known chain is a switch.
 */
export const walletAddEthereumChain: RpcHandler = async (params, ctx) => {
  const entry = chainFromAddEthereumChain(params);
  const known = ctx.getChain(entry.chainId);
  if (known) {
    if (entry.chainId === ctx.chainId) return null;
    await ctx.requestApproval('switch_chain', {
      params: { fromChainId: ctx.chainId, toChainId: entry.chainId, chainName: known.name },
      warnings: [],
      blocked: null,
    });
    await ctx.setSiteChain(entry.chainId);
    return null;
  }
  const rpcUrl = entry.rpcUrls[0]!;
  let answered: unknown;
  try {
    answered = await ctx.rpcRequestAt(rpcUrl, 'eth_chainId', []);
  } catch (cause) {
    throw new ProviderRpcError(-32602, `Invalid params: the RPC ${rpcUrl} did not answer eth_chainId`, { cause });
  }
  let actual: number;
  try {
    actual = readChainId(answered);
  } catch {
    throw invalidParams(`the RPC ${rpcUrl} answered eth_chainId with a malformed value`);
  }
  if (actual !== entry.chainId) {
    throw invalidParams(`the RPC ${rpcUrl} is for chain ${actual}, not ${entry.chainId}`);
  }
  await ctx.requestApproval('add_chain', {
    params: {
      chainId: entry.chainId,
      chainName: entry.name,
      rpcUrl,
      nativeCurrency: entry.nativeCurrency,
      blockExplorerUrl: entry.explorer?.url ?? null,
    },
    warnings: [{ code: 'custom_chain', severity: 'warning', message: 'A site-supplied network can report false balances and transaction results.' }],
    blocked: null,
  });
  await ctx.addChain(entry);
  await ctx.setSiteChain(entry.chainId);
  return null;
};
