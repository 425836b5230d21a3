import { describe, expect, it } from 'vitest';
import { formatUsd, toUsdDecimals, usdValue } from './usd';

describe('USD fixed-point', () => {
  it('values amounts without floats and rounds down', () => {
    expect(usdValue(1_500_000n, 6, 10n ** 8n)).toBe(150_000_000n); // 1.5 USDC at $1
    expect(usdValue(10n ** 18n, 18, 3000n * 10n ** 8n)).toBe(3000n * 10n ** 8n);
    expect(usdValue(1n, 18, 3000n * 10n ** 8n)).toBe(0n);
    expect(usdValue(123456789012345678901234567890n, 18, 123456789n)).toBe((123456789012345678901234567890n * 123456789n) / 10n ** 18n);
  });
  it('rescales prices to 8 decimals', () => {
    expect(toUsdDecimals(1n * 10n ** 18n, 18)).toBe(10n ** 8n);
    expect(toUsdDecimals(100n, 2)).toBe(10n ** 8n);
  });
  it('formats cents with thousands separators', () => {
    expect(formatUsd(0n)).toBe('$0.00');
    expect(formatUsd(123456789012n)).toBe('$1,234.56');
    expect(formatUsd(99n)).toBe('$0.00');
    expect(formatUsd(-150_000_000n)).toBe('-$1.50');
    expect(formatUsd(10n ** 20n)).toBe('$1,000,000,000,000.00');
  });
});
