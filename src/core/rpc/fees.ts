import { decodeFunctionResult, encodeFunctionData, serializeTransaction, type Address, type Hex } from 'viem';
import type { PreparedTransaction } from './context';

/** OP Stack GasPriceOracle predeploy (Ecotone: getL1Fee over the unsigned RLP transaction). */
export const OP_GAS_PRICE_ORACLE: Address = '0x420000000000000000000000000000000000000F';
/** Arbitrum NodeInterface virtual contract (reachable through eth_call only). */
export const ARB_NODE_INTERFACE: Address = '0x00000000000000000000000000000000000000C8';

const gasPriceOracleAbi = [
  { type: 'function', name: 'getL1Fee', stateMutability: 'view', inputs: [{ name: 'data', type: 'bytes' }], outputs: [{ type: 'uint256' }] },
] as const;

const nodeInterfaceAbi = [
  {
    type: 'function',
    name: 'gasEstimateL1Component',
    stateMutability: 'payable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'contractCreation', type: 'bool' },
      { name: 'data', type: 'bytes' },
    ],
    outputs: [
      { name: 'gasEstimateForL1', type: 'uint64' },
      { name: 'baseFee', type: 'uint256' },
      { name: 'l1BaseFeeEstimate', type: 'uint256' },
    ],
  },
] as const;

export type FeeRequest = (method: string, params: unknown[]) => Promise<unknown>;

export type FeeEstimate = {
  framework: string;
  l2Gas: bigint;
  /** maxFeePerGas (EIP-1559) or gasPrice (legacy) of the prepared transaction. */
  maxFeePerGas: bigint;
  /** Upper bound of the L2 execution fee: l2Gas × maxFeePerGas. */
  l2FeeWei: bigint;
  /** Data-posting fee: GasPriceOracle.getL1Fee on OP Stack, NodeInterface's L1 component on Arbitrum, else 0. */
  l1FeeWei: bigint;
  totalWei: bigint;
  /** Where the L1 figure came from, or why there is none. */
  l1Source: 'op-gas-price-oracle' | 'arb-node-interface' | 'none';
  note?: string;
};

export class FeeEstimateError extends Error {
  override name = 'FeeEstimateError';
  readonly details: string;
  constructor(message: string, details: string, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.details = details;
  }
}

/** The unsigned EIP-2718 serialization the OP GasPriceOracle prices (it adds the signature's bytes itself). */
export function unsignedSerializedTransaction(tx: PreparedTransaction): Hex {
  const base = { chainId: tx.chainId, nonce: tx.nonce, gas: tx.gas, value: tx.value, data: tx.data, ...(tx.to ? { to: tx.to } : {}) };
  return tx.fees.type === 'eip1559'
    ? serializeTransaction({ ...base, type: 'eip1559', maxFeePerGas: tx.fees.maxFeePerGas, maxPriorityFeePerGas: tx.fees.maxPriorityFeePerGas })
    : serializeTransaction({ ...base, type: 'legacy', gasPrice: tx.fees.gasPrice });
}

async function ethCall(request: FeeRequest, to: Address, data: Hex, what: string): Promise<Hex> {
  let out: unknown;
  try {
    out = await request('eth_call', [{ to, data }, 'latest']);
  } catch (cause) {
    throw new FeeEstimateError(`${what} call failed`, (cause as Error)?.message ?? String(cause), { cause });
  }
  if (typeof out !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(out)) throw new FeeEstimateError(`${what} answered malformed data`, String(out));
  if (out === '0x') throw new FeeEstimateError(`${what} is not deployed on this chain`, `eth_call to ${to} returned no data`);
  return out as Hex;
}

function decode<T>(fn: () => T, what: string, raw: Hex): T {
  try {
    return fn();
  } catch (cause) {
    throw new FeeEstimateError(`${what} answered undecodable data`, raw, { cause });
  }
}

/**
 * The fee a prepared transaction will cost on its rollup, split into the L2 execution part and the
 * framework's L1 data part. `chain.framework` picks the L1 source; an unknown framework gets 0 with a note.
 */
export async function estimateFee({ chain, request, tx }: { chain: { framework: string }; request: FeeRequest; tx: PreparedTransaction }): Promise<FeeEstimate> {
  const maxFeePerGas = tx.fees.type === 'eip1559' ? tx.fees.maxFeePerGas : tx.fees.gasPrice;
  const l2FeeWei = tx.gas * maxFeePerGas;
  const base = { framework: chain.framework, l2Gas: tx.gas, maxFeePerGas, l2FeeWei };

  if (chain.framework === 'op-stack') {
    const data = encodeFunctionData({ abi: gasPriceOracleAbi, functionName: 'getL1Fee', args: [unsignedSerializedTransaction(tx)] });
    const raw = await ethCall(request, OP_GAS_PRICE_ORACLE, data, 'GasPriceOracle.getL1Fee');
    const l1FeeWei = decode(() => decodeFunctionResult({ abi: gasPriceOracleAbi, functionName: 'getL1Fee', data: raw }), 'GasPriceOracle.getL1Fee', raw);
    return { ...base, l1FeeWei, totalWei: l2FeeWei + l1FeeWei, l1Source: 'op-gas-price-oracle' };
  }

  if (chain.framework === 'arbitrum-orbit') {
    const data = encodeFunctionData({ abi: nodeInterfaceAbi, functionName: 'gasEstimateL1Component', args: [tx.to ?? '0x0000000000000000000000000000000000000000', tx.to === null, tx.data] });
    const raw = await ethCall(request, ARB_NODE_INTERFACE, data, 'NodeInterface.gasEstimateL1Component');
    const [gasForL1, baseFee] = decode(() => decodeFunctionResult({ abi: nodeInterfaceAbi, functionName: 'gasEstimateL1Component', data: raw }), 'NodeInterface.gasEstimateL1Component', raw);
    // ArbOS charges the L1 part as extra L2 gas at the L2 base fee.
    const l1FeeWei = gasForL1 * baseFee;
    return {
      ...base,
      l1FeeWei,
      totalWei: l2FeeWei + l1FeeWei,
      l1Source: 'arb-node-interface',
      note: 'Arbitrum bills the L1 part as extra L2 gas; it is shown apart here.',
    };
  }

  const note = chain.framework === 'zk-stack' ? 'ZK Stack folds data costs into the L2 gas price.' : chain.framework === 'l1' ? 'No L1 data fee on L1.' : `No L1 fee source known for framework '${chain.framework}'.`;
  return { ...base, l1FeeWei: 0n, totalWei: l2FeeWei, l1Source: 'none', note };
}
