import { describe, expect, it } from 'vitest';
import type { ChainEntry } from '../chains/types';
import { collectTokens, parseTokenList, TokenListError } from './tokenList';
import { tokenFromWatchAsset, WatchAssetError } from './watchAsset';

const list = (tokens: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'ERA Devnet Tokens',
  timestamp: '2026-11-25T12:00:00.000Z',
  version: { major: 1, minor: 0, patch: 0 },
  tokens,
  ...extra,
});
const tok = (chainId: number, address: string, extra: Record<string, unknown> = {}) => ({
  chainId,
  address,
  name: 'USD Coin',
  symbol: 'USDC',
  decimals: 6,
  ...extra,
});
const A = '0xa61ab90d78ccd82819a3eaa3ac3a202cce89f9eb';
const B = '0x07263487d3264fd5002acfc6c07570464ffe6971';

describe('Uniswap token lists', () => {
  it('parses a valid list, checksums addresses and keeps extensions.assetId', () => {
    const l = parseTokenList(list([tok(901, A, { extensions: { assetId: 'usdc' }, logoURI: 'ipfs://x' }), tok(902, A)]));
    expect(l.tokens[0]!.address).toBe('0xa61ab90D78cCd82819A3EaA3ac3A202Cce89F9eb');
    expect(l.tokens[0]!.extensions).toEqual({ assetId: 'usdc' });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['missing name', { ...list([tok(901, A)]), name: undefined }, /name/],
    ['long name', { ...list([tok(901, A)]), name: 'x'.repeat(31) }, /name/],
    ['bad timestamp', { ...list([tok(901, A)]), timestamp: 'yesterday' }, /timestamp/],
    ['bad version', { ...list([tok(901, A)]), version: { major: -1, minor: 0, patch: 0 } }, /version/],
    ['no tokens', list([]), /tokens/],
    ['bad address', list([tok(901, '0x1234')]), /address/],
    ['decimals 256', list([tok(901, A, { decimals: 256 })]), /decimals/],
    ['chainId 0', list([tok(0, A)]), /chainId/],
    ['symbol with space', list([tok(901, A, { symbol: 'US DC' })]), /symbol/],
    ['html in name', list([tok(901, A, { name: '<script>' })]), /name/],
    ['http logo', list([tok(901, A, { logoURI: 'http://x' })]), /logoURI/],
    ['duplicate', list([tok(901, A), tok(901, A.toUpperCase().replace('0X', '0x'))]), /duplicates/],
  ];
  it.each(bad)('rejects %s', (_, input, re) => {
    expect(() => parseTokenList(input)).toThrow(TokenListError);
    try {
      parseTokenList(input);
    } catch (e) {
      expect((e as TokenListError).details).toMatch(re);
    }
  });

  it('reports every problem at once', () => {
    try {
      parseTokenList(list([tok(901, '0x1'), tok(0, A)], { name: '' }));
      expect.unreachable();
    } catch (e) {
      expect((e as TokenListError).problems.length).toBe(3);
    }
  });
});

describe('collectTokens', () => {
  const chain = (chainId: number, tokens: ChainEntry['tokens'] = []): ChainEntry => ({
    chainId,
    name: String(chainId),
    framework: 'op-stack',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: [],
    testnet: true,
    devnet: true,
    tokens,
    origin: 'devnet',
  });

  it('dedupes per chain and address: chain data over list over watchAsset; only enabled chains', () => {
    const chains = [chain(901, [{ address: '0xa61ab90D78cCd82819A3EaA3ac3A202Cce89F9eb', symbol: 'USDC', name: 'USD Coin', decimals: 6, balancesSlot: 0 }]), chain(902)];
    const lists = [parseTokenList(list([tok(901, A, { symbol: 'FAKE' }), tok(902, A), tok(999, B)]))];
    const watched = [tokenFromWatchAsset({ type: 'ERC20', options: { address: A, symbol: 'WAT', decimals: 6 } }, 902), tokenFromWatchAsset({ type: 'ERC20', options: { address: B, symbol: 'USDT', decimals: 6 } }, 902)];
    const all = collectTokens({ chains, lists, watched });
    expect(all.map((t) => `${t.chainId}:${t.symbol}:${t.source}`).sort()).toEqual(['901:USDC:chain', '902:USDC:list', '902:USDT:watchAsset']);
    expect(all.find((t) => t.chainId === 901)!.balancesSlot).toBe(0);
  });
});

describe('wallet_watchAsset', () => {
  it('accepts an ERC20 on the current chain', () => {
    const t = tokenFromWatchAsset([{ type: 'ERC20', options: { address: A, symbol: 'USDC', decimals: '6', image: 'https://x/y.png' } }], 901);
    expect(t).toMatchObject({ chainId: 901, symbol: 'USDC', decimals: 6, source: 'watchAsset', logoURI: 'https://x/y.png' });
  });
  const bad: unknown[] = [
    { type: 'ERC721', options: { address: A, symbol: 'X', decimals: 0 } },
    { type: 'ERC20', options: { address: '0x12', symbol: 'X', decimals: 0 } },
    { type: 'ERC20', options: { address: A, symbol: 'TOOLONGSYMBOL', decimals: 0 } },
    { type: 'ERC20', options: { address: A, symbol: 'X', decimals: 99 } },
    { type: 'ERC20', options: { address: A, symbol: 'X', decimals: 6, image: 'javascript:alert(1)' } },
    { type: 'ERC20' },
    null,
  ];
  it.each(bad)('rejects %j with -32602', (p) => {
    expect(() => tokenFromWatchAsset(p, 901)).toThrow(WatchAssetError);
  });
});
