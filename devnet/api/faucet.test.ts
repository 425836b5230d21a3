import { createPublicClient, erc20Abi, getAddress, http, parseEther, parseUnits, type Address, type Hex } from 'viem';
import { verifyAccountProof, type Eip1186Proof } from '../../src/core/verifier/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../network.js';
import { parseFaucetRequest } from './faucet.js';
import { ApiError } from './router.js';

describe('POST /v1/faucet', () => {
  let devnet: Devnet;
  let api: string;
  const post = async (body: unknown) => {
    const response = await fetch(`${api}/v1/faucet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  };
  const client = (chainId: number) => createPublicClient({ transport: http(devnet.manifest.chains.find((c) => c.chainId === chainId)!.rpcUrl) });

  beforeAll(async () => {
    devnet = await startDevnet({ full: false, quiet: true, manifestPath: null, apiPort: 0 });
    api = devnet.manifest.metalayerApi;
  });
  afterAll(() => devnet?.stop());

  it('sends native currency by a mined transfer (default 10 units), address in any case', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face1');
    const { status, json } = await post({ chainId: 901, address: address.toLowerCase() });
    expect(status).toBe(200);
    expect(json).toMatchObject({ chainId: 901, address, token: 'ETH', tokenAddress: null, amount: parseEther('10').toString() });
    const receipt = await client(901).getTransactionReceipt({ hash: json.txHash as Hex });
    expect(receipt).toMatchObject({ status: 'success', to: address.toLowerCase() });
    await post({ chainId: '0x385', address, token: 'ETH', amount: '0.5' });
    expect(await client(901).getBalance({ address })).toBe(parseEther('10.5'));
  });

  it('leaves blocks read before it provable: their header still matches eth_getProof', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face6');
    const c = client(902);
    const before = await c.getBlock({ blockTag: 'latest' });
    const results = await Promise.all([post({ chainId: 902, address }), post({ chainId: 902, address, token: 'USDT', amount: '1' })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const proofAt = async (blockNumber: bigint) =>
      (await c.request({ method: 'eth_getProof', params: [address, [], `0x${blockNumber.toString(16)}`] })) as unknown as Eip1186Proof;
    expect(verifyAccountProof(before.stateRoot, address, await proofAt(before.number))).toMatchObject({ exists: false, balance: 0n });
    const after = await c.getBlock({ blockTag: 'latest' });
    expect(after.number).toBeGreaterThan(before.number);
    expect(verifyAccountProof(after.stateRoot, address, await proofAt(after.number)).balance).toBe(parseEther('10'));
  });

  it('sends native coins on several chains at once, each chain in order', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face7');
    const results = await Promise.all([900, 901, 902, 900, 901, 902].map((chainId) => post({ chainId, address, amount: '1' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const chainId of [900, 901, 902]) expect(await client(chainId).getBalance({ address })).toBe(parseEther('2'));
  });

  it('transfers ERC-20 from the deployer, by symbol or address', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face2');
    const usdc = devnet.manifest.chains.find((c) => c.chainId === 902)!.tokens.USDC!;
    const a = await post({ chainId: 902, address, token: 'usdc' });
    expect(a.status).toBe(200);
    expect(a.json.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const b = await post({ chainId: 902, address, token: usdc, amount: '2.5' });
    expect(b.status).toBe(200);
    const balance = await client(902).readContract({ address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
    expect(balance).toBe(parseUnits('1002.5', 6));
  });

  it('serves concurrent ERC-20 requests without nonce clashes', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face3');
    const results = await Promise.all(Array.from({ length: 5 }, () => post({ chainId: 900, address, token: 'DAI', amount: '1' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const dai = devnet.manifest.chains[0]!.tokens.DAI!;
    expect(await client(900).readContract({ address: dai, abi: erc20Abi, functionName: 'balanceOf', args: [address] })).toBe(parseEther('5'));
  });

  it.each([
    [{ chainId: 999, address: '0x00000000000000000000000000000000000fAcE4' }, 404, 'UNKNOWN_CHAIN'],
    [{ chainId: 901, address: '0x1234' }, 400, 'INVALID_ADDRESS'],
    [{ chainId: 'abc', address: '0x00000000000000000000000000000000000fAcE4' }, 400, 'INVALID_CHAIN_ID'],
    [{ chainId: 901, address: '0x00000000000000000000000000000000000fAcE4', token: 'DOGE' }, 400, 'UNKNOWN_TOKEN'],
    [{ chainId: 901, address: '0x00000000000000000000000000000000000fAcE4', amount: '-1' }, 400, 'INVALID_AMOUNT'],
    [{ chainId: 901, address: '0x00000000000000000000000000000000000fAcE4', token: 'USDC', amount: '0.0000001' }, 400, 'INVALID_AMOUNT'],
    [{ chainId: 901, address: '0x00000000000000000000000000000000000fAcE4', amount: '0' }, 400, 'INVALID_AMOUNT'],
    [{ chainId: 901, address: '0x00000000000000000000000000000000000fAcE4', amount: '1000000000001' }, 400, 'INVALID_AMOUNT'],
    [[1, 2], 400, 'INVALID_REQUEST'],
    ['{"chainId":', 400, 'INVALID_JSON'],
  ])('rejects %j with %i %s', async (body, status, code) => {
    const result = await post(body);
    expect(result.status).toBe(status);
    expect(result.json.error?.code).toBe(code);
  });

  it('rejected requests change nothing', async () => {
    const address: Address = getAddress('0x00000000000000000000000000000000000face4');
    expect(await client(901).getBalance({ address })).toBe(0n);
  });

  it('validates without a chain', () => {
    expect(() => parseFaucetRequest(null)).toThrow(ApiError);
    expect(parseFaucetRequest({ chainId: 901, address: '0x00000000000000000000000000000000000face5' }).address).toBe(getAddress('0x00000000000000000000000000000000000face5'));
  });
});
