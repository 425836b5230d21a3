import { useMemo, useState, type FormEvent } from 'react';
import { Banner, Button, Progress, Spinner } from '../design';
import { createVault, generateMnemonic } from '../walletApi';
import { describeError } from '../errors';
import { pickConfirmPositions } from './confirmWords';
import { checkPassword } from './passwordPolicy';
import { PasswordFields } from './PasswordFields';

type Step = 'length' | 'warning' | 'phrase' | 'confirm' | 'password';

/** New wallet: risk warning → phrase → confirm three words → password → encrypt. */
export function CreateFlow({ onBack, onDone }: { onBack: () => void; onDone: (address: string) => void }) {
  const [step, setStep] = useState<Step>('length');
  const [words, setWords] = useState<12 | 24>(12);
  const [mnemonic, setMnemonic] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useMemo(() => mnemonic?.split(' ') ?? [], [mnemonic]);
  const positions = useMemo(() => pickConfirmPositions(list.length, 3), [list]);
  const problem = checkPassword(password, confirm);

  async function generate() {
    setBusy(true);
    setError(null);
    try {
      setMnemonic((await generateMnemonic(words)).mnemonic);
      setStep('warning');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (problem || !mnemonic) return;
    setBusy(true);
    setError(null);
    try {
      const { address } = await createVault(mnemonic, password);
      onDone(address);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const wrongWords = positions.filter((p) => (answers[p] ?? '').trim().toLowerCase() !== list[p]);

  if (step === 'length') {
    return (
      <div className="stack">
        <h1>Create a new wallet</h1>
        <p>How many words should your recovery phrase have?</p>
        <div className="segmented" role="radiogroup" aria-label="Phrase length">
          {([12, 24] as const).map((n) => (
            <button key={n} type="button" role="radio" aria-checked={words === n} className={words === n ? 'seg seg-on' : 'seg'} onClick={() => setWords(n)}>
              {n} words
            </button>
          ))}
        </div>
        {error && <Banner tone="danger" title="Could not generate a phrase">{error}</Banner>}
        <div className="spread">
          <Button variant="ghost" onClick={onBack}>
            Back
          </Button>
          <Button variant="primary" onClick={generate} busy={busy}>
            Continue
          </Button>
        </div>
      </div>
    );
  }

  if (step === 'warning') {
    return (
      <div className="stack">
        <h1>Before you see your phrase</h1>
        <Banner tone="warn" title="Your recovery phrase is the wallet">
          Anyone who sees it can take everything in it, on every chain. ERA Wallet and Caldera will never ask for it. Write it on paper, keep it
          offline, and make sure nobody is watching your screen.
        </Banner>
        <div className="spread">
          <Button variant="ghost" onClick={onBack}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => setStep('phrase')}>
            I understand, show it
          </Button>
        </div>
      </div>
    );
  }

  if (step === 'phrase') {
    return (
      <div className="stack">
        <h1>Write down your recovery phrase</h1>
        {!mnemonic ? (
          <Spinner />
        ) : (
          <ol className="phrase-grid" data-testid="recovery-phrase">
            {list.map((w, i) => (
              <li key={i}>
                <span className="muted small">{i + 1}</span> <span className="mono">{w}</span>
              </li>
            ))}
          </ol>
        )}
        <p className="muted small">Keep the order. You will confirm a few words next.</p>
        <div className="spread">
          <Button variant="ghost" onClick={() => setStep('warning')}>
            Back
          </Button>
          <Button variant="primary" onClick={() => setStep('confirm')}>
            I wrote it down
          </Button>
        </div>
      </div>
    );
  }

  if (step === 'confirm') {
    return (
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (wrongWords.length === 0) {
            setTried(false);
            setStep('password');
          }
        }}
      >
        <h1>Confirm your phrase</h1>
        <p className="muted">Type the words at these positions.</p>
        {positions.map((p) => (
          <div className="field" key={p}>
            <label htmlFor={`confirm-${p}`}>Word #{p + 1}</label>
            <input
              id={`confirm-${p}`}
              autoComplete="off"
              spellCheck={false}
              value={answers[p] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [p]: e.target.value })}
              aria-invalid={tried && wrongWords.includes(p) ? true : undefined}
              data-testid={`confirm-word-${p + 1}`}
            />
            {tried && wrongWords.includes(p) && <span className="error">This is not word #{p + 1}.</span>}
          </div>
        ))}
        <div className="spread">
          <Button variant="ghost" onClick={() => setStep('phrase')}>
            Show the phrase again
          </Button>
          <Button type="submit" variant="primary">
            Continue
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form className="stack" onSubmit={create} noValidate>
      <h1>Choose a password</h1>
      <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problem={problem} showProblem={tried} />
      {error && <Banner tone="danger" title="Could not create the wallet">{error}</Banner>}
      {busy && <Progress label="Encrypting your wallet with your password (600,000 key-derivation rounds)…" />}
      <div className="spread">
        <Button variant="ghost" onClick={() => setStep('confirm')} disabled={busy}>
          Back
        </Button>
        <Button type="submit" variant="primary" busy={busy} data-testid="onboarding-submit">
          Create wallet
        </Button>
      </div>
    </form>
  );
}
