import { describe, expect, it } from 'vitest';
import { firstPriceOf, priceKey, type PriceQuery, type PriceSource } from './prices';

const q = (chainId: number, address: PriceQuery['address']): PriceQuery => ({ chainId, address, symbol: 'X', decimals: 18, assetKey: 'X:18' });

describe('price sources', () => {
  it('asks later sources only for what earlier ones lacked, and survives a throwing source', async () => {
    const asked: string[][] = [];
    const a: PriceSource = async (qs) => {
      asked.push(qs.map((x) => priceKey(x.chainId, x.address)));
      return new Map([[priceKey(1, 'native'), { usd: 1n, source: 'a' }]]);
    };
    const broken: PriceSource = async () => {
      throw new Error('api down');
    };
    const b: PriceSource = async (qs) => {
      asked.push(qs.map((x) => priceKey(x.chainId, x.address)));
      return new Map([
        [priceKey(1, 'native'), { usd: 99n, source: 'b' }],
        [priceKey(2, 'native'), { usd: 2n, source: 'b' }],
      ]);
    };
    const book = await firstPriceOf(a, broken, b)([q(1, 'native'), q(2, 'native'), q(3, 'native')]);
    expect(book.get(priceKey(1, 'native'))).toEqual({ usd: 1n, source: 'a' });
    expect(book.get(priceKey(2, 'native'))?.source).toBe('b');
    expect(book.has(priceKey(3, 'native'))).toBe(false);
    expect(asked[1]).toEqual(['2:native', '3:native']);
  });

  it('keys are case-insensitive on the address', () => {
    expect(priceKey(1, '0xAbCdEf0000000000000000000000000000000001')).toBe(priceKey(1, '0xabcdef0000000000000000000000000000000001'));
  });
});
