import type { Address } from 'viem';
import { isAddress } from '../crypto/address.js';
import { MalformedInputError } from './errors.js';
import type { ProvenValue, ProveParameters } from './provenValue.js';
import { isFailure, proveAccount, proveHead, rpcAnswer } from './provingSteps.js';

export type ProveNativeBalanceParameters = ProveParameters & { address: Address };
export type ProveNativeBalanceReturnType = ProvenValue<bigint>;

/** The native balance of `address` at the checkpointed head, proven (spec A6) and compared with eth_getBalance. */
export async function proveNativeBalance(params: ProveNativeBalanceParameters): Promise<ProveNativeBalanceReturnType> {
  const { request, address } = params;
  if (!isAddress(address)) {
    return { status: 'invalid', failedStep: 'account', error: new MalformedInputError(`${String(address)} is not an address.`) };
  }
  const head = await proveHead(params);
  if (isFailure(head)) return head;
  const plain = [rpcAnswer(request, 'eth_getBalance', [address, head.blockTag])];
  const [balance] = await proveAccount(request, head, address, [], true, plain);
  return balance!;
}
