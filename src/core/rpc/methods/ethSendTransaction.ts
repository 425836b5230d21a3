import type { RpcContext, RpcHandler } from '../context';
import { readChecksummedAddress } from '../checksum';
import { invalidParams } from '../errors';
import { readChainId, readData, readOptionalQuantity, readParamObject } from '../params';
import { prepareTransaction, transactionApprovalParams, type TransactionInput } from '../prepareTransaction';
import { positional } from '../request';
import { requirePermittedAccount } from './accounts';

/** Reads one eth_sendTransaction object; a mixed-case `to` with a wrong EIP-55 checksum is refused. */
export function readTransactionInput(ctx: RpcContext, value: unknown, field: string): TransactionInput {
  const t = readParamObject(value, field);
  const from = requirePermittedAccount(ctx, t.from, `${field}.from`);
  const to = t.to === undefined || t.to === null ? null : readChecksummedAddress(t.to, `${field}.to`);
  if (t.data !== undefined && t.input !== undefined && t.data !== t.input) throw invalidParams(`${field}.data and .input differ`);
  const data = readData(t.data ?? t.input, `${field}.data`);
  if (to === null && data === '0x') throw invalidParams(`${field} has neither to nor data`);
  if (t.chainId !== undefined && readChainId(t.chainId, `${field}.chainId`) !== ctx.chainId) {
    throw invalidParams(`${field}.chainId is not the site's chain 0x${ctx.chainId.toString(16)}`);
  }
  const input: TransactionInput = { from, to, data, value: readOptionalQuantity(t.value, `${field}.value`) ?? 0n };
  const gas = readOptionalQuantity(t.gas, `${field}.gas`);
  if (gas !== undefined) input.gas = gas;
  const nonce = readOptionalQuantity(t.nonce, `${field}.nonce`);
  if (nonce !== undefined) input.nonce = nonce;
  const maxFee = readOptionalQuantity(t.maxFeePerGas, `${field}.maxFeePerGas`);
  if (maxFee !== undefined) input.maxFeePerGas = maxFee;
  const priority = readOptionalQuantity(t.maxPriorityFeePerGas, `${field}.maxPriorityFeePerGas`);
  if (priority !== undefined) input.maxPriorityFeePerGas = priority;
  const gasPrice = readOptionalQuantity(t.gasPrice, `${field}.gasPrice`);
  if (gasPrice !== undefined) {
    if (maxFee !== undefined || priority !== undefined) throw invalidParams(`${field} mixes gasPrice with EIP-1559 fees`);
    input.gasPrice = gasPrice;
  }
  return input;
}

/** Fills the transaction from the chain, asks the user, signs in the background, broadcasts: the hash. */
export const ethSendTransaction: RpcHandler = async (params, ctx) => {
  const input = readTransactionInput(ctx, positional(params)[0], 'params[0]');
  const tx = await prepareTransaction(ctx, ctx.chainId, input);
  const symbol = ctx.getChain(ctx.chainId)?.nativeCurrency.symbol ?? 'ETH';
  await ctx.requestApproval('send_transaction', { params: transactionApprovalParams(tx, symbol), warnings: [], blocked: null });
  return ctx.sendTransaction(tx);
};
