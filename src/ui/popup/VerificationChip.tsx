import { useEffect } from 'react';
import { Badge, Banner } from '../design';
import { useVerification } from '../stores/verification';
import type { WalletState } from '../walletApi';

/** Footer chip: the checkpoint the wallet's proofs stand on, or why there is none. */
export function VerificationChip({ state }: { state: WalletState }) {
  const { status, load } = useVerification();
  useEffect(() => {
    void load();
  }, [state, load]);
  if (!status) return null;
  const refused = status.lastError;
  if (status.equivocation?.length)
    return (
      <span data-testid="verification-status" data-state="equivocation">
        <Badge tone="danger" title="Guardians signed two different checkpoints for one epoch; both were refused">
          equivocation
        </Badge>
      </span>
    );
  if (status.finalizedEpoch)
    return (
      <span data-testid="verification-status" data-state="ok" data-epoch={status.finalizedEpoch}>
        <Badge tone="ok" title={`Latest Guardian checkpoint accepted: epoch ${status.finalizedEpoch}${status.guardianSetId ? `, guardian set ${status.guardianSetId}` : ''}${refused ? `. Last refused: ${refused.message}` : ''}`}>
          checkpoint #{status.finalizedEpoch}
        </Badge>
      </span>
    );
  return (
    <span data-testid="verification-status" data-state={refused ? 'refused' : 'none'}>
      <Badge tone={refused ? 'warn' : 'neutral'} title={refused ? `${refused.name}: ${refused.message}` : 'No Guardian checkpoint accepted yet: balances cannot be proven'}>
        {refused ? 'checkpoint refused' : 'no checkpoint'}
      </Badge>
    </span>
  );
}

/** Equivocating guardians are an attack on the network: a red banner, not a footnote. */
export function EquivocationAlarm() {
  const evidence = useVerification((s) => s.status?.equivocation);
  if (!evidence?.length) return null;
  const e = evidence[evidence.length - 1]!;
  return (
    <Banner tone="danger" testId="equivocation-alarm" title="Guardians signed conflicting checkpoints">
      Epoch {e.epoch}: guardians {e.offenders.join(', ')} signed two different roots. The wallet refused both and keeps the evidence
      {e.reports > 0 ? ` (${e.reports} slashable on L1)` : ''}. Proofs rest on the last checkpoint accepted before it.
    </Banner>
  );
}
