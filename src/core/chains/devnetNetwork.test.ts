import { describe, expect, it } from 'vitest';
import devnetJson from './devnet.json';
import { devnetFromChainData, devnetFromNetworkResponse, withDevnetRpcUrls } from './devnetNetwork';
import { ChainValidationError } from './errors';

const HASH = `0x${'ab'.repeat(32)}`;
const rollup = (chainId: number, extra: Record<string, unknown> = {}) => ({
  chainId,
  name: `ERA Devnet ${chainId}`,
  framework: 'op-stack',
  da: 'celestia',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  explorer: null,
  tokens: [{ symbol: 'USDC', name: 'USD Coin', decimals: 6, address: '0xa61ab90d78ccd82819a3eaa3ac3a202cce89f9eb', balancesSlot: 0 }],
  rpcUrl: 'http://127.0.0.1:9545',
  ...extra,
});
const network = (rollups: unknown[]) => ({ networkId: 'era-devnet', genesisGuardianSetHash: HASH, epochMs: 2000, rollups });

describe('devnet chain data', () => {
  it('loads the shipped devnet.json (no rpc URLs; Multicall3 and oracle from contracts)', () => {
    const d = devnetFromChainData(devnetJson);
    expect(d.chains.length).toBeGreaterThanOrEqual(2);
    const ids = d.chains.map((c) => c.chainId);
    expect(ids).toContain(901);
    expect(ids).toContain(902);
    for (const c of d.chains) {
      expect(c).toMatchObject({ devnet: true, origin: 'devnet', rpcUrls: [] });
      for (const t of c.tokens) expect(t.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    }
  });

  it('validates a /v1/network response into entries with rpc URLs', () => {
    const n = devnetFromNetworkResponse(network([rollup(901), rollup(902, { framework: 'arbitrum-orbit', contracts: { multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11' } })]));
    expect(n.networkId).toBe('era-devnet');
    expect(n.chains.map((c) => c.rpcUrls[0])).toEqual(['http://127.0.0.1:9545', 'http://127.0.0.1:9545']);
    expect(n.chains[0]!.tokens[0]!.address).toBe('0xa61ab90D78cCd82819A3EaA3ac3A202Cce89F9eb');
    expect(n.chains[1]!.multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    expect(devnetFromNetworkResponse({ ...network([rollup(901)]), genesisGuardianSetHash: null, networkId: 9000 })).toMatchObject({
      networkId: '9000',
      genesisGuardianSetHash: null,
    });
  });

  const bad: Array<[string, unknown]> = [
    ['no rollups', network([])],
    ['duplicate chain', network([rollup(901), rollup(901)])],
    ['missing rpcUrl', network([{ ...rollup(901), rpcUrl: undefined }])],
    ['remote http rpc', network([rollup(901, { rpcUrl: 'http://10.0.0.1:8545' })])],
    ['unknown framework', network([rollup(901, { framework: 'polygon-cdk' })])],
    ['bad token address', network([rollup(901, { tokens: [{ symbol: 'X', decimals: 6, address: '0x12' }] })])],
    ['bad hash', { ...network([rollup(901)]), genesisGuardianSetHash: '0x12' }],
    ['bad epoch', { ...network([rollup(901)]), epochMs: -1 }],
    ['not an object', null],
  ];
  it.each(bad)('rejects %s', (_, body) => {
    expect(() => devnetFromNetworkResponse(body)).toThrow(ChainValidationError);
  });

  it('merges live rpc URLs into the shipped data', () => {
    const shipped = devnetFromChainData(devnetJson).chains;
    const live = devnetFromNetworkResponse(network([rollup(901, { tokens: [] })])).chains;
    const merged = withDevnetRpcUrls(shipped, live);
    const c901 = merged.find((c) => c.chainId === 901)!;
    expect(c901.rpcUrls).toEqual(['http://127.0.0.1:9545']);
    expect(c901.tokens.length).toBe(shipped.find((c) => c.chainId === 901)!.tokens.length);
    expect(merged.find((c) => c.chainId === 902)!.rpcUrls).toEqual([]);
  });
});
