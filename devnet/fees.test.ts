// estimateFee and the background's tx/estimate + ERC-20 tx/send against the real minimal devnet: the OP
// GasPriceOracle and the Arbitrum NodeInterface predeploys answer, and the figures match the formulas
// of devnet/contracts with the devnet's L1 fee parameters.
import 'fake-indexeddb/auto';
import { createPublicClient, encodeFunctionData, erc20Abi, http, hexToBytes, parseUnits, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground } from '../src/background/index.js';
import { memoryPlatform } from '../src/background/testing/memoryPlatform.js';
import { jsonRpcFetch, prepareTransaction, signPreparedTransaction } from '../src/core/rpc/index.js';
import { estimateFee, OP_GAS_PRICE_ORACLE, unsignedSerializedTransaction } from '../src/core/rpc/fees.js';
import { TEST_MNEMONIC, testAccounts, type TestAccount } from './accounts.js';
import { L1_FEE_PARAMS } from './deploy.js';
import { startDevnet, type Devnet } from './network.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const [A0, A1] = testAccounts() as [TestAccount, TestAccount, ...TestAccount[]];
let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet({ full: false, quiet: true, manifestPath: null, apiPort: 0 });
}, 180_000);
afterAll(async () => {
  await devnet?.stop();
});

const chainOf = (id: number) => devnet.manifest.chains.find((c) => c.chainId === id)!;
const requestOf = (id: number) => (method: string, params: unknown[]) => jsonRpcFetch(chainOf(id).rpcUrl, method, params, { chainId: id });
const usdc = (id: number) => chainOf(id).tokens.USDC as Address;
const transferData = (to: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });

/** Ecotone fee of GasPriceOracle.getL1Fee, computed here from the devnet's parameters. */
function opL1Fee(unsigned: Hex): bigint {
  let gas = 68n * 16n;
  for (const b of hexToBytes(unsigned)) gas += b === 0 ? 4n : 16n;
  const p = L1_FEE_PARAMS;
  return (gas * (p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee)) / (16n * 10n ** 6n);
}

describe('estimateFee on the devnet', () => {
  it('op-stack (901): an ERC-20 transfer pays the GasPriceOracle L1 fee; the L2 part covers the mined transaction', async () => {
    const request = requestOf(901);
    const tx = await prepareTransaction({ chainRequest: (_id, m, p) => request(m, p) }, 901, { from: A0.address, to: usdc(901), value: 0n, data: transferData(A1.address, 1_000_000n) });
    const fee = await estimateFee({ chain: { framework: 'op-stack' }, request, tx });
    expect(fee.l1Source).toBe('op-gas-price-oracle');
    expect(fee.l1FeeWei).toBe(opL1Fee(unsignedSerializedTransaction(tx)));
    expect(fee.l1FeeWei).toBeGreaterThan(0n);
    expect(fee.l2FeeWei).toBe(tx.gas * fee.maxFeePerGas);
    expect(fee.totalWei).toBe(fee.l2FeeWei + fee.l1FeeWei);

    // A native transfer carries less calldata, so its L1 fee is smaller.
    const native = await prepareTransaction({ chainRequest: (_id, m, p) => request(m, p) }, 901, { from: A0.address, to: A1.address, value: 1n, data: '0x' });
    const nativeFee = await estimateFee({ chain: { framework: 'op-stack' }, request, tx: native });
    expect(nativeFee.l1FeeWei).toBeLessThan(fee.l1FeeWei);
    expect(nativeFee.l2Gas).toBe(21_000n);

    const client = createPublicClient({ transport: http(chainOf(901).rpcUrl) });
    const hash = (await request('eth_sendRawTransaction', [await signPreparedTransaction(A0.privateKey, tx)])) as Hex;
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    expect(receipt.gasUsed).toBeLessThanOrEqual(fee.l2Gas);
    expect(receipt.gasUsed * receipt.effectiveGasPrice).toBeLessThanOrEqual(fee.l2FeeWei);
  });

  it('arbitrum-orbit (902): the NodeInterface L1 component, (calldata + 140) × 16 × L1 base fee, priced at the L2 base fee', async () => {
    const request = requestOf(902);
    const tx = await prepareTransaction({ chainRequest: (_id, m, p) => request(m, p) }, 902, { from: A0.address, to: usdc(902), value: 0n, data: transferData(A1.address, 5n) });
    const block = (await request('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas: Hex };
    const baseFee = BigInt(block.baseFeePerGas);
    const fee = await estimateFee({ chain: { framework: 'arbitrum-orbit' }, request, tx });
    const dataLength = BigInt(hexToBytes(tx.data).length);
    const gasForL1 = ((dataLength + 140n) * 16n * L1_FEE_PARAMS.l1BaseFee) / baseFee;
    expect(fee.l1Source).toBe('arb-node-interface');
    expect(fee.l1FeeWei).toBe(gasForL1 * baseFee);
    expect(fee.l1FeeWei).toBeGreaterThan(0n);
  });

  it('l1 (900): no L1 data fee, no predeploy needed', async () => {
    const request = requestOf(900);
    const tx = await prepareTransaction({ chainRequest: (_id, m, p) => request(m, p) }, 900, { from: A0.address, to: A1.address, value: 1n, data: '0x' });
    const fee = await estimateFee({ chain: { framework: 'l1' }, request, tx });
    expect(fee).toMatchObject({ l1FeeWei: 0n, l1Source: 'none', totalWei: fee.l2FeeWei });
  });

  it('a chain without the predeploy (902 asked as op-stack) is a typed error, not a zero fee', async () => {
    const request = requestOf(902);
    const tx = await prepareTransaction({ chainRequest: (_id, m, p) => request(m, p) }, 902, { from: A0.address, to: A1.address, value: 1n, data: '0x' });
    await expect(estimateFee({ chain: { framework: 'op-stack' }, request, tx })).rejects.toThrow(/GasPriceOracle/);
  });
});

describe('background tx/estimate and ERC-20 tx/send on the devnet', () => {
  async function background() {
    const platform = memoryPlatform({ devnetApi: devnet.manifest.metalayerApi });
    platform.now = () => Date.now();
    const bg = startBackground(platform, { dbName: `fees-${Math.random()}`, iterations: 1000 });
    const services = await bg.ready;
    const call = async (type: string, input?: unknown) => (await platform.sendMessage({ type, input })) as { result?: Json; error?: Json };
    expect((await call('vault/create', { mnemonic: TEST_MNEMONIC, password: 'fees-test-pw-1' })).error).toBeUndefined();
    await services.chains.refresh();
    return { call };
  }

  it('estimates USDC on 901 with a non-zero L1 fee, sends it, and the recipient gains exactly the amount', async () => {
    const { call } = await background();
    const amount = parseUnits('12.5', 6);
    const input = { chainId: 901, to: A1.address, value: amount.toString(), token: usdc(901) };
    const est = (await call('tx/estimate', input)).result;
    expect(est).toMatchObject({ chainId: 901, framework: 'op-stack', l1Source: 'op-gas-price-oracle' });
    for (const k of ['l2Gas', 'maxFeePerGas', 'l2FeeWei', 'l1FeeWei', 'totalWei']) expect(est[k]).toMatch(/^\d+$/);
    expect(BigInt(est.l1FeeWei)).toBeGreaterThan(0n);
    expect(BigInt(est.totalWei)).toBe(BigInt(est.l2FeeWei) + BigInt(est.l1FeeWei));

    const client = createPublicClient({ transport: http(chainOf(901).rpcUrl) });
    const balance = () => client.readContract({ address: usdc(901), abi: erc20Abi, functionName: 'balanceOf', args: [A1.address] });
    const before = await balance();
    const sent = await call('tx/send', input);
    expect(sent.error).toBeUndefined();
    const receipt = await client.waitForTransactionReceipt({ hash: sent.result.hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    expect(receipt.to?.toLowerCase()).toBe(usdc(901).toLowerCase());
    expect(receipt.gasUsed).toBeLessThanOrEqual(BigInt(est.l2Gas));
    expect((await balance()) - before).toBe(amount);
  });

  it('native estimate on 902 carries the Arbitrum L1 component; bad input is typed', async () => {
    const { call } = await background();
    const est = (await call('tx/estimate', { chainId: 902, to: A1.address, value: '1000' })).result;
    expect(est).toMatchObject({ framework: 'arbitrum-orbit', l2Gas: '21000', l1Source: 'arb-node-interface' });
    expect(BigInt(est.l1FeeWei)).toBeGreaterThan(0n);
    const wrongCase = A1.address.replace('C5', 'c5') as Address;
    expect(wrongCase).not.toBe(A1.address);
    expect((await call('tx/estimate', { chainId: 901, to: wrongCase, value: '1' })).error.code).toBe('INVALID_ADDRESS');
    expect((await call('tx/estimate', { chainId: 12345, to: A1.address, value: '1' })).error.code).toBe('UNKNOWN_CHAIN');
    expect((await call('tx/estimate', { chainId: 901, to: A1.address, value: '-1' })).error.code).toBe('INVALID_INPUT');
    // More USDC than the account holds: the chain's estimate reverts, reported as the user's input.
    const tooMuch = parseUnits('1000000000000', 6).toString();
    expect((await call('tx/estimate', { chainId: 901, to: A1.address, value: tooMuch, token: usdc(901) })).error.code).toBe('INVALID_INPUT');
    expect((await call('tx/send', { chainId: 901, to: A1.address, value: tooMuch, token: usdc(901) })).error.code).toBe('INVALID_INPUT');
  });

  it('an OP chain whose GasPriceOracle is gone answers CHAIN_UNAVAILABLE, never a fee without its L1 part', async () => {
    const { call } = await background();
    const request = requestOf(901);
    const code = (await request('eth_getCode', [OP_GAS_PRICE_ORACLE, 'latest'])) as Hex;
    await request('anvil_setCode', [OP_GAS_PRICE_ORACLE, '0x']);
    try {
      const answer = await call('tx/estimate', { chainId: 901, to: A1.address, value: '1' });
      expect(answer.error).toMatchObject({ code: 'CHAIN_UNAVAILABLE', message: expect.stringMatching(/GasPriceOracle/) });
    } finally {
      await request('anvil_setCode', [OP_GAS_PRICE_ORACLE, code]);
    }
    expect((await call('tx/estimate', { chainId: 901, to: A1.address, value: '1' })).result.l1Source).toBe('op-gas-price-oracle');
  });
});
