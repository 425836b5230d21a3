import { useId, useState, type FormEvent } from 'react';
import { Amount, Banner, Button, Progress, Sheet } from '../design';
import { sendTransaction, type WalletState } from '../walletApi';
import { checkRecipient } from '../format/address';
import { AmountParseError, parseAmount } from '../format/amount';
import { describeError } from '../errors';
import { useBalances } from '../stores/balances';
import { useSession } from '../stores/session';

/** Native transfer within one rollup; a recipient with a wrong EIP-55 checksum is blocked before anything is sent. */
export function SendSheet({ state, from, onClose }: { state: WalletState; from: string; onClose: () => void }) {
  const id = useId();
  const activeChainId = useSession((s) => s.activeChainId);
  const { balances, load } = useBalances();
  const chains = state.chains.filter((c) => c.online);
  const [chainId, setChainId] = useState<number>(chains.find((c) => c.chainId === activeChainId)?.chainId ?? chains[0]?.chainId ?? 0);
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hash, setHash] = useState<string | null>(null);

  const chain = state.chains.find((c) => c.chainId === chainId);
  const decimals = chain?.nativeCurrency?.decimals ?? 18;
  const symbol = chain?.nativeCurrency?.symbol ?? 'ETH';
  const balance = balances?.find((b) => b.chainId === chainId && b.status === 'ok')?.balance;
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!recipient.ok || amountError || value === null || !chain) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendTransaction({ chainId, to: recipient.address, value: value.toString() });
      setHash(result.hash);
      // Balances change once the block is mined; devnet blocks are instant, so a short delay suffices.
      setTimeout(() => void load(from), 1000);
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
          <select id={`${id}-chain`} value={chainId} onChange={(e) => setChainId(Number(e.target.value))} data-testid="send-chain">
            {chains.map((c) => (
              <option key={c.chainId} value={c.chainId}>
                {c.name}
              </option>
            ))}
          </select>
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
        {error && <Banner tone="danger" title="Not sent">{error}</Banner>}
        {busy && <Progress label="Signing and submitting…" />}
        <Button type="submit" variant="primary" block busy={busy} disabled={!recipient.ok && recipient.reason === 'checksum'} data-testid="send-submit">
          Send
        </Button>
      </form>
    </Sheet>
  );
}
