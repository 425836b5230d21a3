import { useEffect } from 'react';
import { Banner, Button, Card, Row, Skeleton } from '../design';
import { useSites } from '../stores/sites';
import { useWallet } from '../stores/wallet';

export function SitesCard() {
  const { sites, error, load, revoke } = useSites();
  const stateVersion = useWallet((s) => s.state);
  useEffect(() => void load(), [load, stateVersion]);
  return (
    <Card title="Connected sites" data-testid="sites">
      {error && <Banner tone="danger">{error}</Banner>}
      {!sites ? (
        <Skeleton height={32} />
      ) : sites.length === 0 ? (
        <p className="muted small">No site is connected. Sites ask to connect when you use them; they appear here.</p>
      ) : (
        sites.map((s) => (
          <Row
            key={s.origin}
            label={<span className="mono small">{s.origin}</span>}
            sub={`${s.accounts.length} account${s.accounts.length === 1 ? '' : 's'} · chain ${s.chainId}`}
            value={
              <Button size="sm" variant="secondary" onClick={() => void revoke(s.origin)} aria-label={`Disconnect ${s.origin}`} data-testid="site-revoke">
                Disconnect
              </Button>
            }
          />
        ))
      )}
    </Card>
  );
}
