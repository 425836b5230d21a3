import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFunctionResult, type Address, type Hex } from 'viem';
import {
  decodeAggregate3,
  decodeAggregate3Generic,
  decodeUint256,
  encodeAggregate3,
  encodeAggregate3Generic,
  multicall3Abi,
} from './multicall3';

const hexBytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((b) => `0x${Buffer.from(b).toString('hex')}` as Hex);
const call3 = fc.record({
  target: hexBytes(20, 20).map((h) => h as Address),
  allowFailure: fc.boolean(),
  callData: hexBytes(0, 100),
});
const result = fc.record({ success: fc.boolean(), returnData: hexBytes(0, 100) });

describe('aggregate3 coder', () => {
  it('encodes exactly like viem', () => {
    fc.assert(
      fc.property(fc.array(call3, { maxLength: 12 }), (calls) => {
        expect(encodeAggregate3(calls)).toBe(encodeAggregate3Generic(calls).toLowerCase());
      }),
    );
  });

  it('decodes exactly like viem', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 12 }), (results) => {
        const data = encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
        expect(decodeAggregate3(data)).toEqual(decodeAggregate3Generic(data));
      }),
    );
  });

  it('rejects truncated, non-word and oversized-offset data instead of reading garbage', () => {
    const data = encodeFunctionResult({
      abi: multicall3Abi,
      functionName: 'aggregate3',
      result: [{ success: true, returnData: `0x${'11'.repeat(32)}` }],
    });
    expect(() => decodeAggregate3(data.slice(0, -64) as Hex)).toThrow();
    expect(() => decodeAggregate3(`${data}00` as Hex)).toThrow(/ABI words/);
    expect(() => decodeAggregate3(`0x${'f'.repeat(64)}` as Hex)).toThrow();
    expect(() => decodeAggregate3('0x')).toThrow();
  });

  it('decodeUint256 accepts exactly one word', () => {
    expect(decodeUint256(`0x${'00'.repeat(31)}2a`)).toBe(42n);
    expect(decodeUint256('0x')).toBeUndefined();
    expect(decodeUint256(`0x${'00'.repeat(33)}`)).toBeUndefined();
  });
});
