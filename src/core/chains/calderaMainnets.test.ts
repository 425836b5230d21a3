import { describe, expect, it } from 'vitest';
import { calderaMainnets, unconfirmedCalderaMainnets } from './calderaMainnets';

describe('shipped Caldera mainnets', () => {
  it('has the checked chain ids, unique, and no contested id', () => {
    const ids = calderaMainnets.map((c) => c.chainId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort((a, b) => a - b)).toEqual([169, 478, 2525, 2911, 7887, 33139, 1380012617]);
    expect(ids).not.toContain(360); // Molten/Shape conflict: kept out until the sources agree
    expect(unconfirmedCalderaMainnets.map((c) => c.chainId)).toEqual([360]);
  });

  it('every entry names its sources, and every source ref points at the entry chain id', () => {
    for (const c of calderaMainnets) {
      expect(c.sources?.length).toBeGreaterThan(0);
      const el = c.sources!.find((s) => s.ref.startsWith('ethereum-lists'));
      expect(el?.ref).toContain(`eip155-${c.chainId}.json`);
      expect(el?.confirms).toContain('chainId');
      if (c.sources!.length < 2) expect(c.caveats?.join(' ')).toMatch(/one source/);
      if (c.framework === 'unknown') expect(c.caveats?.join(' ')).toMatch(/framework/);
    }
  });

  it('uses https RPC URLs and 18-decimal native currencies, and is builtin mainnet data', () => {
    for (const c of calderaMainnets) {
      expect(c.rpcUrls.length).toBeGreaterThan(0);
      for (const u of c.rpcUrls) expect(new URL(u).protocol).toBe('https:');
      expect(c.nativeCurrency.decimals).toBe(18);
      expect(c).toMatchObject({ testnet: false, devnet: false, origin: 'builtin' });
    }
    expect(calderaMainnets.find((c) => c.chainId === 33139)!.nativeCurrency.symbol).toBe('APE');
    expect(calderaMainnets.find((c) => c.chainId === 2525)!.nativeCurrency.symbol).toBe('INJ');
    expect(calderaMainnets.find((c) => c.chainId === 2911)!.nativeCurrency.symbol).toBe('TOPIA');
  });
});
