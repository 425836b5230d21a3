import { useEffect, useId, useState, type FormEvent } from 'react';
import { send } from '../../messages/client';
import { txEstimate, type TxEstimateOutput } from '../../messages/txEstimate';
import { Amount, Banner, Button, Progress, Row, Sheet, Skeleton } from '../design';
import { sendTransaction, type WalletState } from '../walletApi';
import { checkRecipient } from '../format/address';
import { AmountParseError, parseAmount } from '../format/amount';
import { describeError } from '../errors';
import { useBalances } from '../stores/balances';
import { usePortfolio } from '../stores/portfolio';
import { useSession } from '../stores/session';

type Asset = { key: 'native' | `0x${string}`; symbol: string; decimals: number; balance?: string };
/** `key` names the inputs the answer is for: a fee is never shown next to other inputs. */
type FeeState = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; key: string; fee: TxEstimateOutput } | { status: 'error'; key: string; message: string };

const L1_FEE_LABEL: Record<TxEstimateOutput['l1Source'], string> = {
  'op-gas-price-oracle': 'L1 data fee (OP Stack)',
  'arb-node-interface': 'L1 data fee (Arbitrum)',
  none: 'L1 data fee',
};

/**
 * Native or ERC-20 transfer within one rollup, with the fee split into L2 execution and the framework's
 * L1 data fee before Send; a recipient with a wrong EIP-55 checksum is blocked before anything is sent.
 */
export function SendSheet({ state, from, onClose }: { state: WalletState; from: string; onClose: () => void }) {
  const id = useId();
  const activeChainId = useSession((s) => s.activeChainId);
  const { balances, load } = useBalances();
  const portfolio = usePortfolio();
  const chains = state.chains.filter((c) => c.online);
  const [chainId, setChainId] = useState<number>(chains.find((c) => c.chainId === activeChainId)?.chainId ?? chains[0]?.chainId ?? 0);
  const [assetKey, setAssetKey] = useState<Asset['key']>('native');
  const [fee, setFee] = useState<FeeState>({ status: 'idle' });
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hash, setHash] = useState<string | null>(null);

  const chain = state.chains.find((c) => c.chainId === chainId);
  const nativeDecimals = chain?.nativeCurrency?.decimals ?? 18;
  const nativeSymbol = chain?.nativeCurrency?.symbol ?? 'ETH';
  const nativeBalance = balances?.find((b) => b.chainId === chainId && b.status === 'ok')?.balance;
  // ERC-20s of this chain the portfolio read (devnet registry, token lists, watched assets), with their balances.
  const view = portfolio.view?.address.toLowerCase() === from.toLowerCase() ? portfolio.view : null;
  const tokenRows = view?.totals?.perChain.find((c) => c.chainId === chainId)?.rows.filter((r) => r.address !== 'native') ?? [];
  const assets: Asset[] = [
    { key: 'native', symbol: nativeSymbol, decimals: nativeDecimals, ...(nativeBalance !== undefined ? { balance: nativeBalance } : {}) },
    ...tokenRows.map((r) => ({ key: r.address as `0x${string}`, symbol: r.symbol, decimals: r.decimals, balance: r.amount })),
  ];
  const asset = assets.find((a) => a.key === assetKey) ?? assets[0]!;
  const { decimals, symbol, balance } = asset;
  const token = asset.key === 'native' ? undefined : asset.key;
  const recipient = checkRecipient(to);
  let value: bigint | null = null;
  let amountError: string | null = null;
  try {
    value = parseAmount(amount, decimals);
    if (value === 0n) amountError = 'Enter an amount above 0.';
    else if (balance !== undefined && value > BigInt(balance)) amountError = 'More than this account holds on this chain.';
  } catch (err) {
    amountError = err instanceof AmountParseError ? err.message : 'Enter an amount.';
  }

  useEffect(() => {
    if (!view) void portfolio.load(from);
    // Load once per account; the portfolio store keeps itself fresh after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from]);

  // The fee of exactly what Send would submit, re-estimated (debounced) whenever the inputs change.
  const estimateKey = recipient.ok && value !== null && !amountError ? `${chainId}|${token ?? ''}|${recipient.address}|${value}` : null;
  useEffect(() => {
    if (!estimateKey || !recipient.ok || value === null) {
      setFee({ status: 'idle' });
      return;
    }
    let live = true;
    setFee({ status: 'loading' });
    const key = estimateKey;
    const timer = setTimeout(() => {
      send(txEstimate, { chainId, to: recipient.address as `0x${string}`, value: value.toString(), ...(token ? { token } : {}) })
        .then((out) => live && setFee({ status: 'ok', key, fee: out }))
        .catch((err: unknown) => live && setFee({ status: 'error', key, message: describeError(err) }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [estimateKey]);

  const shownFee: FeeState = estimateKey === null ? { status: 'idle' } : (fee.status === 'ok' || fee.status === 'error') && fee.key !== estimateKey ? { status: 'loading' } : fee;

  // The fee is paid in the native currency: on top of the amount for native sends, alone for ERC-20 sends.
  const feeShort =
    shownFee.status === 'ok' && nativeBalance !== undefined && (token === undefined ? (value ?? 0n) : 0n) + BigInt(shownFee.fee.totalWei) > BigInt(nativeBalance);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!recipient.ok || amountError || value === null || !chain) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendTransaction({ chainId, to: recipient.address, value: value.toString(), ...(token ? { token } : {}) });
      setHash(result.hash);
      // Balances change once the block is mined; devnet blocks are instant, so a short delay suffices.
      setTimeout(() => {
        void load(from);
        void portfolio.refresh(from);
      }, 1000);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  if (chains.length === 0) {
    return (
      <Sheet title="Send" onClose={onClose}>
        <Banner tone="warn" title="No network is reachable">
          Start the devnet or check its API URL in Settings, then try again.
        </Banner>
      </Sheet>
    );
  }

  if (hash) {
    return (
      <Sheet title="Sent" onClose={onClose} testId="send-sheet">
        <div className="stack">
          <Banner tone="info" title="Transaction submitted">
            {chain?.name}: <span className="mono" data-testid="send-hash">{hash}</span>
          </Banner>
          <Button variant="primary" block onClick={onClose}>
            Done
          </Button>
        </div>
      </Sheet>
    );
  }

  return (
    <Sheet title="Send" onClose={onClose} testId="send-sheet">
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-chain`}>Network</label>
          <select
            id={`${id}-chain`}
            value={chainId}
            onChange={(e) => {
              setChainId(Number(e.target.value));
              setAssetKey('native');
            }}
            data-testid="send-chain"
          >
            {chains.map((c) => (
              <option key={c.chainId} value={c.chainId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-asset`}>Asset</label>
          <select id={`${id}-asset`} value={asset.key} onChange={(e) => setAssetKey(e.target.value as Asset['key'])} data-testid="send-asset-select">
            {assets.map((a) => (
              <option key={a.key} value={a.key} data-symbol={a.symbol}>
                {a.key === 'native' ? `${a.symbol} (native)` : a.symbol}
              </option>
            ))}
          </select>
          {!view && <span className="hint">Loading tokens…</span>}
          {balance !== undefined && (
            <span className="hint">
              Available: <Amount value={balance} decimals={decimals} symbol={symbol} />
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Recipient</label>
          <input
            id={`${id}-to`}
            spellCheck={false}
            autoComplete="off"
            placeholder="0x…"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={(tried || to) && !recipient.ok && recipient.reason !== 'empty' ? true : undefined}
            className="mono"
            data-testid="send-to"
          />
          {!recipient.ok && recipient.reason === 'checksum' && (
            <Banner tone="danger" title="Wrong checksum" testId="send-checksum-error">
              {recipient.message}
            </Banner>
          )}
          {!recipient.ok && recipient.reason !== 'checksum' && (tried || (to && recipient.reason === 'format')) && <span className="error">{recipient.message}</span>}
          {recipient.ok && recipient.warning && <span className="hint">{recipient.warning}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount ({symbol})</label>
          <input id={`${id}-amount`} inputMode="decimal" autoComplete="off" placeholder="0.0" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={tried && amountError ? true : undefined} data-testid="send-amount" />
          {tried && amountError && <span className="error">{amountError}</span>}
        </div>
        <FeeBreakdown fee={shownFee} decimals={nativeDecimals} symbol={nativeSymbol} />
        {feeShort && (
          <span className="error" data-testid="send-fee-short">
            {token ? `Not enough ${nativeSymbol} on this chain for the maximum fee.` : 'The amount plus the maximum fee is more than this account holds.'}
          </span>
        )}
        {error && <Banner tone="danger" title="Not sent">{error}</Banner>}
        {busy && <Progress label="Signing and submitting…" />}
        <Button type="submit" variant="primary" block busy={busy} disabled={!recipient.ok && recipient.reason === 'checksum'} data-testid="send-submit">
          Send
        </Button>
      </form>
    </Sheet>
  );
}

/** Fee before Send: total, the L2 execution cap, and the framework's L1 data fee where it applies. */
function FeeBreakdown({ fee, decimals, symbol }: { fee: FeeState; decimals: number; symbol: string }) {
  const digits = Math.min(decimals, 9);
  if (fee.status === 'idle') return <p className="hint" data-testid="send-fee" data-status="idle">Enter a recipient and an amount to see the network fee.</p>;
  if (fee.status === 'loading')
    return (
      <div className="stack-sm" data-testid="send-fee" data-status="loading" aria-busy="true">
        <Skeleton height={18} />
        <Skeleton height={18} width="70%" />
      </div>
    );
  if (fee.status === 'error')
    return (
      <Banner tone="warn" title="Fee unavailable" testId="send-fee">
        {fee.message} Check the network, then edit the amount to retry.
      </Banner>
    );
  const f = fee.fee;
  const gwei = formatGwei(BigInt(f.maxFeePerGas));
  return (
    <div className="card" data-testid="send-fee" data-status="ok" data-chain-id={f.chainId} data-total-wei={f.totalWei} aria-label="Network fee">
      <Row label="Network fee (max)" value={<Amount value={f.totalWei} decimals={decimals} symbol={symbol} maxFractionDigits={digits} />} />
      <Row label="L2 execution (max)" sub={`${f.l2Gas} gas × ${gwei} gwei`} testId="send-fee-l2" value={<span data-wei={f.l2FeeWei}><Amount value={f.l2FeeWei} decimals={decimals} symbol={symbol} maxFractionDigits={digits} /></span>} />
      {f.l1Source !== 'none' ? (
        <Row
          label={L1_FEE_LABEL[f.l1Source]}
          sub={f.note}
          testId="send-fee-l1"
          value={
            <span data-wei={f.l1FeeWei}>
              <Amount value={f.l1FeeWei} decimals={decimals} symbol={symbol} maxFractionDigits={digits} />
            </span>
          }
        />
      ) : (
        f.note && <p className="hint">{f.note}</p>
      )}
    </div>
  );
}

function formatGwei(wei: bigint): string {
  const whole = wei / 1_000_000_000n;
  const frac = (wei % 1_000_000_000n).toString().padStart(9, '0').slice(0, 3).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}
