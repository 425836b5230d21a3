import { useEffect, useState } from 'react';
import { Banner, Button, Card, Skeleton } from '../design';
import { useWallet } from '../stores/wallet';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { CreateFlow } from './CreateFlow';
import { ImportFlow } from './ImportFlow';

type Mode = 'choose' | 'create' | 'import' | 'done';

/** The full-tab onboarding: create a new wallet or import one; ends on a "ready" page. */
export function OnboardingApp() {
  const { state, error, start } = useWallet();
  const [mode, setMode] = useState<Mode>('choose');
  const [address, setAddress] = useState<string | null>(null);
  useEffect(() => start(), [start]);

  const finish = (addr: string) => {
    setAddress(addr);
    setMode('done');
  };

  let body;
  if (!state && error) {
    body = <Banner tone="danger" title="The wallet's background is not answering">{error}. Reload this page; if it persists, reload the extension.</Banner>;
  } else if (!state) {
    body = (
      <div className="stack" aria-busy="true">
        <Skeleton height={28} width="60%" />
        <Skeleton height={120} />
      </div>
    );
  } else if (mode === 'done') {
    body = <Ready address={address} />;
  } else if (state.initialized && mode === 'choose') {
    body = state.locked ? <UnlockScreen subtitle="This browser already has an ERA Wallet. Unlock it to continue." /> : <Ready address={state.selectedAddress} />;
  } else if (mode === 'create') {
    body = <CreateFlow onBack={() => setMode('choose')} onDone={finish} />;
  } else if (mode === 'import') {
    body = <ImportFlow onBack={() => setMode('choose')} onDone={finish} />;
  } else {
    body = (
      <div className="stack">
        <h1>Set up ERA Wallet</h1>
        <p className="muted">One wallet for every Caldera rollup. It checks what it shows with cryptographic proofs, on your device.</p>
        <div className="choice-grid">
          <button type="button" className="choice" onClick={() => setMode('create')} data-testid="onboarding-create">
            <strong>Create a new wallet</strong>
            <span className="muted small">We generate a recovery phrase for you to write down.</span>
          </button>
          <button type="button" className="choice" onClick={() => setMode('import')} data-testid="onboarding-import">
            <strong>Import an existing wallet</strong>
            <span className="muted small">Use a 12 or 24 word recovery phrase, or a private key.</span>
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="onboarding-page">
      <header className="inline onboarding-head">
        <div className="logo" aria-hidden="true">
          ERA
        </div>
        <strong>ERA Wallet</strong>
      </header>
      <Card className="onboarding-card">{body}</Card>
    </div>
  );
}

function Ready({ address }: { address: string | null }) {
  return (
    <div className="stack" data-testid="onboarding-done">
      <h1>Your wallet is ready</h1>
      {address && (
        <p>
          First account: <span className="mono">{address}</span>
        </p>
      )}
      <p className="muted">Open ERA Wallet from the browser toolbar (the puzzle icon lets you pin it). You can close this tab.</p>
      <Button variant="primary" onClick={() => window.close()}>
        Close this tab
      </Button>
    </div>
  );
}
