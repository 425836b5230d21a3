import { useEffect } from 'react';
import { Banner, Button, Skeleton } from '../design';
import { useWallet } from '../stores/wallet';
import { useApprovals } from '../stores/approvals';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { ApprovalView } from './ApprovalView';

/** The window dApp requests open: unlock first when needed, then the oldest request, one at a time. */
export function ApprovalApp() {
  const { state, error: stateError, start } = useWallet();
  const { queue, error, load, resolve, busy } = useApprovals();
  useEffect(() => {
    document.body.classList.replace('popup', 'approval');
    return start();
  }, [start]);
  const pending = state?.pendingApprovals;
  const locked = state?.locked;
  useEffect(() => void load(), [load, pending, locked]);
  useEffect(() => {
    if (state || stateError) document.documentElement.dataset.ready = 'true';
  }, [state, stateError]);

  const empty = queue !== null && queue.length === 0 && state !== null && !state.locked;
  useEffect(() => {
    if (!empty) return;
    // Nothing left to decide: close shortly, so a request answered elsewhere does not leave a stale window.
    const t = setTimeout(() => window.close(), 1200);
    return () => clearTimeout(t);
  }, [empty]);

  if (stateError && !state) {
    return (
      <main className="screen center-screen">
        <Banner tone="danger" title="ERA Wallet is not responding">
          {stateError}. Close this window and try the request again from the site.
        </Banner>
      </main>
    );
  }
  if (!state || queue === null) {
    return (
      <main className="screen" aria-busy="true">
        <Skeleton height={24} width="50%" />
        <Skeleton height={60} />
        <Skeleton height={240} />
      </main>
    );
  }
  if (state.locked) {
    const n = queue.length;
    return (
      <UnlockScreen
        subtitle={n > 0 ? `${queue[0]!.origin} is waiting for you${n > 1 ? ` (${n} requests)` : ''}. Unlock to review.` : 'Unlock to review the request.'}
        secondary={
          n > 0 ? (
            // Saying no never needs the password.
            <Button block onClick={() => void Promise.all(queue.map((a) => resolve(a.id, false)))} disabled={busy} data-testid="approval-reject-locked">
              {n > 1 ? `Reject all ${n} requests` : 'Reject without unlocking'}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (queue.length === 0) {
    return (
      <main className="screen center-screen" data-testid="approval-empty">
        <h1>All done</h1>
        <p className="muted">No request is waiting. This window closes by itself.</p>
        <Button onClick={() => window.close()}>Close</Button>
      </main>
    );
  }
  return (
    <>
      {error && <Banner tone="danger">{error}</Banner>}
      <ApprovalView key={queue[0]!.id} approval={queue[0]!} position={1} total={queue.length} state={state} />
    </>
  );
}
