/** Formats a base-unit amount: `exact` keeps every digit, `short` trims to `maxFractionDigits` (never rounding a non-zero value to 0). */
export function formatAmount(value: bigint, decimals: number, maxFractionDigits = 4): { short: string; exact: string } {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = abs % base;
  const fracDigits = decimals > 0 ? frac.toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  const sign = negative ? '-' : '';
  const groupedWhole = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const exact = `${sign}${whole}${fracDigits ? `.${fracDigits}` : ''}`;
  let shortFrac = fracDigits.slice(0, maxFractionDigits).replace(/0+$/, '');
  if (whole === 0n && frac > 0n && !shortFrac) {
    return { short: `${sign}<0.${'0'.repeat(Math.max(0, maxFractionDigits - 1))}1`, exact };
  }
  if (whole >= 1_000_000n) shortFrac = '';
  return { short: `${sign}${groupedWhole}${shortFrac ? `.${shortFrac}` : ''}`, exact };
}

export class AmountParseError extends Error {
  override name = 'AmountParseError';
}

/** Parses a user-typed decimal amount into base units; rejects more fraction digits than the token has. */
export function parseAmount(input: string, decimals: number): bigint {
  const text = input.trim().replace(/,/g, '');
  if (!/^\d*(\.\d*)?$/.test(text) || text === '' || text === '.') throw new AmountParseError('Enter an amount like 0.5');
  const [w = '', f = ''] = text.split('.');
  if (f.length > decimals) throw new AmountParseError(`At most ${decimals} decimals`);
  return BigInt(w || '0') * 10n ** BigInt(decimals) + BigInt((f || '').padEnd(decimals, '0') || '0');
}
