import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchRpc } from './dispatch';
import { rpcMethods } from './methods';
import { READ_ONLY_METHODS } from './methods/readOnly';
import { chainEntry, memoryContext } from './testing/memoryContext';

const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ADDR0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const chains = [chainEntry(901, 'http://127.0.0.1:1'), chainEntry(902, 'http://127.0.0.1:1')];
const errorOf = (r: Awaited<ReturnType<typeof dispatchRpc>>) => ('error' in r ? r.error : null);

describe('rpc method table', () => {
  it('declares permission and approval for every method', () => {
    const table = Object.fromEntries(Object.entries(rpcMethods).map(([m, s]) => [m, [s.permission, s.approval]]));
    expect(table).toMatchObject({
      eth_requestAccounts: ['none', 'connect'],
      eth_accounts: ['none', null],
      eth_chainId: ['none', null],
      net_version: ['none', null],
      wallet_requestPermissions: ['none', 'permissions'],
      wallet_getPermissions: ['none', null],
      wallet_revokePermissions: ['none', null],
      wallet_switchEthereumChain: ['none', 'switch_chain'],
      wallet_addEthereumChain: ['none', 'add_chain'],
      personal_sign: ['accounts', 'personal_sign'],
      eth_signTypedData_v4: ['accounts', 'typed_data'],
      eth_sendTransaction: ['accounts', 'send_transaction'],
      wallet_watchAsset: ['none', 'watch_asset'],
      wallet_getCapabilities: ['accounts', null],
      wallet_sendCalls: ['accounts', 'send_calls'],
      wallet_getCallsStatus: ['accounts', null],
      eth_sign: ['none', null],
    });
    for (const m of READ_ONLY_METHODS) expect(table[m]).toEqual(['none', null]);
  });

  it('answers chain id and net_version from the site chain', async () => {
    const ctx = memoryContext({ chains, chainId: 902 });
    expect(await dispatchRpc({ method: 'eth_chainId' }, ctx)).toEqual({ result: '0x386' });
    expect(await dispatchRpc({ method: 'net_version', params: [] }, ctx)).toEqual({ result: '902' });
  });

  it('4200 for unknown methods (also prototype names) and eth_sign', async () => {
    const ctx = memoryContext({ chains });
    for (const method of ['eth_foo', 'toString', '__proto__', 'constructor', 'eth_sign']) {
      expect(errorOf(await dispatchRpc({ method, params: [] }, ctx))?.code).toBe(4200);
    }
    expect(errorOf(await dispatchRpc({ method: 'eth_sign', params: [ADDR0, '0x' + '11'.repeat(32)] }, ctx))?.message).toMatch(/eth_sign is disabled/);
  });

  it('4100 for signing methods without permission, before any approval', async () => {
    const ctx = memoryContext({ chains, keys: [KEY0] });
    for (const method of ['personal_sign', 'eth_signTypedData_v4', 'eth_sendTransaction', 'wallet_sendCalls', 'wallet_getCapabilities', 'wallet_getCallsStatus']) {
      expect(errorOf(await dispatchRpc({ method, params: [] }, ctx))?.code).toBe(4100);
    }
    expect(ctx.approvals).toHaveLength(0);
  });

  it('4100 when signing with an account the site was not granted', async () => {
    const ctx = memoryContext({ chains, keys: [KEY0], permitted: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'] });
    expect(errorOf(await dispatchRpc({ method: 'personal_sign', params: ['0x68690a', ADDR0] }, ctx))?.code).toBe(4100);
  });

  it('-32600 for malformed requests', async () => {
    const ctx = memoryContext({ chains });
    for (const bad of [null, 'eth_chainId', 42, [], { method: 5 }, { method: '' }, { method: 'eth_chainId', params: 'x' }, { method: 'x'.repeat(200) }]) {
      expect(errorOf(await dispatchRpc(bad, ctx))?.code).toBe(-32600);
    }
    expect(errorOf(await dispatchRpc({ method: 'eth_call', params: ['x'.repeat(600_000)] }, ctx))?.code).toBe(-32600);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorOf(await dispatchRpc({ method: 'eth_call', params: [cyclic] }, ctx))?.code).toBe(-32600);
  });

  it('connect: asks once, grants the chosen accounts, then answers eth_accounts; 4001 on reject', async () => {
    const rejecting = memoryContext({ chains, keys: [KEY0], decide: () => 'reject' });
    expect(errorOf(await dispatchRpc({ method: 'eth_requestAccounts' }, rejecting))?.code).toBe(4001);
    expect(await dispatchRpc({ method: 'eth_accounts' }, rejecting)).toEqual({ result: [] });

    const ctx = memoryContext({ chains, keys: [KEY0] });
    expect(await dispatchRpc({ method: 'eth_requestAccounts' }, ctx)).toEqual({ result: [ADDR0] });
    expect(ctx.approvals.map((a) => a.kind)).toEqual(['connect']);
    expect(await dispatchRpc({ method: 'eth_requestAccounts' }, ctx)).toEqual({ result: [ADDR0] });
    expect(ctx.approvals).toHaveLength(1);
    ctx.state.unlocked = false;
    expect(await dispatchRpc({ method: 'eth_accounts' }, ctx)).toEqual({ result: [] });
  });

  it('EIP-2255 permissions: request, get, revoke; only eth_accounts', async () => {
    const ctx = memoryContext({ chains, keys: [KEY0] });
    const granted = await dispatchRpc({ method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] }, ctx);
    expect(granted).toMatchObject({ result: [{ parentCapability: 'eth_accounts', invoker: ctx.origin, caveats: [{ type: 'restrictReturnedAccounts', value: [ADDR0] }] }] });
    expect(errorOf(await dispatchRpc({ method: 'wallet_requestPermissions', params: [{ eth_coinbase: {} }] }, ctx))?.code).toBe(-32602);
    expect(errorOf(await dispatchRpc({ method: 'wallet_requestPermissions', params: [] }, ctx))?.code).toBe(-32602);
    expect(await dispatchRpc({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] }, ctx)).toEqual({ result: null });
    expect(await dispatchRpc({ method: 'wallet_getPermissions' }, ctx)).toEqual({ result: [] });
  });

  it('switch chain: asks the user; 4902 for an unknown chain; -32602 for bad ids; 4001 on reject', async () => {
    const ctx = memoryContext({ chains, chainId: 901 });
    expect(errorOf(await dispatchRpc({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }, ctx))?.code).toBe(4902);
    expect(errorOf(await dispatchRpc({ method: 'wallet_switchEthereumChain', params: [{ chainId: 902 }] }, ctx))?.code).toBe(-32602);
    expect(await dispatchRpc({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x386' }] }, ctx)).toEqual({ result: null });
    expect(ctx.chainId).toBe(902);
    expect(ctx.approvals[0]).toMatchObject({ kind: 'switch_chain', params: { fromChainId: 901, toChainId: 902 } });
    const no = memoryContext({ chains, chainId: 901, decide: () => 'reject' });
    expect(errorOf(await dispatchRpc({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x386' }] }, no))?.code).toBe(4001);
    expect(no.chainId).toBe(901);
  });

  it('personal_sign: decodes UTF-8, blocks SIWE for another domain, signs otherwise', async () => {
    const ctx = memoryContext({ chains, chainId: 901, keys: [KEY0], permitted: [ADDR0], origin: 'https://app.example.com' });
    const hello = await dispatchRpc({ method: 'personal_sign', params: ['0x68656c6c6f', ADDR0] }, ctx);
    expect(hello).toEqual({ result: expect.stringMatching(/^0x[0-9a-f]{130}$/) });
    expect(ctx.approvals[0]).toMatchObject({ kind: 'personal_sign', params: { text: 'hello', raw: '0x68656c6c6f', siwe: null }, blocked: null });
    const { verifyMessage } = await import('viem');
    expect(await verifyMessage({ address: ADDR0, message: 'hello', signature: (hello as { result: `0x${string}` }).result })).toBe(true);

    const phishing = `evil.example wants you to sign in with your Ethereum account:\n${ADDR0}\n\nURI: https://evil.example\nVersion: 1\nChain ID: 901\nNonce: 12345678\nIssued At: 2026-11-25T22:00:00Z`;
    const r = await dispatchRpc({ method: 'personal_sign', params: [phishing, ADDR0] }, ctx);
    expect(errorOf(r)?.code).toBe(4001);
    expect(ctx.approvals[1]).toMatchObject({ kind: 'personal_sign', blocked: { code: 'siwe_domain_mismatch' } });
  });

  it('eth_signTypedData_v4: warns when domain.chainId is not the site chain; signature matches eth-sig-util', async () => {
    const ctx = memoryContext({ chains, chainId: 902, keys: [KEY0], permitted: [ADDR0] });
    const data = {
      types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }], Hi: [{ name: 'n', type: 'uint256' }] },
      primaryType: 'Hi',
      domain: { name: 'x', chainId: 901 },
      message: { n: '7' },
    };
    const r = await dispatchRpc({ method: 'eth_signTypedData_v4', params: [ADDR0, JSON.stringify(data)] }, ctx);
    expect(ctx.approvals[0]).toMatchObject({ kind: 'typed_data', warnings: [{ code: 'typed_data_chain_mismatch' }] });
    const { signTypedData, SignTypedDataVersion } = await import('@metamask/eth-sig-util');
    const expected = signTypedData({ privateKey: Buffer.from(KEY0.slice(2), 'hex'), data: data as never, version: SignTypedDataVersion.V4 });
    expect(r).toEqual({ result: expected });
    expect(errorOf(await dispatchRpc({ method: 'eth_signTypedData_v4', params: [ADDR0, '{'] }, ctx))?.code).toBe(-32602);
  });

  it('wallet_watchAsset: validates and records after approval', async () => {
    const ctx = memoryContext({ chains, chainId: 901 });
    const options = { address: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC', symbol: 'USDC', decimals: 6 };
    expect(await dispatchRpc({ method: 'wallet_watchAsset', params: { type: 'ERC20', options } }, ctx)).toEqual({ result: true });
    expect(ctx.watched).toEqual([{ chainId: 901, ...options, image: null }]);
    expect(errorOf(await dispatchRpc({ method: 'wallet_watchAsset', params: { type: 'ERC721', options } }, ctx))?.code).toBe(-32602);
    expect(errorOf(await dispatchRpc({ method: 'wallet_watchAsset', params: { type: 'ERC20', options: { ...options, decimals: 99 } } }, ctx))?.code).toBe(-32602);
    expect(errorOf(await dispatchRpc({ method: 'wallet_watchAsset', params: { type: 'ERC20', options: { ...options, image: 'javascript:alert(1)' } } }, ctx))?.code).toBe(-32602);
  });

  it('wallet_getCapabilities reports atomic as unsupported (EOA without 7702)', async () => {
    const ctx = memoryContext({ chains, chainId: 901, keys: [KEY0], permitted: [ADDR0] });
    expect(await dispatchRpc({ method: 'wallet_getCapabilities', params: [ADDR0, ['0x385', '0x386', '0x1']] }, ctx)).toEqual({
      result: { '0x385': { atomic: { status: 'unsupported' } }, '0x386': { atomic: { status: 'unsupported' } } },
    });
    expect(errorOf(await dispatchRpc({ method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x385', from: ADDR0, atomicRequired: true, calls: [{ to: ADDR0 }] }] }, ctx))?.code).toBe(5760);
    expect(errorOf(await dispatchRpc({ method: 'wallet_getCallsStatus', params: ['0xdead'] }, ctx))?.code).toBe(5730);
  });

  it('random JSON never throws out of the dispatcher and always answers result or error', async () => {
    const ctx = memoryContext({ chains, keys: [KEY0], permitted: [ADDR0], decide: () => 'reject' });
    const methods = Object.keys(rpcMethods).filter((m) => !m.startsWith('eth_get') && !['eth_call', 'eth_blockNumber', 'eth_estimateGas', 'eth_gasPrice', 'eth_feeHistory', 'eth_maxPriorityFeePerGas', 'eth_sendTransaction', 'wallet_sendCalls', 'wallet_addEthereumChain'].includes(m));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ method: fc.constantFrom(...methods), params: fc.jsonValue() })), async (req) => {
        const r = await dispatchRpc(req, ctx);
        expect('result' in r || 'error' in r).toBe(true);
        if ('error' in r) expect(typeof r.error.code).toBe('number');
      }),
      { numRuns: 400 },
    );
  });
});
