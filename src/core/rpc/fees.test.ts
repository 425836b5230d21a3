import { encodeAbiParameters, parseTransaction, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PreparedTransaction } from './context';
import { estimateFee, FeeEstimateError, unsignedSerializedTransaction } from './fees';

const tx: PreparedTransaction = {
  chainId: 901,
  from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: 5n,
  data: '0x',
  nonce: 3,
  gas: 21_000n,
  fees: { type: 'eip1559', maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 1n },
};

/** Answers eth_call with a fixed word; records the calls it saw. */
const answering = (answer: unknown) => {
  const calls: unknown[][] = [];
  return { calls, request: async (method: string, params: unknown[]) => (calls.push([method, ...params]), answer) };
};

describe('unsignedSerializedTransaction', () => {
  it('serializes an EIP-1559 transaction without a signature', () => {
    const parsed = parseTransaction(unsignedSerializedTransaction(tx));
    expect(parsed).toMatchObject({ type: 'eip1559', chainId: 901, nonce: 3, gas: 21_000n, value: 5n, maxFeePerGas: 2_000_000_000n });
    expect(parsed.r).toBeUndefined();
    expect(parsed.v).toBeUndefined();
  });
  it('serializes legacy fees as legacy', () => {
    const legacy = unsignedSerializedTransaction({ ...tx, fees: { type: 'legacy', gasPrice: 7n } });
    expect(parseTransaction(legacy)).toMatchObject({ type: 'legacy', gasPrice: 7n });
  });
});

describe('estimateFee', () => {
  it('op-stack: asks the GasPriceOracle with the unsigned transaction and adds its answer', async () => {
    const { calls, request } = answering(encodeAbiParameters([{ type: 'uint256' }], [1234n]));
    const fee = await estimateFee({ chain: { framework: 'op-stack' }, request, tx });
    expect(fee).toMatchObject({ l2Gas: 21_000n, maxFeePerGas: 2_000_000_000n, l2FeeWei: 42_000_000_000_000n, l1FeeWei: 1234n, totalWei: 42_000_000_001_234n, l1Source: 'op-gas-price-oracle' });
    const [method, call] = calls[0] as [string, { to: string; data: Hex }];
    expect(method).toBe('eth_call');
    expect(call.to).toBe('0x420000000000000000000000000000000000000F');
    expect(call.data.startsWith('0x49948e0e')).toBe(true); // getL1Fee(bytes)
    expect(call.data).toContain(unsignedSerializedTransaction(tx).slice(2));
  });
  it('arbitrum-orbit: L1 component gas × base fee from NodeInterface', async () => {
    const word = encodeAbiParameters([{ type: 'uint64' }, { type: 'uint256' }, { type: 'uint256' }], [300n, 10n, 99n]);
    const { calls, request } = answering(word);
    const fee = await estimateFee({ chain: { framework: 'arbitrum-orbit' }, request, tx });
    expect(fee.l1FeeWei).toBe(3000n);
    expect(fee.totalWei).toBe(fee.l2FeeWei + 3000n);
    expect((calls[0]![1] as { to: string }).to).toBe('0x00000000000000000000000000000000000000C8');
  });
  it('zk-stack and unknown frameworks: no L1 fee, with a note, and no call', async () => {
    const { calls, request } = answering('0x');
    const fee = await estimateFee({ chain: { framework: 'zk-stack' }, request, tx });
    expect(fee).toMatchObject({ l1FeeWei: 0n, totalWei: fee.l2FeeWei, l1Source: 'none' });
    expect(fee.note).toMatch(/ZK Stack/);
    expect((await estimateFee({ chain: { framework: 'custom' }, request, tx })).note).toMatch(/custom/);
    expect(calls).toHaveLength(0);
  });
  it('legacy fees use gasPrice', async () => {
    const { request } = answering('0x');
    const fee = await estimateFee({ chain: { framework: 'l1' }, request, tx: { ...tx, fees: { type: 'legacy', gasPrice: 3n } } });
    expect(fee.l2FeeWei).toBe(63_000n);
  });
  it('a missing predeploy, malformed or undecodable answers and a failing node are typed errors', async () => {
    await expect(estimateFee({ chain: { framework: 'op-stack' }, request: answering('0x').request, tx })).rejects.toThrow(/not deployed/);
    await expect(estimateFee({ chain: { framework: 'op-stack' }, request: answering(42).request, tx })).rejects.toBeInstanceOf(FeeEstimateError);
    await expect(estimateFee({ chain: { framework: 'arbitrum-orbit' }, request: answering('0x1234').request, tx })).rejects.toThrow(/undecodable/);
    const failing = async () => {
      throw new Error('connection refused');
    };
    const err = await estimateFee({ chain: { framework: 'op-stack' }, request: failing, tx }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeeEstimateError);
    expect((err as FeeEstimateError).details).toBe('connection refused');
    expect((err as Error).cause).toBeInstanceOf(Error);
  });
});
