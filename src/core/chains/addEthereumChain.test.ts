import { describe, expect, it } from 'vitest';
import { chainFromAddEthereumChain, checkChainRpc } from './addEthereumChain';
import { ChainValidationError } from './errors';

const good = {
  chainId: '0x1f90',
  chainName: 'My Rollup',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: ['https://rpc.example.org/http'],
  blockExplorerUrls: ['https://explorer.example.org'],
};

describe('wallet_addEthereumChain params', () => {
  it('accepts valid params (array or object form) as a user chain', () => {
    const c = chainFromAddEthereumChain([good]);
    expect(c).toMatchObject({ chainId: 8080, name: 'My Rollup', origin: 'user', framework: 'unknown', rpcUrls: good.rpcUrls });
    expect(c.explorer?.url).toBe('https://explorer.example.org');
    expect(chainFromAddEthereumChain({ ...good, rpcUrls: ['http://127.0.0.1:8545'] }).rpcUrls).toEqual(['http://127.0.0.1:8545']);
    expect(chainFromAddEthereumChain({ ...good, rpcUrls: ['http://localhost:8545'] }).rpcUrls).toHaveLength(1);
  });

  const bad: Array<[string, unknown]> = [
    ['decimal chain id', { ...good, chainId: '8080' }],
    ['number chain id', { ...good, chainId: 8080 }],
    ['leading zero', { ...good, chainId: '0x01' }],
    ['zero chain id', { ...good, chainId: '0x0' }],
    ['huge chain id', { ...good, chainId: '0xffffffffffffffffff' }],
    ['http remote rpc', { ...good, rpcUrls: ['http://rpc.example.org'] }],
    ['ws rpc', { ...good, rpcUrls: ['wss://rpc.example.org'] }],
    ['credentials in url', { ...good, rpcUrls: ['https://user:pw@rpc.example.org'] }],
    ['javascript url', { ...good, rpcUrls: ['javascript:alert(1)'] }],
    ['no rpc', { ...good, rpcUrls: [] }],
    ['decimals 6', { ...good, nativeCurrency: { name: 'USD', symbol: 'USDC', decimals: 6 } }],
    ['missing currency', { ...good, nativeCurrency: undefined }],
    ['long symbol', { ...good, nativeCurrency: { name: 'X', symbol: 'ABCDEFGHIJKLMN', decimals: 18 } }],
    ['empty name', { ...good, chainName: '  ' }],
    ['http explorer', { ...good, blockExplorerUrls: ['http://explorer.example.org'] }],
    ['not an object', 'hello'],
  ];
  it.each(bad)('rejects %s with -32602', (_, params) => {
    let err: unknown;
    try {
      chainFromAddEthereumChain(params);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChainValidationError);
    expect((err as ChainValidationError).code).toBe(-32602);
  });
});

describe('checkChainRpc on a real anvil', () => {
  it('accepts an RPC that reports the claimed id and refuses one that does not (or is down)', async () => {
    const { startAnvil, freePort } = await import('../portfolio/testing/anvilChain');
    const { httpRpc } = await import('../portfolio/rpc');
    const anvil = await startAnvil(8080);
    try {
      const entry = chainFromAddEthereumChain({ ...good, rpcUrls: [anvil.rpcUrl] });
      const rpc = httpRpc(anvil.rpcUrl);
      await expect(checkChainRpc(entry, (a) => rpc.request(a))).resolves.toBeUndefined();
      await expect(checkChainRpc({ ...entry, chainId: 8081 }, (a) => rpc.request(a))).rejects.toThrow(/different chain id/);
      const down = httpRpc(`http://127.0.0.1:${await freePort()}`);
      await expect(checkChainRpc(entry, (a) => down.request(a))).rejects.toThrow(ChainValidationError);
    } finally {
      await anvil.stop();
    }
  });
});
