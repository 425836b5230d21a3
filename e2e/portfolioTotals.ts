import { createPublicClient, erc20Abi, http, type Address, type Chain } from 'viem';
import type { Page } from '@playwright/test';
import { registryChain } from '../devnet/registry';

// Expected portfolio totals for e2e journeys, read straight from the devnet's anvils and PriceOracles.

const ORACLE_NATIVE = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const pricesOfAbi = [
  {
    type: 'function',
    name: 'pricesOf',
    stateMutability: 'view',
    inputs: [{ name: 'tokens', type: 'address[]' }],
    outputs: [
      { name: 'prices', type: 'uint256[]' },
      { name: 'updatedAt', type: 'uint256[]' },
    ],
  },
] as const;

export type ManifestChain = { chainId: number; name: string; directRpcUrl: string; contracts: Record<string, Address> };

export const viemChain = (c: ManifestChain): Chain => {
  const shipped = registryChain(c.chainId);
  return { id: c.chainId, name: c.name, nativeCurrency: shipped.nativeCurrency, rpcUrls: { default: { http: [c.directRpcUrl] } } };
};

/**
 * The expected portfolio total, read straight from each anvil (never through the fault proxy) and each
 * chain's PriceOracle: Σ balance × price / 10^decimals per asset (USD with 8 decimals, rounded down per row).
 */
export async function expectedUsd(chains: readonly ManifestChain[], holder: Address): Promise<{ usd: bigint; perChain: Map<number, bigint>; balances: Map<string, bigint> }> {
  const perChain = new Map<number, bigint>();
  const balances = new Map<string, bigint>();
  for (const c of chains) {
    const client = createPublicClient({ chain: viemChain(c), transport: http(c.directRpcUrl, { retryCount: 0 }) });
    const shipped = registryChain(c.chainId);
    const assets = [
      { symbol: shipped.nativeCurrency.symbol, decimals: shipped.nativeCurrency.decimals, address: ORACLE_NATIVE as Address, native: true },
      ...shipped.tokens.map((t) => ({ symbol: t.symbol, decimals: t.decimals, address: t.address as Address, native: false })),
    ];
    const amounts = await Promise.all(
      assets.map((a) => (a.native ? client.getBalance({ address: holder }) : client.readContract({ address: a.address, abi: erc20Abi, functionName: 'balanceOf', args: [holder] }))),
    );
    const [prices, updated] = await client.readContract({ address: c.contracts.priceOracle!, abi: pricesOfAbi, functionName: 'pricesOf', args: [assets.map((a) => a.address)] });
    let sum = 0n;
    assets.forEach((a, i) => {
      balances.set(`${c.chainId}:${a.symbol}:${a.decimals}`, amounts[i]!);
      if ((prices[i] ?? 0n) > 0n && (updated[i] ?? 0n) > 0n) sum += (amounts[i]! * prices[i]!) / 10n ** BigInt(a.decimals);
    });
    perChain.set(c.chainId, sum);
  }
  return { usd: [...perChain.values()].reduce((a, b) => a + b, 0n), perChain, balances };
}

/** The total the popup shows (data-usd, 8 decimals) once the read and its proofs are done; 'busy' before. */
export async function settledUsd(popup: Page): Promise<string> {
  const card = popup.getByTestId('portfolio');
  const [proofs, refreshing] = await Promise.all([card.getAttribute('data-proofs'), card.getAttribute('data-refreshing')]);
  if (proofs !== 'done' || refreshing !== 'false') return 'busy';
  return (await popup.getByTestId('portfolio-total').getAttribute('data-usd')) ?? 'none';
}
