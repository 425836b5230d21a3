import { useId, useState, type FormEvent } from 'react';
import { Banner, Button, Progress } from '../design';
import { createVault, generateMnemonic, getState, importPrivateKey, selectAccount } from '../walletApi';
import { describeError, errorCode } from '../errors';
import { checkPassword } from './passwordPolicy';
import { PasswordFields } from './PasswordFields';

type Source = 'mnemonic' | 'privateKey';

/** Import from a recovery phrase (background reports each problem precisely) or a single private key. */
export function ImportFlow({ onBack, onDone }: { onBack: () => void; onDone: (address: string) => void }) {
  const id = useId();
  const [source, setSource] = useState<Source>('mnemonic');
  const [secret, setSecret] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [secretError, setSecretError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problem = checkPassword(password, confirm);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    setSecretError(null);
    if (!secret.trim()) return setSecretError(source === 'mnemonic' ? 'Enter your recovery phrase.' : 'Enter your private key.');
    if (problem) return;
    setBusy(true);
    try {
      if (source === 'mnemonic') {
        const normalized = secret.trim().toLowerCase().split(/\s+/).join(' ');
        const { address } = await createVault(normalized, password);
        onDone(address);
      } else {
        const key = secret.trim();
        if (!/^(0x)?[0-9a-fA-F]{64}$/.test(key) || /^(0x)?0{64}$/.test(key)) {
          setSecretError('A private key is 64 hexadecimal characters (optionally starting with 0x).');
          return;
        }
        // A vault always has a recovery phrase for new accounts; the imported key is added beside it and selected.
        // A retry after a refused key finds the vault already made (and unlocked) and only imports again.
        const state = await getState();
        if (!state.initialized) {
          const { mnemonic } = await generateMnemonic(12);
          await createVault(mnemonic, password);
        }
        const { address } = await importPrivateKey(key.startsWith('0x') ? key : `0x${key}`, 'Imported');
        await selectAccount(address);
        onDone(address);
      }
    } catch (err) {
      const code = errorCode(err);
      if (code === 'INVALID_MNEMONIC' || code === 'INVALID_PRIVATE_KEY') setSecretError(describeError(err));
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <h1>Import a wallet</h1>
      <div className="segmented" role="radiogroup" aria-label="What to import">
        {(['mnemonic', 'privateKey'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={source === s}
            className={source === s ? 'seg seg-on' : 'seg'}
            onClick={() => {
              setSource(s);
              setSecret('');
              setSecretError(null);
            }}
          >
            {s === 'mnemonic' ? 'Recovery phrase' : 'Private key'}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={id}>{source === 'mnemonic' ? 'Recovery phrase (12 or 24 words)' : 'Private key (64 hex characters)'}</label>
        <textarea
          id={id}
          rows={source === 'mnemonic' ? 4 : 2}
          spellCheck={false}
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          aria-invalid={secretError ? true : undefined}
          aria-describedby={secretError ? `${id}-err` : undefined}
          data-testid="mnemonic-input"
          placeholder={source === 'mnemonic' ? 'word1 word2 word3 …' : '0x…'}
        />
        {secretError && (
          <span className="error" id={`${id}-err`} role="alert" data-testid="mnemonic-error">
            {secretError}
          </span>
        )}
        <span className="hint">Type it on this device only. ERA Wallet never sends it anywhere.</span>
      </div>
      {source === 'privateKey' && (
        <Banner tone="info">A new recovery phrase is also created for any further accounts; you can reveal and back it up later in Settings.</Banner>
      )}
      <PasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problem={problem} showProblem={tried} />
      {error && <Banner tone="danger" title="Import failed">{error}</Banner>}
      {busy && <Progress label="Encrypting your wallet with your password (600,000 key-derivation rounds)…" />}
      <div className="spread">
        <Button variant="ghost" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button type="submit" variant="primary" busy={busy} data-testid="onboarding-submit">
          Import wallet
        </Button>
      </div>
    </form>
  );
}
