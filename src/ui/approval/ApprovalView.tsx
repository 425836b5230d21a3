import { useCallback, useState } from 'react';
import { Badge, Banner, Button, ChainChip } from '../design';
import type { Address, Approval, ApprovalWarning, WalletState } from '../walletApi';
import { useApprovals } from '../stores/approvals';
import { ScrollGate } from './ScrollGate';
import { ApprovalDetails, approvalSentence } from './ApprovalDetails';
import { localChecks } from './localChecks';

/** One request, read top to bottom: who, what, on which chain, at what cost; warnings, then Reject | Approve. */
export function ApprovalView({ approval, position, total, state }: { approval: Approval; position: number; total: number; state: WalletState }) {
  const { resolve, busy } = useApprovals();
  const [reachedEnd, setReachedEnd] = useState(false);
  const onEnd = useCallback(() => setReachedEnd(true), []);
  const defaultAccount = state.selectedAddress ?? state.accounts[0]?.address ?? null;
  const [accounts, setAccounts] = useState<Address[]>(defaultAccount ? [defaultAccount] : []);

  const chain = state.chains.find((c) => c.chainId === approval.chainId);
  const local = localChecks(approval);
  const warnings: ApprovalWarning[] = [...approval.warnings, ...local.warnings.filter((w) => !approval.warnings.some((a) => a.code === w.code))];
  const blocked = approval.blocked ?? local.blocked;
  const needsScroll = approval.kind === 'personal_sign' || approval.kind === 'typed_data';
  const isConnect = approval.kind === 'connect' || approval.kind === 'permissions';
  const approveLabel = { connect: 'Connect', permissions: 'Allow', personal_sign: 'Sign', typed_data: 'Sign', send_transaction: 'Confirm', switch_chain: 'Switch network', add_chain: 'Add network', watch_asset: 'Add token', send_calls: 'Confirm all' }[approval.kind];
  const approveDisabled = Boolean(blocked) || busy || (needsScroll && !reachedEnd) || (isConnect && accounts.length === 0);
  const sorted = [...warnings].sort((a, b) => rank(b.severity) - rank(a.severity));

  return (
    <div className="approval-frame" data-testid={`approval-${approval.kind}`}>
      <header className="approval-header">
        <div className="spread">
          <Badge tone="accent">{total > 1 ? `Request ${position} of ${total}` : 'Request'}</Badge>
          <ChainChip chainId={approval.chainId} name={chain?.name} framework={chain?.framework} online={chain?.online ?? true} />
        </div>
        <p className="approval-who">
          <span className="approval-origin mono" data-testid="approval-origin">
            {approval.origin}
          </span>{' '}
          {approvalSentence(approval, chain?.name)}
        </p>
        {total > 1 && <span className="small muted" data-testid="approval-queue-count">{total - 1} more waiting after this one</span>}
      </header>
      <ScrollGate className="approval-body" onEnd={onEnd}>
        <ApprovalDetails approval={approval} state={state} accounts={accounts} onAccounts={setAccounts} />
        {needsScroll && <div className="end-marker small muted">End of the request</div>}
      </ScrollGate>
      <footer className="approval-footer">
        {blocked && (
          <Banner tone="danger" title="Blocked for your safety" testId="approval-blocked">
            {blocked.message}
          </Banner>
        )}
        {sorted.map((w) => (
          <Banner key={w.code} tone={w.severity === 'info' ? 'info' : w.severity === 'warning' ? 'warn' : 'danger'} testId={`approval-warning-${w.code}`}>
            {w.message}
          </Banner>
        ))}
        {needsScroll && !reachedEnd && !blocked && <p className="small muted" data-testid="approval-scroll-hint">Scroll to the end of the request to enable {approveLabel}.</p>}
        <div className="approval-buttons">
          <Button variant="secondary" size="md" onClick={() => void resolve(approval.id, false)} disabled={busy} data-testid="approval-reject">
            Reject
          </Button>
          <Button
            variant="primary"
            size="md"
            onClick={() => void resolve(approval.id, true, isConnect ? accounts : undefined)}
            disabled={approveDisabled}
            busy={busy}
            data-testid="approval-approve"
          >
            {approveLabel}
          </Button>
        </div>
      </footer>
    </div>
  );
}

function rank(severity: ApprovalWarning['severity']): number {
  return severity === 'danger' ? 2 : severity === 'warning' ? 1 : 0;
}
