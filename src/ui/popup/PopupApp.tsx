import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { Banner, Button, Skeleton } from '../design';
import { useWallet } from '../stores/wallet';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { Home } from './Home';

/** Marks the page interactive for the bench and e2e (`<html data-ready>`), once the first real screen is drawn. */
function useReadyMarker(ready: boolean) {
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = 'true';
  }, [ready]);
}

export function PopupApp() {
  const { state, error, start } = useWallet();
  useEffect(() => start(), [start]);
  useReadyMarker(Boolean(state || error));

  if (!state && error) {
    return (
      <main className="screen center-screen">
        <Banner tone="danger" title="ERA Wallet is not responding">
          {error}. Close and reopen this window; if it persists, reload the extension from chrome://extensions.
        </Banner>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="screen" aria-busy="true">
        <Skeleton height={40} />
        <Skeleton height={90} />
        <Skeleton height={220} />
      </main>
    );
  }
  if (!state.initialized) return <Welcome />;
  if (state.locked) return <UnlockScreen />;
  return <Home state={state} />;
}

function Welcome() {
  return (
    <main className="screen center-screen">
      <div className="logo" aria-hidden="true">
        ERA
      </div>
      <h1>Welcome to ERA Wallet</h1>
      <p className="muted">One wallet for the Caldera rollups, checking what it shows with proofs. Set it up in a full tab.</p>
      <Button
        variant="primary"
        block
        data-testid="open-onboarding"
        onClick={async () => {
          await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
          window.close();
        }}
      >
        Set up the wallet
      </Button>
    </main>
  );
}
