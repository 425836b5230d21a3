import { Amount, Badge, Banner, Button, Card, ChainChip, Row, Skeleton } from '../design';
import type { WalletChain } from '../walletApi';
import { useBalances } from '../stores/balances';

/** Native balance per network straight from its RPC (unproven); an offline chain is marked and never hides the others. */
export function BalancesCard({ chains, address }: { chains: WalletChain[]; address: string }) {
  const { balances, loading, error, load } = useBalances();
  const refresh = (
    <Button variant="ghost" size="sm" onClick={() => void load(address)} busy={loading} aria-label="Refresh balances">
      Refresh
    </Button>
  );
  if (chains.length === 0) {
    return (
      <Card title="Networks" action={refresh}>
        <p className="muted small" data-testid="balances-empty">
          No networks yet. Start the devnet (npm start) or set its API URL in Settings.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Networks" action={refresh} data-testid="balances">
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
