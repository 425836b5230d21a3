import type { Hex, TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { PreparedTransaction } from './context';

/** Signing with a key the background unwrapped from the vault; the key never leaves that context. */
export async function signPersonalMessage(privateKey: Hex, message: Hex): Promise<Hex> {
  return privateKeyToAccount(privateKey).signMessage({ message: { raw: message } });
}

export async function signTypedDataWithKey(privateKey: Hex, typedData: TypedDataDefinition): Promise<Hex> {
  return privateKeyToAccount(privateKey).signTypedData(typedData);
}

/** The signed, serialized transaction (eth_sendRawTransaction's param). */
export async function signPreparedTransaction(privateKey: Hex, tx: PreparedTransaction): Promise<Hex> {
  const account = privateKeyToAccount(privateKey);
  if (account.address.toLowerCase() !== tx.from.toLowerCase()) throw new Error('signing key does not match the transaction sender');
  const base = { chainId: tx.chainId, nonce: tx.nonce, gas: tx.gas, value: tx.value, data: tx.data, ...(tx.to ? { to: tx.to } : {}) };
  return tx.fees.type === 'eip1559'
    ? account.signTransaction({ ...base, type: 'eip1559', maxFeePerGas: tx.fees.maxFeePerGas, maxPriorityFeePerGas: tx.fees.maxPriorityFeePerGas })
    : account.signTransaction({ ...base, type: 'legacy', gasPrice: tx.fees.gasPrice });
}
