import { useEffect, useState } from 'react';
import { formatUsd } from '../../core/portfolio/usd';
import { Amount, Badge, Banner, Button, Card, ChainChip, ProofBadge, Row, Skeleton, Sparkline } from '../design';
import type { PortfolioTotalsJson, PortfolioView, WalletChain, WalletState } from '../walletApi';
import { alarmsByChain, groupStatus, partialLabel, verifiedUsd } from '../format/proofSummary';
import { usePortfolio } from '../stores/portfolio';
import { useBalances } from '../stores/balances';
import './portfolio.css';

type RowJson = PortfolioTotalsJson['perAsset'][number]['rows'][number];
type AssetJson = PortfolioTotalsJson['perAsset'][number];
type ChainTotalJson = PortfolioTotalsJson['perChain'][number];

/** How often the popup re-reads the cached view while the background reads or proves. */
const POLL_MS = 1500;

const chainOf = (chains: WalletChain[], chainId: number) => chains.find((c) => c.chainId === chainId);

function usdText(usd: string | undefined): string | null {
  return usd === undefined ? null : formatUsd(BigInt(usd));
}

/** A group's badge: the worst status, or "3 of 4 verified" when only some rows can be proven. */
function GroupBadge({ rows, testId, detail }: { rows: readonly RowJson[]; testId?: string; detail?: string }) {
  return <ProofBadge status={groupStatus(rows)} testId={testId} detail={detail} label={partialLabel(rows)} />;
}

function proofDetail(row: RowJson): string | undefined {
  const p = row.proof as RowJson['proof'] & { epoch?: string; error?: { message: string } };
  const parts = [p.blockNumber && `block ${p.blockNumber}`, p.epoch && `epoch ${p.epoch}`, p.failedStep && `failed at ${p.failedStep}`, p.error?.message].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return new Date(ms).toLocaleString();
}

/** Polls the cached view while the background works, and after each state/changed push. */
function usePortfolioFeed(address: string, state: WalletState) {
  const { view, load, poll } = usePortfolio();
  const chainsKey = state.chains.map((c) => `${c.chainId}:${c.online}`).join(',');
  useEffect(() => {
    void load(address);
  }, [address, load, chainsKey]);
  useEffect(() => {
    void poll(address);
  }, [state, address, poll]);
  const busy = Boolean(view && (view.refreshing || view.proofs === 'running'));
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => void poll(address), POLL_MS);
    return () => clearInterval(t);
  }, [busy, address, poll]);
}

/** The red alarm at the top of Home: a proof contradicted what the RPC said. Not dismissible while it holds. */
export function ProofAlarm({ chains }: { chains: WalletChain[] }) {
  const alarms = usePortfolio((s) => s.view?.totals?.alarms);
  if (!alarms || alarms.length === 0) return null;
  // One line per chain: a lying RPC usually lies about every balance it serves.
  const byChain = alarmsByChain(alarms);
  const names = [...byChain.keys()].map((id) => chainOf(chains, id)?.name ?? `Chain ${id}`);
  return (
    <Banner tone="danger" testId="proof-mismatch-alarm" title={`Proof check failed on ${names.join(', ')}`}>
      <ul className="alarm-list">
        {[...byChain].map(([chainId, rows], i) => {
          const first = rows[0]!;
          const { value: proven, blockNumber } = first.proof as { value?: string; blockNumber?: string };
          return (
            <li key={chainId} data-testid={`proof-alarm-${chainId}`} data-assets={rows.map((r) => r.symbol).join(',')}>
              <strong>{names[i]}</strong>: {rows.map((r) => r.symbol).join(', ')} {rows.length === 1 ? 'does' : 'do'} not match {rows.length === 1 ? 'its proof' : 'their proofs'} (
              {first.proof.status}). For {first.symbol} the RPC says <Amount value={first.amount} decimals={first.decimals} symbol={first.symbol} />
              {proven !== undefined && (
                <>
                  {' '}
                  but the proof says <Amount value={proven} decimals={first.decimals} symbol={first.symbol} />
                  {blockNumber && ` at block ${blockNumber}`}
                </>
              )}
              .
            </li>
          );
        })}
      </ul>
      <span className="small">These amounts are left out of your total. The network&apos;s RPC may be lying: do not act on its numbers. This stays until the RPC and the proofs agree again.</span>
    </Banner>
  );
}

export function PortfolioCard({ state, address }: { state: WalletState; address: string }) {
  usePortfolioFeed(address, state);
  const { view, refreshing, error, unavailable, refresh } = usePortfolio();
  const busy = refreshing || Boolean(view?.refreshing);
  const action = (
    <Button variant="ghost" size="sm" onClick={() => void refresh(address)} busy={busy} aria-label="Refresh portfolio" data-testid="portfolio-refresh">
      Refresh
    </Button>
  );
  if (unavailable) return <NativeTotalsCard chains={state.chains} action={action} />;
  const totals = view?.totals ?? null;
  return (
    <Card title="Portfolio" action={action} data-testid="portfolio" data-proofs={view?.proofs ?? 'none'} data-refreshing={String(busy)} aria-busy={busy || undefined}>
      {!totals ? (
        <div className="stack-sm" data-testid="portfolio-loading">
          <div className="portfolio-total" data-testid="portfolio-total" aria-label="Total value across rollups">
            <Skeleton width={160} height={32} style={{ margin: '0 auto' }} />
          </div>
          <Skeleton height={44} />
          <Skeleton height={44} />
          <Skeleton height={44} />
        </div>
      ) : (
        <PortfolioBody view={view!} totals={totals} chains={state.chains} />
      )}
      {error && (
        <Banner tone="warn" title="Could not refresh the portfolio">
          {error}. The last known values are shown; check that the devnet is running, then refresh.
        </Banner>
      )}
    </Card>
  );
}

function PortfolioBody({ view, totals, chains }: { view: PortfolioView; totals: PortfolioTotalsJson; chains: WalletChain[] }) {
  const counted = totals.perAsset.flatMap((a) => a.rows).filter((r) => r.counted);
  const status = counted.length ? groupStatus(counted) : 'pending';
  const fresh = view.updatedAt !== null && Date.now() - view.updatedAt < 30_000;
  const symbols = totals.perAsset.filter((a) => a.rows.some((r) => r.counted)).map((a) => a.symbol);
  const rollups = totals.perChain.filter((c) => c.status === 'ok').length;
  const history = view.history.map((p) => Number(BigInt(p.usd)) / 1e8);
  const provenUsd = verifiedUsd(counted);
  return (
    <div className="stack-sm">
      <div className="portfolio-total" data-testid="portfolio-total" data-usd={totals.usd} aria-label="Total value across rollups">
        <span className="portfolio-usd">{formatUsd(BigInt(totals.usd))}</span>
        <span className="portfolio-caption small muted">
          {symbols.length ? `${symbols.slice(0, 4).join(', ')}${symbols.length > 4 ? ` +${symbols.length - 4}` : ''}` : 'No assets'} on {rollups} network{rollups === 1 ? '' : 's'}
          {totals.unpriced > 0 && ` · ${totals.unpriced} without a price (not in the total)`}
        </span>
      </div>
      <div className="inline portfolio-meta">
        <span className="inline">
          {counted.length ? (
            <GroupBadge rows={counted} testId="portfolio-proof" detail={view.proofEpoch ? `checkpoint epoch ${view.proofEpoch}` : undefined} />
          ) : (
            <ProofBadge status="pending" testId="portfolio-proof" />
          )}
          {status !== 'verified' && provenUsd > 0n && (
            <span className="small muted" data-testid="portfolio-verified-usd" title="Part of the total proven against a Guardian-signed checkpoint">
              {formatUsd(provenUsd)} verified
            </span>
          )}
        </span>
        <span className="small muted" data-testid="portfolio-freshness" data-stale={String(view.stale)}>
          {view.refreshing ? 'Refreshing…' : view.updatedAt ? `${view.stale && !fresh ? 'Cached · ' : ''}updated ${ago(view.updatedAt)}` : 'Not read yet'}
          {view.proofs === 'running' && ' · checking proofs…'}
        </span>
        {history.length > 1 && <Sparkline values={history} label={`Total value over the last ${history.length} reads`} testId="portfolio-chart" />}
      </div>
      <ChainStatusStrip view={view} totals={totals} chains={chains} />
      {totals.perAsset.length === 0 ? (
        <p className="muted small" data-testid="portfolio-empty">
          Nothing here yet. Receive funds, or use the devnet faucet.
        </p>
      ) : (
        <div className="asset-list" data-testid="portfolio-assets">
          {totals.perAsset.map((asset) => (
            <AssetRow key={asset.assetKey} asset={asset} chains={chains} />
          ))}
        </div>
      )}
      <RollupTotals totals={totals.perChain} chains={chains} />
    </div>
  );
}

/** One chip per chain with its read status; a chain that did not answer is marked and the rest still show. */
function ChainStatusStrip({ view, totals, chains }: { view: PortfolioView; totals: PortfolioTotalsJson; chains: WalletChain[] }) {
  const ids = view.chains.length ? view.chains.map((c) => c.chainId) : totals.perChain.map((c) => c.chainId);
  return (
    <ul className="chain-strip" aria-label="Networks read">
      {ids.map((chainId) => {
        const read = view.chains.find((c) => c.chainId === chainId);
        const st = read?.status ?? totals.perChain.find((c) => c.chainId === chainId)?.status ?? 'ok';
        const chain = chainOf(chains, chainId);
        const name = chain?.name ?? totals.perChain.find((c) => c.chainId === chainId)?.name ?? `Chain ${chainId}`;
        return (
          <li key={chainId} data-testid={`chain-status-${chainId}`} data-status={st} title={read?.error ? `${name}: ${read.error.message}` : `${name}: ${st}`}>
            <ChainChip chainId={chainId} name={name} online={st === 'ok'} />
            {st !== 'ok' && st !== 'offline' && <Badge tone="warn">{st}</Badge>}
          </li>
        );
      })}
    </ul>
  );
}

function AssetRow({ asset, chains }: { asset: AssetJson; chains: WalletChain[] }) {
  const [open, setOpen] = useState(false);
  const priced = asset.rows.some((r) => r.counted && r.usd !== undefined);
  return (
    <div className="asset" data-testid={`asset-row-${asset.assetKey.replace(':', '-')}`} data-asset={asset.assetKey}>
      <Row
        onClick={() => setOpen(!open)}
        ariaLabel={`${asset.symbol}, ${asset.rows.length} network${asset.rows.length === 1 ? '' : 's'}; ${open ? 'hide' : 'show'} per network`}
        label={
          <span className="inline">
            <strong>{asset.symbol}</strong>
            {asset.rows.every((r) => r.address === 'native') && asset.symbol !== 'ETH' && (
              <Badge title={`${asset.symbol} is the gas token of ${asset.rows.length === 1 ? 'this network' : 'these networks'}`}>gas token</Badge>
            )}
            <span className="small muted">
              {asset.rows.length} network{asset.rows.length === 1 ? '' : 's'} {open ? '▾' : '▸'}
            </span>
          </span>
        }
        sub={<GroupBadge rows={asset.rows} />}
        value={
          <span className="stack-tight asset-value">
            <Amount value={asset.amount} decimals={asset.decimals} symbol={asset.symbol} maxFractionDigits={asset.decimals <= 6 ? 2 : 4} />
            <span className="small muted">{priced ? usdText(asset.usd) : 'no price'}</span>
          </span>
        }
      />
      {open && (
        <div className="asset-chains" data-testid={`asset-chains-${asset.assetKey.replace(':', '-')}`}>
          {asset.rows.map((row) => {
            const chain = chainOf(chains, row.chainId);
            return (
              <Row
                key={`${row.chainId}:${row.address}`}
                testId={`asset-chain-row-${asset.assetKey.replace(':', '-')}-${row.chainId}`}
                label={<ChainChip chainId={row.chainId} name={chain?.name} framework={chain?.framework} online={chain?.online ?? true} />}
                sub={<ProofBadge status={row.proof.status} detail={proofDetail(row)} />}
                value={
                  <span className={`stack-tight asset-value${row.counted ? '' : ' not-counted'}`}>
                    <Amount value={row.amount} decimals={row.decimals} symbol={row.symbol} />
                    <span className="small muted">{row.counted ? (usdText(row.usd) ?? 'no price') : 'not counted'}</span>
                  </span>
                }
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/** Per-rollup totals, collapsed by default (the asset rows are the main view). */
function RollupTotals({ totals, chains }: { totals: ChainTotalJson[]; chains: WalletChain[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rollup-totals">
      <Button variant="ghost" size="sm" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="rollup-totals-toggle">
        {open ? 'Hide' : 'Show'} totals per network
      </Button>
      {open &&
        totals.map((t) => {
          const chain = chainOf(chains, t.chainId);
          return (
            <Row
              key={t.chainId}
              testId={`rollup-total-${t.chainId}`}
              label={<ChainChip chainId={t.chainId} name={chain?.name ?? t.name} framework={chain?.framework} online={t.status === 'ok'} />}
              sub={t.rows.length ? <GroupBadge rows={t.rows} /> : undefined}
              value={
                t.status === 'ok' ? (
                  <span className="stack-tight asset-value">
                    <strong>{formatUsd(BigInt(t.usd))}</strong>
                    {t.unpriced > 0 && <span className="small muted">+{t.unpriced} without a price</span>}
                  </span>
                ) : (
                  <Badge tone="warn">{t.status}</Badge>
                )
              }
            />
          );
        })}
    </div>
  );
}

/** Fallback for a background without the portfolio service: native balances per symbol (the earlier total). */
function NativeTotalsCard({ chains, action }: { chains: WalletChain[]; action: React.ReactNode }) {
  const balances = useBalances((s) => s.balances);
  const totals = new Map<string, { value: bigint; decimals: number }>();
  for (const chain of chains) {
    const entry = balances?.find((b) => b.chainId === chain.chainId && b.status === 'ok');
    if (!entry) continue;
    const symbol = chain.nativeCurrency?.symbol ?? 'ETH';
    const prev = totals.get(symbol) ?? { value: 0n, decimals: chain.nativeCurrency?.decimals ?? 18 };
    totals.set(symbol, { ...prev, value: prev.value + BigInt(entry.balance) });
  }
  return (
    <Card title="Portfolio" action={action} data-testid="portfolio">
      <div className="portfolio-total" data-testid="portfolio-total" aria-label="Native balances across networks">
        {!balances ? (
          <Skeleton width={140} height={28} style={{ margin: '0 auto' }} />
        ) : (
          [...totals].map(([symbol, t]) => <Amount key={symbol} value={t.value} decimals={t.decimals} symbol={symbol} maxFractionDigits={4} />)
        )}
      </div>
      <p className="small muted">USD values and proofs need a newer wallet background; native balances are shown.</p>
    </Card>
  );
}
