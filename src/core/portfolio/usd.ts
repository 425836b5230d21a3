/** USD amounts are bigint fixed-point with 8 decimals (the devnet oracle's and Chainlink's scale). */
export const USD_DECIMALS = 8;
const USD_ONE = 10n ** BigInt(USD_DECIMALS);

/** USD value of `amount` base units of a token with `decimals`, at `price` (USD per whole token, 8 decimals); rounds down. */
export function usdValue(amount: bigint, decimals: number, price: bigint): bigint {
  return (amount * price) / 10n ** BigInt(decimals);
}

/** Rescales a price quoted with `decimals` to USD_DECIMALS (rounds down). */
export function toUsdDecimals(value: bigint, decimals: number): bigint {
  if (decimals === USD_DECIMALS) return value;
  return decimals > USD_DECIMALS
    ? value / 10n ** BigInt(decimals - USD_DECIMALS)
    : value * 10n ** BigInt(USD_DECIMALS - decimals);
}

/** "$1,234.56" (cents, rounded down; never through a float). */
export function formatUsd(usd: bigint): string {
  const negative = usd < 0n;
  const cents = (negative ? -usd : usd) / (USD_ONE / 100n);
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}
