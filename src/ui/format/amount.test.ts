import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, AmountParseError } from './amount';

describe('formatAmount', () => {
  it('formats whole and fractional ether', () => {
    expect(formatAmount(10000n * 10n ** 18n, 18)).toEqual({ short: '10,000', exact: '10000' });
    expect(formatAmount(1234567890000000000n, 18)).toEqual({ short: '1.2345', exact: '1.23456789' });
  });
  it('never shows a tiny non-zero amount as zero', () => {
    expect(formatAmount(1n, 18).short).toBe('<0.0001');
    expect(formatAmount(0n, 18).short).toBe('0');
  });
  it('handles zero decimals and negatives', () => {
    expect(formatAmount(42n, 0).exact).toBe('42');
    expect(formatAmount(-15n * 10n ** 5n, 6).short).toBe('-1.5');
  });
});

describe('parseAmount', () => {
  it('round-trips', () => {
    expect(parseAmount('1.5', 18)).toBe(15n * 10n ** 17n);
    expect(parseAmount('.25', 6)).toBe(250000n);
    expect(parseAmount('3', 0)).toBe(3n);
  });
  it('rejects junk and too many decimals', () => {
    expect(() => parseAmount('abc', 18)).toThrow(AmountParseError);
    expect(() => parseAmount('', 18)).toThrow(AmountParseError);
    expect(() => parseAmount('1.1234567', 6)).toThrow(/At most 6 decimals/);
  });
});
