import { useEffect, useState } from 'react';
import { Banner, ChainChip } from '../design';
import { describeError } from '../errors';
import { setChainEnabled, type WalletChain } from '../walletApi';
import './chainToggles.css';

/** One switch per wallet chain: a chain switched off is not contacted, not read, and leaves the totals. */
export function ChainToggles({ chains }: { chains: WalletChain[] }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Shown at once and kept until the background's state/changed push carries it (an error puts it back).
  const [pending, setPending] = useState<Record<number, boolean>>({});
  useEffect(() => {
    setPending((p) => {
      const left = Object.fromEntries(Object.entries(p).filter(([id, on]) => chains.find((c) => c.chainId === Number(id))?.enabled !== on));
      return Object.keys(left).length === Object.keys(p).length ? p : left;
    });
  }, [chains]);

  async function toggle(chain: WalletChain, enabled: boolean) {
    setBusy(chain.chainId);
    setError(null);
    setPending((p) => ({ ...p, [chain.chainId]: enabled }));
    try {
      await setChainEnabled(chain.chainId, enabled);
    } catch (err) {
      setError(`${chain.name}: ${describeError(err)}`);
      setPending(({ [chain.chainId]: _, ...rest }) => rest);
    } finally {
      setBusy(null);
    }
  }

  if (chains.length === 0) return <p className="small muted">No networks yet: the wallet lists the devnet&apos;s chains once its API answers.</p>;
  return (
    <div className="stack-sm">
      <ul className="chain-toggles" aria-label="Networks">
        {chains.map((c) => {
          const on = pending[c.chainId] ?? c.enabled;
          const id = `chain-toggle-${c.chainId}`;
          return (
            <li key={c.chainId} className="chain-toggle-row">
              <label htmlFor={id} className="chain-toggle-label">
                <ChainChip chainId={c.chainId} name={c.name} framework={c.framework} online={!on || c.online} />
                <span className="small muted">{on ? 'On' : 'Off: not read, not in totals'}</span>
              </label>
              <input
                id={id}
                type="checkbox"
                role="switch"
                className="switch"
                checked={on}
                aria-label={`${c.name} (chain ${c.chainId})`}
                disabled={busy === c.chainId}
                onChange={(e) => void toggle(c, e.target.checked)}
                data-testid={id}
              />
            </li>
          );
        })}
      </ul>
      {error && (
        <Banner tone="danger" testId="chain-toggle-error">
          {error}
        </Banner>
      )}
    </div>
  );
}
