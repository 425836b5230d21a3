import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import { aggregateBalances, assetKeyOf, priceQueriesFor, type ProofBook } from './aggregate';
import { priceKey, type PriceBook } from './prices';
import type { ChainBalances, PortfolioToken } from './types';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const chain = (chainId: number, symbol = 'ETH'): ChainEntry => ({
  chainId,
  name: `Rollup ${chainId}`,
  framework: 'op-stack',
  nativeCurrency: { name: symbol, symbol, decimals: 18 },
  rpcUrls: [],
  testnet: true,
  devnet: true,
  tokens: [],
  origin: 'devnet',
});
const usdc = (chainId: number, extra: Partial<PortfolioToken> = {}): PortfolioToken => ({
  chainId,
  address: addr(0xa0),
  symbol: 'USDC',
  name: 'USD Coin',
  decimals: 6,
  source: 'chain',
  ...extra,
});
const read = (chainId: number, native: bigint, tokens: Array<[PortfolioToken, bigint | undefined]>, status: ChainBalances['status'] = 'ok'): ChainBalances => ({
  chainId,
  status,
  blockNumber: 10n,
  native,
  tokens: tokens.map(([token, balance]) => (balance === undefined ? { token, error: 'reverted' } : { token, balance })),
  requests: 1,
  elapsedMs: 1,
});
const E8 = 10n ** 8n;

describe('aggregateBalances', () => {
  const chains = [901, 902, 903, 904].map((id) => chain(id));
  const reads = [901, 902, 903, 904].map((id) => read(id, 10n ** 18n, [[usdc(id), BigInt(id) * 1_000_000n]]));
  const prices: PriceBook = new Map();
  for (const id of [901, 902, 903, 904]) {
    prices.set(priceKey(id, addr(0xa0)), { usd: E8, source: 't' });
    prices.set(priceKey(id, 'native'), { usd: 3000n * E8, source: 't' });
  }

  it('merges USDC on four rollups into one asset row that expands to four', () => {
    const t = aggregateBalances({ reads, chains, prices });
    const row = t.perAsset.find((a) => a.assetKey === 'USDC:6')!;
    expect(row.rows.map((r) => r.chainId)).toEqual([901, 902, 903, 904]);
    expect(row.amount).toBe((901n + 902n + 903n + 904n) * 1_000_000n);
    expect(row.usd).toBe((901n + 902n + 903n + 904n) * E8);
    expect(t.perChain.find((c) => c.chainId === 902)!.usd).toBe(3000n * E8 + 902n * E8);
    expect(t.usd).toBe(4n * 3000n * E8 + 3610n * E8);
    expect(t.perAsset[0]!.assetKey).toBe('ETH:18'); // sorted by value
  });

  it('excludes a mismatched or invalid proof from every total and raises an alarm', () => {
    const proofs: ProofBook = new Map([
      [priceKey(902, addr(0xa0)), { status: 'mismatch', value: 1n }],
      [priceKey(903, 'native'), { status: 'invalid', failedStep: 'account-proof' }],
      [priceKey(901, addr(0xa0)), { status: 'verified', value: 901n * 1_000_000n, blockNumber: 10n }],
    ]);
    const t = aggregateBalances({ reads, chains, prices, proofs });
    expect(t.alarms.map((a) => `${a.chainId}:${a.address}`)).toEqual([`902:${addr(0xa0)}`, '903:native']);
    expect(t.usd).toBe(3n * 3000n * E8 + (901n + 903n + 904n) * E8);
    const asset = t.perAsset.find((a) => a.assetKey === 'USDC:6')!;
    expect(asset.amount).toBe((901n + 903n + 904n) * 1_000_000n);
    expect(asset.rows.find((r) => r.chainId === 902)).toMatchObject({ counted: false, alarm: expect.any(String) });
    expect(t.perChain.find((c) => c.chainId === 901)!.rows.find((r) => r.address !== 'native')!.proof.status).toBe('verified');
    expect(t.perChain.find((c) => c.chainId === 904)!.rows[0]!.proof.status).toBe('pending');
  });

  it('turns a verified proof of a different value at the read block into a mismatch', () => {
    const proofs: ProofBook = new Map([[priceKey(901, addr(0xa0)), { status: 'verified', value: 5n, blockNumber: 10n }]]);
    const t = aggregateBalances({ reads, chains, prices, proofs });
    expect(t.alarms).toHaveLength(1);
    expect(t.alarms[0]!.proof.status).toBe('mismatch');
  });

  it('hides zero and unknown tokens by default, shows them on request, never counts unknown', () => {
    const spam = { ...usdc(901), address: addr(0xbad), symbol: 'FREE', source: 'unknown' as const };
    const zero = { ...usdc(901), address: addr(0xb0), symbol: 'DAI', decimals: 18 };
    const r = [read(901, 0n, [[spam, 10n ** 30n], [zero, 0n], [usdc(901), 5n]])];
    const p: PriceBook = new Map([[priceKey(901, addr(0xbad)), { usd: 1000n * E8, source: 'scam' }]]);
    const hidden = aggregateBalances({ reads: r, chains, prices: p });
    expect(hidden.perChain[0]!.rows.map((x) => x.symbol)).toEqual(['USDC']);
    expect(hidden.hiddenCount).toBe(3); // native 0, FREE, DAI 0
    const shown = aggregateBalances({ reads: r, chains, prices: p, showHidden: true });
    expect(shown.perChain[0]!.rows.map((x) => x.hidden ?? 'shown')).toEqual(['zero', 'unknown', 'zero', 'shown']);
    expect(shown.usd).toBe(0n);
  });

  it("says 'no price' (undefined usd, unpriced count) instead of $0", () => {
    const t = aggregateBalances({ reads: [read(901, 10n ** 18n, [[usdc(901), 7n]])], chains });
    const c = t.perChain[0]!;
    expect(c.rows.every((r) => r.usd === undefined)).toBe(true);
    expect(c.unpriced).toBe(2);
    expect(t.unpriced).toBe(2);
    expect(t.usd).toBe(0n);
  });

  it('keeps offline and failed chains as statuses without rows, and skips a token whose call failed', () => {
    const r = [read(901, 1n, [[usdc(901), undefined]]), { ...read(902, 0n, []), status: 'offline' as const, native: undefined }];
    const t = aggregateBalances({ reads: r, chains, prices });
    expect(t.perChain.map((c) => [c.chainId, c.status, c.rows.length])).toEqual([
      [901, 'ok', 1],
      [902, 'offline', 0],
    ]);
    expect(priceQueriesFor(r, chains).map((q) => q.chainId)).toEqual([901, 901]);
  });

  it('merges an explicit assetId across different decimals exactly', () => {
    const bridged = usdc(902, { decimals: 18, assetId: 'usdc' });
    const native = usdc(901, { assetId: 'usdc' });
    const t = aggregateBalances({ reads: [read(901, 0n, [[native, 1_500_000n]]), read(902, 0n, [[bridged, 25n * 10n ** 17n]])], chains });
    const a = t.perAsset.find((x) => x.assetKey === 'usdc')!;
    expect(a.decimals).toBe(18);
    expect(a.amount).toBe(4n * 10n ** 18n);
    expect(assetKeyOf({ symbol: 'usdc', decimals: 6 })).toBe('USDC:6');
  });

  it('totals equal the sum of counted rows for any balances (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 40n }), { minLength: 4, maxLength: 4 }), (amounts) => {
        const r = amounts.map((a, i) => read(901 + i, a, [[usdc(901 + i), a / 7n]]));
        const t = aggregateBalances({ reads: r, chains, prices });
        const rows = t.perChain.flatMap((c) => c.rows).filter((x) => x.counted);
        expect(t.usd).toBe(rows.reduce((s, x) => s + (x.usd ?? 0n), 0n));
        expect(t.perAsset.reduce((s, a) => s + a.usd, 0n)).toBe(t.usd);
      }),
      { numRuns: 50 },
    );
  });
});
