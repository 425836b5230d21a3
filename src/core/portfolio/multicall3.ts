import { decodeFunctionResult, encodeFunctionData, type Address, type Hex } from 'viem';

/** The Multicall3 functions the portfolio uses (the canonical deployment's ABI subset). */
export const multicall3Abi = [
  {
    type: 'function',
    name: 'aggregate3',
    stateMutability: 'payable',
    inputs: [
      {
        name: 'calls',
        type: 'tuple[]',
        components: [
          { name: 'target', type: 'address' },
          { name: 'allowFailure', type: 'bool' },
          { name: 'callData', type: 'bytes' },
        ],
      },
    ],
    outputs: [
      {
        name: 'returnData',
        type: 'tuple[]',
        components: [
          { name: 'success', type: 'bool' },
          { name: 'returnData', type: 'bytes' },
        ],
      },
    ],
  },
  {
    type: 'function',
    name: 'getEthBalance',
    stateMutability: 'view',
    inputs: [{ name: 'addr', type: 'address' }],
    outputs: [{ name: 'balance', type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'getBlockNumber',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ name: 'blockNumber', type: 'uint256' }],
  },
] as const;

export const erc20BalanceOfAbi = [
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ name: 'account', type: 'address' }],
    outputs: [{ name: '', type: 'uint256' }],
  },
] as const;

export interface Call3 {
  target: Address;
  allowFailure: boolean;
  callData: Hex;
}

export interface Call3Result {
  success: boolean;
  returnData: Hex;
}

export const encodeAggregate3 = (calls: readonly Call3[]): Hex =>
  encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [calls] });

export const decodeAggregate3 = (data: Hex): readonly Call3Result[] =>
  decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });

export const encodeGetEthBalance = (holder: Address): Hex =>
  encodeFunctionData({ abi: multicall3Abi, functionName: 'getEthBalance', args: [holder] });

export const encodeGetBlockNumber = (): Hex => encodeFunctionData({ abi: multicall3Abi, functionName: 'getBlockNumber' });

export const encodeBalanceOf = (holder: Address): Hex =>
  encodeFunctionData({ abi: erc20BalanceOfAbi, functionName: 'balanceOf', args: [holder] });

/** A uint256 return value; undefined when the data is not exactly one word (not an ERC-20, or reverted). */
export function decodeUint256(data: Hex): bigint | undefined {
  if (!/^0x[0-9a-fA-F]{64}$/.test(data)) return undefined;
  return BigInt(data);
}
