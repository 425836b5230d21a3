import { hexToBigInt, type Address, type Hex } from 'viem';
import type { SendTransactionParams } from './approval';
import type { PreparedTransaction, RpcContext } from './context';
import { invalidParams, ProviderRpcError } from './errors';
import { readOptionalQuantity, toHexQuantity } from './params';

export type TransactionInput = {
  from: Address;
  to: Address | null;
  value: bigint;
  data: Hex;
  gas?: bigint;
  nonce?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  gasPrice?: bigint;
};

const quantity = (v: unknown, what: string): bigint => {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]+$/.test(v)) throw new ProviderRpcError(-32603, `chain answered ${what} with a malformed value`);
  return hexToBigInt(v as Hex);
};

/** Fills nonce, gas and EIP-1559 fees from the chain (legacy gasPrice when the chain has no base fee). */
export async function prepareTransaction(ctx: Pick<RpcContext, 'chainRequest'>, chainId: number, input: TransactionInput): Promise<PreparedTransaction> {
  const call = (method: string, params: unknown[]) => ctx.chainRequest(chainId, method, params);
  const nonce = input.nonce ?? quantity(await call('eth_getTransactionCount', [input.from, 'pending']), 'eth_getTransactionCount');
  let gas = input.gas;
  if (gas === undefined) {
    const estimate = quantity(
      await call('eth_estimateGas', [
        { from: input.from, ...(input.to ? { to: input.to } : {}), value: toHexQuantity(input.value), data: input.data },
      ]),
      'eth_estimateGas',
    );
    // Contract calls can cost more when state moves between estimate and inclusion: 20% headroom.
    gas = input.data === '0x' ? estimate : (estimate * 12n) / 10n;
  }
  let fees: PreparedTransaction['fees'];
  if (input.gasPrice !== undefined) {
    fees = { type: 'legacy', gasPrice: input.gasPrice };
  } else {
    const block = (await call('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas?: unknown } | null;
    if (block?.baseFeePerGas === undefined || block.baseFeePerGas === null) {
      fees = { type: 'legacy', gasPrice: quantity(await call('eth_gasPrice', []), 'eth_gasPrice') };
    } else {
      const baseFee = quantity(block.baseFeePerGas, 'baseFeePerGas');
      const priority = input.maxPriorityFeePerGas ?? quantity(await call('eth_maxPriorityFeePerGas', []), 'eth_maxPriorityFeePerGas');
      // Twice the base fee rides out six full blocks of base-fee growth.
      const maxFee = input.maxFeePerGas ?? baseFee * 2n + priority;
      if (maxFee < priority) throw invalidParams('maxFeePerGas is below maxPriorityFeePerGas');
      fees = { type: 'eip1559', maxFeePerGas: maxFee, maxPriorityFeePerGas: priority };
    }
  }
  if (nonce > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidParams('nonce is too large');
  return { chainId, from: input.from, to: input.to, value: input.value, data: input.data, nonce: Number(nonce), gas, fees };
}

export function transactionApprovalParams(tx: PreparedTransaction, nativeSymbol: string): SendTransactionParams {
  const maxFeePerGas = tx.fees.type === 'eip1559' ? tx.fees.maxFeePerGas : tx.fees.gasPrice;
  const maxPriorityFeePerGas = tx.fees.type === 'eip1559' ? tx.fees.maxPriorityFeePerGas : tx.fees.gasPrice;
  return {
    from: tx.from,
    to: tx.to,
    value: tx.value.toString(),
    data: tx.data,
    nonce: tx.nonce,
    gas: tx.gas.toString(),
    maxFeePerGas: maxFeePerGas.toString(),
    maxPriorityFeePerGas: maxPriorityFeePerGas.toString(),
    maxFee: (tx.gas * maxFeePerGas).toString(),
    nativeSymbol,
  };
}

export { readOptionalQuantity };
