import { useEffect, useId, useState, type FormEvent } from 'react';
import { Banner, Button, Progress, Sheet } from '../design';
import { revealMnemonic } from '../walletApi';
import { copyText } from '../clipboard';
import { describeError, errorCode, retryAfterMs } from '../errors';

const CLIPBOARD_CLEAR_MS = 45_000;

/** Risk warning → password → phrase; the phrase is dropped from memory when the sheet closes. */
export function RevealSheet({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const [password, setPassword] = useState('');
  const [phrase, setPhrase] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => () => setPhrase(null), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setPhrase((await revealMnemonic(password)).mnemonic);
      setPassword('');
    } catch (err) {
      const wait = retryAfterMs(err);
      setError(errorCode(err) === 'WRONG_PASSWORD' ? `Wrong password.${wait ? ` Try again in ${Math.ceil(wait / 1000)} s.` : ''}` : describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Sheet title="Recovery phrase" onClose={onClose} testId="reveal-sheet">
      <div className="stack">
        <Banner tone="danger" title="Never share this phrase">
          Anyone with it controls every account of this wallet. No support person will ever ask for it. Make sure nobody can see your screen.
        </Banner>
        {!acknowledged ? (
          <Button variant="danger" onClick={() => setAcknowledged(true)} data-testid="reveal-ack">
            I understand the risk
          </Button>
        ) : !phrase ? (
          <form className="stack" onSubmit={submit}>
            <div className="field">
              <label htmlFor={id}>Password</label>
              <input id={id} type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="reveal-password" />
              {error && (
                <span className="error" role="alert">
                  {error}
                </span>
              )}
            </div>
            {busy && <Progress label="Checking your password…" />}
            <Button type="submit" variant="primary" busy={busy} disabled={!password} data-testid="reveal-submit">
              Reveal
            </Button>
          </form>
        ) : (
          <div className="stack">
            <ol className="phrase-grid" data-testid="reveal-phrase">
              {phrase.split(' ').map((w, i) => (
                <li key={i}>
                  <span className="muted small">{i + 1}</span> <span className="mono">{w}</span>
                </li>
              ))}
            </ol>
            <Button
              onClick={async () => {
                await copyText(phrase, CLIPBOARD_CLEAR_MS);
                setCopied(true);
              }}
            >
              {copied ? 'Copied — the clipboard clears in 45 s' : 'Copy (clears the clipboard in 45 s)'}
            </Button>
            <Button variant="primary" onClick={onClose}>
              Hide
            </Button>
          </div>
        )}
      </div>
    </Sheet>
  );
}
