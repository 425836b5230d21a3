import { Amount, Badge, Banner, Button, Card, ChainChip, Row, Skeleton } from '../design';
import type { WalletChain } from '../walletApi';
import { useBalances } from '../stores/balances';

/** Native balance per devnet chain; an offline chain is marked and never hides the others. */
export function BalancesCard({ chains, address }: { chains: WalletChain[]; address: string }) {
  const { balances, loading, error, load } = useBalances();
  const refresh = (
    <Button variant="ghost" size="sm" onClick={() => void load(address)} busy={loading} aria-label="Refresh balances">
      Refresh
    </Button>
  );
  if (chains.length === 0) {
    return (
      <Card title="Balances" action={refresh}>
        <p className="muted small" data-testid="balances-empty">
          No networks yet. Start the devnet (npm start) or set its API URL in Settings.
        </p>
      </Card>
    );
  }
  // Same-symbol native balances add up across rollups; different symbols are listed side by side.
  const totals = new Map<string, { value: bigint; decimals: number }>();
  for (const chain of chains) {
    const entry = balances?.find((b) => b.chainId === chain.chainId && b.status === 'ok');
    if (!entry) continue;
    const symbol = chain.nativeCurrency?.symbol ?? 'ETH';
    const prev = totals.get(symbol) ?? { value: 0n, decimals: chain.nativeCurrency?.decimals ?? 18 };
    totals.set(symbol, { ...prev, value: prev.value + BigInt(entry.balance) });
  }
  return (
    <Card title="Balances" action={refresh} data-testid="balances">
      <div className="portfolio-total" data-testid="portfolio-total" aria-label="Total across networks">
        {!balances ? (
          <Skeleton width={140} height={28} style={{ margin: '0 auto' }} />
        ) : (
          [...totals].map(([symbol, t]) => <Amount key={symbol} value={t.value} decimals={t.decimals} symbol={symbol} maxFractionDigits={4} />)
        )}
      </div>
      {error && <Banner tone="danger" title="Could not read balances">{error}. Check that the devnet is running, then refresh.</Banner>}
      {chains.map((chain) => {
        const entry = balances?.find((b) => b.chainId === chain.chainId);
        const symbol = chain.nativeCurrency?.symbol ?? 'ETH';
        const decimals = chain.nativeCurrency?.decimals ?? 18;
        let value;
        if (!entry) value = loading || !balances ? <Skeleton width={80} /> : <span className="muted small">—</span>;
        else if (entry.status === 'offline') value = <Badge tone="warn">offline</Badge>;
        else value = <Amount value={entry.balance} decimals={decimals} symbol={symbol} testId={`balance-${chain.chainId}`} />;
        return (
          <Row
            key={chain.chainId}
            testId={`balance-row-${chain.chainId}`}
            label={<ChainChip chainId={chain.chainId} name={chain.name} framework={chain.framework} online={chain.online} />}
            value={value}
          />
        );
      })}
    </Card>
  );
}
