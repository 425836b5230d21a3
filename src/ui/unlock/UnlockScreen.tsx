import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Banner, Button, Progress } from '../design';
import { unlock } from '../walletApi';
import { describeError, errorCode, retryAfterMs } from '../errors';

/** Password entry shared by the popup and the approval window; shows the KDF wait and the retry delay. */
export function UnlockScreen({ subtitle, onUnlocked, secondary }: { subtitle?: string; onUnlocked?: () => void; secondary?: ReactNode }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const inputId = useId();

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [waitUntil]);
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!password || busy || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(password);
      setPassword('');
      onUnlocked?.();
    } catch (err) {
      if (errorCode(err) === 'WRONG_PASSWORD') {
        const delay = retryAfterMs(err);
        setWaitUntil(Date.now() + delay);
        setNow(Date.now());
        setError('Wrong password.');
      } else {
        setError(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen center-screen">
      <form className="stack" onSubmit={submit} aria-describedby={error ? `${inputId}-err` : undefined}>
        <div className="logo" aria-hidden="true">
          ERA
        </div>
        <h1>Welcome back</h1>
        <p className="muted">{subtitle ?? 'Enter your password to unlock ERA Wallet.'}</p>
        <div className="field">
          <label htmlFor={inputId}>Password</label>
          <input
            id={inputId}
            type="password"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            data-testid="unlock-password-input"
          />
          {error && (
            <span className="error" id={`${inputId}-err`} role="alert" data-testid="unlock-error">
              {error}
              {waitSeconds > 0 ? ` Try again in ${waitSeconds} s.` : ''}
            </span>
          )}
        </div>
        {busy && <Progress label="Decrypting your vault (this takes a moment on purpose: it slows down password guessing)…" />}
        <Button type="submit" variant="primary" block busy={busy} disabled={!password || waitSeconds > 0} data-testid="unlock-submit">
          Unlock
        </Button>
        {secondary}
        <Banner tone="info">Forgot your password? Remove and re-import the wallet with your recovery phrase.</Banner>
      </form>
    </main>
  );
}
