import { formatAmount } from '../format/amount';

export type AmountProps = { value: bigint | string; decimals: number; symbol: string; maxFractionDigits?: number; testId?: string };

/** A token amount with its symbol; the exact value is in the title for hover. */
export function Amount({ value, decimals, symbol, maxFractionDigits = 4, testId }: AmountProps) {
  const wei = typeof value === 'bigint' ? value : BigInt(value);
  const { short, exact } = formatAmount(wei, decimals, maxFractionDigits);
  return (
    <span className="amount" title={`${exact} ${symbol}`} data-testid={testId}>
      {short}
      <span className="amount-symbol">{symbol}</span>
    </span>
  );
}
