import { useId, useState, type FormEvent } from 'react';
import { Banner, Button, Sheet } from '../design';
import { setSettings, type WalletState } from '../walletApi';
import { describeError } from '../errors';
import { ChainToggles } from './ChainToggles';

export function SettingsSheet({ state, onClose, onReveal }: { state: WalletState; onClose: () => void; onReveal: () => void }) {
  const id = useId();
  const [minutes, setMinutes] = useState(String(state.autoLockMinutes));
  const [api, setApi] = useState(state.devnetApi);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'danger'; text: string } | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 1440) return setMessage({ tone: 'danger', text: 'Auto-lock must be a whole number of minutes from 1 to 1440.' });
    setBusy(true);
    setMessage(null);
    try {
      await setSettings({ autoLockMinutes: m, devnetApi: api.trim() });
      setMessage({ tone: 'info', text: 'Saved.' });
    } catch (err) {
      setMessage({ tone: 'danger', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Sheet title="Settings" onClose={onClose} testId="settings-sheet">
      <form className="stack" onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-lock`}>Auto-lock after (minutes)</label>
          <input id={`${id}-lock`} type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="settings-autolock" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-api`}>Devnet API URL</label>
          <input id={`${id}-api`} type="url" spellCheck={false} value={api} onChange={(e) => setApi(e.target.value)} className="mono" data-testid="settings-devnet-api" />
          <span className="hint">Where the wallet discovers the local Caldera devnet (GET /v1/network).</span>
        </div>
        {message && <Banner tone={message.tone}>{message.text}</Banner>}
        <Button type="submit" variant="primary" busy={busy} data-testid="settings-save">
          Save settings
        </Button>
      </form>
      <hr className="divider" />
      <div className="stack-sm" data-testid="settings-networks">
        <h3>Networks</h3>
        <ChainToggles chains={state.chains} />
      </div>
      <hr className="divider" />
      <div className="stack-sm">
        <h3>Security</h3>
        <Button variant="danger" onClick={onReveal} data-testid="reveal-open">
          Reveal recovery phrase
        </Button>
      </div>
    </Sheet>
  );
}
