import { Badge, type BadgeTone } from './Badge';

/** The verifier's ProvenValue status (INTERFACES.md). */
export type ProofStatus = 'verified' | 'pending' | 'unverifiable' | 'mismatch' | 'invalid';

const tone: Record<ProofStatus, BadgeTone> = { verified: 'ok', pending: 'neutral', unverifiable: 'warn', mismatch: 'danger', invalid: 'danger' };
const explain: Record<ProofStatus, string> = {
  verified: 'Proven against a Guardian-signed checkpoint of this rollup',
  pending: 'Proof not checked yet',
  unverifiable: 'This value cannot be proven here (no provable state for this chain); shown as the RPC said',
  mismatch: 'The RPC answer differs from the proven value: not counted',
  invalid: 'The proof for this value is invalid: not counted',
};

/** The small badge every proven number carries. */
export function ProofBadge({ status, detail, testId, label }: { status: ProofStatus; detail?: string; testId?: string; label?: string }) {
  return (
    <span data-testid={testId} data-status={status} className="proof-badge">
      <Badge tone={tone[status] ?? 'neutral'} title={detail ? `${explain[status]} (${detail})` : explain[status]}>
        {label ?? (status === 'verified' ? '✓ verified' : status)}
      </Badge>
    </span>
  );
}
