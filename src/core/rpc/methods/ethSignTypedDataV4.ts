import type { ApprovalWarning } from '../approval';
import type { RpcHandler } from '../context';
import { positional } from '../request';
import { decodeTypedData, parseTypedData } from '../typedData';
import { requirePermittedAccount } from './accounts';

/** eth_signTypedData_v4 [address, typedData]: validated, decoded for display, warns on a foreign chainId. */
export const ethSignTypedDataV4: RpcHandler = async (params, ctx) => {
  const p = positional(params);
  const address = requirePermittedAccount(ctx, p[0], 'address');
  const typedData = parseTypedData(p[1]);
  const decoded = decodeTypedData(typedData, address);
  const warnings: ApprovalWarning[] = [];
  if (decoded.domain.chainId !== undefined && decoded.domain.chainId !== ctx.chainId) {
    warnings.push({
      code: 'typed_data_chain_mismatch',
      severity: 'danger',
      message: `The data is for chain ${decoded.domain.chainId}, but the site is on chain ${ctx.chainId}.`,
    });
  }
  await ctx.requestApproval('typed_data', { params: decoded, warnings, blocked: null });
  return ctx.signTypedData(address, typedData);
};
