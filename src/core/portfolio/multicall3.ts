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

// aggregate3 is encoded and decoded by hand: viem's generic ABI coder spent ~10 ms per 100-call chain,
// most of a refresh's time (bench/portfolio.bench.ts); multicall3.test.ts checks both agree with viem.
const AGGREGATE3_SELECTOR = '82ad56cb';
const word = (n: number): string => n.toString(16).padStart(64, '0');

export function encodeAggregate3(calls: readonly Call3[]): Hex {
  const parts: string[] = [AGGREGATE3_SELECTOR, word(32), word(calls.length)];
  const tuples: string[] = [];
  let offset = calls.length * 32;
  for (const c of calls) {
    if (!/^0x[0-9a-fA-F]{40}$/.test(c.target)) throw new Error(`aggregate3: bad target ${c.target}`);
    const data = c.callData.slice(2);
    if (data.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(data)) throw new Error('aggregate3: bad callData');
    const padded = data.padEnd(Math.ceil(data.length / 64) * 64, '0');
    const tuple = word(0).slice(0, 24) + c.target.slice(2).toLowerCase() + word(c.allowFailure ? 1 : 0) + word(96) + word(data.length / 2) + padded;
    parts.push(word(offset));
    tuples.push(tuple);
    offset += tuple.length / 2;
  }
  return `0x${parts.join('')}${tuples.join('')}`;
}

/** Decodes aggregate3's (bool success, bytes returnData)[]; throws on any out-of-bounds or malformed field. */
export function decodeAggregate3(data: Hex): Call3Result[] {
  const hex = data.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 64 !== 0) throw new Error('aggregate3: result is not ABI words');
  const size = hex.length / 2;
  const readWord = (at: number): number => {
    if (at < 0 || at + 32 > size) throw new Error('aggregate3: read past the end');
    const w = hex.slice(at * 2, at * 2 + 64);
    if (!/^0{50}/.test(w)) throw new Error('aggregate3: offset or length too large');
    return Number.parseInt(w, 16);
  };
  const arrayAt = readWord(0);
  const n = readWord(arrayAt);
  const base = arrayAt + 32;
  if (n > (size - base) / 32) throw new Error('aggregate3: bad array length');
  const out: Call3Result[] = [];
  for (let i = 0; i < n; i++) {
    const tupleAt = base + readWord(base + i * 32);
    const success = readWord(tupleAt);
    if (success > 1) throw new Error('aggregate3: bad bool');
    const bytesAt = tupleAt + readWord(tupleAt + 32);
    const len = readWord(bytesAt);
    if (bytesAt + 32 + len > size) throw new Error('aggregate3: bytes past the end');
    out.push({ success: success === 1, returnData: `0x${hex.slice((bytesAt + 32) * 2, (bytesAt + 32 + len) * 2)}` });
  }
  return out;
}

/** viem's generic coder, kept to cross-check the hand-written one in tests. */
export const encodeAggregate3Generic = (calls: readonly Call3[]): Hex =>
  encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [calls] });
export const decodeAggregate3Generic = (data: Hex): readonly Call3Result[] =>
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
