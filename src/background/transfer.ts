import { encodeFunctionData, erc20Abi, type Address, type Hex } from 'viem';
import { jsonRpcFetch, prepareTransaction, ProviderRpcError, readChecksummedAddress, signPreparedTransaction, type PreparedTransaction } from '../core/rpc';
import { estimateFee, FeeEstimateError } from '../core/rpc/fees';
import { MessageError } from '../messages/MessageError';
import type { TxEstimateOutput } from '../messages/txEstimate';
import type { TxSendInput } from '../messages/txSend';
import type { ChainService } from './chains';
import type { VaultService } from './vault';

export type PreparedTransfer = {
  tx: PreparedTransaction;
  /** Set when asked for (tx/send): read before anything goes to the chain, so a locked vault fails first. */
  key?: Hex;
  chainRequest: (chainId: number, method: string, params: unknown[]) => Promise<unknown>;
};

/** Provider errors other than "chain unreachable" are the user's input (e.g. a transfer the chain would revert). */
const asInputError = (e: unknown): unknown => (e instanceof ProviderRpcError && e.code !== 4901 ? new MessageError('INVALID_INPUT', e.message, { cause: e }) : e);

/**
 * The popup's native or ERC-20 transfer from the selected account, filled (nonce, gas, fees) by
 * prepareTransaction; tx/send signs it, tx/estimate prices it.
 */
export async function prepareTransfer(
  deps: { chains: ChainService; vault: VaultService },
  { chainId, to: rawTo, value, token }: TxSendInput,
  opts: { withKey?: boolean } = {},
): Promise<PreparedTransfer> {
  let to: Address;
  try {
    to = readChecksummedAddress(rawTo, 'to');
  } catch (cause) {
    throw new MessageError('INVALID_ADDRESS', (cause as Error).message.replace(/^Invalid params: /, ''), { cause });
  }
  const url = await deps.chains.rpcUrl(chainId);
  if (!url) throw new MessageError('UNKNOWN_CHAIN', `Chain ${chainId} is not in the wallet`);
  const from = await deps.vault.selectedAddress();
  if (!from) throw new MessageError('LOCKED', 'No account');
  const key = opts.withKey ? await deps.vault.privateKeyOf(from) : undefined;
  const chainRequest = (id: number, method: string, params: unknown[]) => jsonRpcFetch(url, method, params, { chainId: id });
  let call: { to: Address; value: bigint; data: Hex };
  if (token) {
    let tokenAddress: Address;
    try {
      tokenAddress = readChecksummedAddress(token, 'token');
    } catch (cause) {
      throw new MessageError('INVALID_ADDRESS', (cause as Error).message.replace(/^Invalid params: /, ''), { cause });
    }
    call = { to: tokenAddress, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, BigInt(value)] }) };
  } else {
    call = { to, value: BigInt(value), data: '0x' };
  }
  try {
    const tx = await prepareTransaction({ chainRequest }, chainId, { from, ...call });
    return key === undefined ? { tx, chainRequest } : { tx, chainRequest, key };
  } catch (e) {
    throw asInputError(e);
  }
}

/** tx/estimate: the prepared transfer's L2 + framework L1 fee, as decimal strings. */
export async function estimateTransfer(deps: { chains: ChainService; vault: VaultService }, input: TxSendInput): Promise<TxEstimateOutput> {
  const { tx, chainRequest } = await prepareTransfer(deps, input);
  const entry = await deps.chains.get(input.chainId);
  const framework = entry?.origin === 'user' ? 'custom' : (entry?.framework ?? 'custom');
  try {
    const fee = await estimateFee({ chain: { framework }, request: (method, params) => chainRequest(input.chainId, method, params), tx });
    return {
      chainId: input.chainId,
      framework: fee.framework,
      l2Gas: fee.l2Gas.toString(),
      maxFeePerGas: fee.maxFeePerGas.toString(),
      l2FeeWei: fee.l2FeeWei.toString(),
      l1FeeWei: fee.l1FeeWei.toString(),
      totalWei: fee.totalWei.toString(),
      l1Source: fee.l1Source,
      ...(fee.note ? { note: fee.note } : {}),
    };
  } catch (e) {
    if (e instanceof FeeEstimateError) throw new MessageError('CHAIN_UNAVAILABLE', `${e.message}: ${e.details}`, { cause: e });
    throw e;
  }
}

/** tx/send: signs the prepared transfer with the selected account's key and broadcasts it. */
export async function sendTransfer(deps: { chains: ChainService; vault: VaultService }, input: TxSendInput): Promise<{ hash: Hex }> {
  const { tx, chainRequest, key } = await prepareTransfer(deps, input, { withKey: true });
  if (key === undefined) throw new MessageError('LOCKED', 'No key');
  try {
    return { hash: (await chainRequest(input.chainId, 'eth_sendRawTransaction', [await signPreparedTransaction(key, tx)])) as Hex };
  } catch (e) {
    throw asInputError(e);
  }
}
