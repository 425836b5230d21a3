import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatchRpc } from './dispatch';
import { startTestAnvil, type TestAnvil } from './testing/anvil';
import { chainEntry, memoryContext } from './testing/memoryContext';

const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ADDR0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const ADDR1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

let a: TestAnvil;
let b: TestAnvil;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestAnvil(901), startTestAnvil(77001)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const ctxOn = (opts: Parameters<typeof memoryContext>[0] = {}) =>
  memoryContext({ chains: [chainEntry(901, a.rpcUrl)], chainId: 901, keys: [KEY0], permitted: [ADDR0], ...opts });
const errorOf = (r: Awaited<ReturnType<typeof dispatchRpc>>) => ('error' in r ? r.error : null);

describe('rpc against a real anvil', () => {
  it('forwards the read-only allow-list to the site chain', async () => {
    const ctx = ctxOn();
    expect(await dispatchRpc({ method: 'eth_getBalance', params: [ADDR1, 'latest'] }, ctx)).toEqual({ result: '0x21e19e0c9bab2400000' });
    expect(await dispatchRpc({ method: 'eth_blockNumber', params: [] }, ctx)).toMatchObject({ result: expect.stringMatching(/^0x/) });
    expect(errorOf(await dispatchRpc({ method: 'eth_getBalance', params: { a: 1 } }, ctx))?.code).toBe(-32602);
  });

  it('eth_sendTransaction fills nonce, gas and EIP-1559 fees, signs and broadcasts', async () => {
    const ctx = ctxOn();
    const r = await dispatchRpc({ method: 'eth_sendTransaction', params: [{ from: ADDR0, to: ADDR1, value: '0xde0b6b3a7640000' }] }, ctx);
    expect(r).toEqual({ result: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const approval = ctx.approvals[0]!;
    expect(approval.kind).toBe('send_transaction');
    expect(approval.params).toMatchObject({ from: ADDR0, to: ADDR1, value: '1000000000000000000', gas: '21000', nativeSymbol: 'ETH' });
    const p = approval.params as { maxFeePerGas: string; maxPriorityFeePerGas: string; nonce: number };
    expect(BigInt(p.maxFeePerGas)).toBeGreaterThanOrEqual(BigInt(p.maxPriorityFeePerGas));
    await vi.waitFor(async () => {
      const receipt = (await dispatchRpc({ method: 'eth_getTransactionReceipt', params: [(r as { result: string }).result] }, ctx)) as { result: { status: string; type: string } | null };
      expect(receipt.result).toMatchObject({ status: '0x1', type: '0x2' });
    });
  });

  it('blocks a `to` with a wrong EIP-55 checksum before asking the user', async () => {
    const ctx = ctxOn();
    const badTo = '0x70997970c51812dc3A010C7d01b50e0d17dc79C8';
    const r = await dispatchRpc({ method: 'eth_sendTransaction', params: [{ from: ADDR0, to: badTo, value: '0x1' }] }, ctx);
    expect(errorOf(r)).toMatchObject({ code: -32602, message: expect.stringMatching(/checksum/) });
    expect(ctx.approvals).toHaveLength(0);
  });

  it('rejected transactions are not sent (4001) and the nonce does not move', async () => {
    const ctx = ctxOn({ decide: () => 'reject' });
    const before = await dispatchRpc({ method: 'eth_getTransactionCount', params: [ADDR0, 'pending'] }, ctx);
    expect(errorOf(await dispatchRpc({ method: 'eth_sendTransaction', params: [{ from: ADDR0, to: ADDR1, value: '0x1' }] }, ctx))?.code).toBe(4001);
    expect(await dispatchRpc({ method: 'eth_getTransactionCount', params: [ADDR0, 'pending'] }, ctx)).toEqual(before);
  });

  it('node errors pass through (reverts), an unreachable node is 4901', async () => {
    const ctx = ctxOn();
    const revert = await dispatchRpc({ method: 'eth_call', params: [{ to: ADDR1, data: '0x' }, 'nope'] }, ctx);
    expect(errorOf(revert)?.code).not.toBe(-32603);
    const dead = memoryContext({ chains: [chainEntry(901, 'http://127.0.0.1:9')], chainId: 901 });
    expect(errorOf(await dispatchRpc({ method: 'eth_blockNumber', params: [] }, dead))?.code).toBe(4901);
  });

  it('wallet_addEthereumChain checks the RPC answers with that chain id, then asks and switches', async () => {
    const ctx = ctxOn();
    const params = (chainId: string, url: string) => [{ chainId, chainName: 'Local B', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [url] }];
    const wrong = await dispatchRpc({ method: 'wallet_addEthereumChain', params: params('0x12cea', b.rpcUrl) }, ctx);
    expect(errorOf(wrong)).toMatchObject({ code: -32602, message: expect.stringMatching(/is for chain 77001/) });
    const unreachable = await dispatchRpc({ method: 'wallet_addEthereumChain', params: params('0x12cc9', 'http://127.0.0.1:9') }, ctx);
    expect(errorOf(unreachable)?.code).toBe(-32602);
    expect(ctx.approvals).toHaveLength(0);
    const ok = await dispatchRpc({ method: 'wallet_addEthereumChain', params: params('0x12cc9', b.rpcUrl) }, ctx);
    expect(ok).toEqual({ result: null });
    expect(ctx.approvals[0]).toMatchObject({ kind: 'add_chain', params: { chainId: 77001, rpcUrl: b.rpcUrl } });
    expect(ctx.chainId).toBe(77001);
    expect(errorOf(await dispatchRpc({ method: 'wallet_addEthereumChain', params: [{ chainId: '0x1' }] }, ctx))?.code).toBe(-32602);
  });

  it('wallet_sendCalls sends the calls one by one after one approval; getCallsStatus tracks them', async () => {
    const ctx = ctxOn();
    const r = await dispatchRpc(
      { method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x385', from: ADDR0, atomicRequired: false, calls: [{ to: ADDR1, value: '0x1' }, { to: ADDR1, value: '0x2' }] }] },
      ctx,
    );
    expect(r).toEqual({ result: { id: expect.stringMatching(/^0x/) } });
    expect(ctx.approvals.map((x) => x.kind)).toEqual(['send_calls']);
    const id = (r as { result: { id: string } }).result.id;
    await vi.waitFor(async () => {
      const status = (await dispatchRpc({ method: 'wallet_getCallsStatus', params: [id] }, ctx)) as { result: { status: number; atomic: boolean; receipts: unknown[] } };
      expect(status.result).toMatchObject({ status: 200, atomic: false, chainId: '0x385' });
      expect(status.result.receipts).toHaveLength(2);
    });
    const other = ctxOn({ origin: 'https://other.example' });
    expect(errorOf(await dispatchRpc({ method: 'wallet_getCallsStatus', params: [id] }, other))?.code).toBe(5730);
  });
});
