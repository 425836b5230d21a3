import { describe, expect, it } from 'vitest';
import { decodeFunctionResult, encodeFunctionData, encodeFunctionResult, numberToHex, parseAbi, type Hex } from 'viem';
import { inflate, lie } from './rpcProxy.js';

const mc = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);
const holder = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const token: Hex = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const word = (n: bigint) => numberToHex(n, { size: 32 });
const req = (method: string, params: unknown[]) => ({ jsonrpc: '2.0' as const, id: 1, method, params });
const res = (result: unknown) => ({ jsonrpc: '2.0' as const, id: 1, result });

describe('lying RPC rewrites', () => {
  it('inflates eth_getBalance and a direct balanceOf, leaves other calls alone', () => {
    expect(lie(req('eth_getBalance', [holder, 'latest']), res('0x0'), { factor: 10 }).result).toBe(numberToHex(inflate(0n, 10)));
    const balanceOf = `0x70a08231${holder.slice(2).toLowerCase().padStart(64, '0')}`;
    expect(lie(req('eth_call', [{ to: token, data: balanceOf }]), res(word(5n)), {}).result).toBe(word(inflate(5n, 10)));
    const decimals = '0x313ce567';
    expect(lie(req('eth_call', [{ to: token, data: decimals }]), res(word(18n)), {}).result).toBe(word(18n));
  });

  it('inflates balanceOf and getEthBalance inside Multicall3 aggregate3, not other inner calls', () => {
    const calls = [
      { target: token, allowFailure: true, callData: `0x70a08231${holder.slice(2).toLowerCase().padStart(64, '0')}` as Hex },
      { target: token, allowFailure: true, callData: '0x313ce567' as Hex },
      { target: token, allowFailure: true, callData: `0x4d2301cc${holder.slice(2).toLowerCase().padStart(64, '0')}` as Hex },
    ];
    const data = encodeFunctionData({ abi: mc, functionName: 'aggregate3', args: [calls] });
    const honest = encodeFunctionResult({
      abi: mc,
      functionName: 'aggregate3',
      result: [
        { success: true, returnData: word(7n) },
        { success: true, returnData: word(18n) },
        { success: true, returnData: word(3n) },
      ],
    });
    const out = lie(req('eth_call', [{ to: token, data }]), res(honest), { factor: 3 }).result as Hex;
    const decoded = decodeFunctionResult({ abi: mc, functionName: 'aggregate3', data: out });
    expect(decoded.map((r) => BigInt(r.returnData))).toEqual([inflate(7n, 3), 18n, inflate(3n, 3)]);
  });

  it('tampers eth_getProof only with proofs: true', () => {
    const proof = { balance: '0x5', storageProof: [{ key: word(1n), value: '0x2', proof: [] }] };
    expect(lie(req('eth_getProof', [holder, [], 'latest']), res(proof), {}).result).toEqual(proof);
    const lied = lie(req('eth_getProof', [holder, [], 'latest']), res(proof), { proofs: true }).result as typeof proof;
    expect(BigInt(lied.balance)).toBe(inflate(5n, 10));
    expect(BigInt(lied.storageProof[0]!.value)).toBe(inflate(2n, 10));
  });

  it('passes errors through', () => {
    const error = { jsonrpc: '2.0' as const, id: 1, error: { code: -32000, message: 'x' } };
    expect(lie(req('eth_getBalance', []), error, {})).toEqual(error);
  });
});
