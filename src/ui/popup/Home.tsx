import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { Address, Badge, Banner, Button } from '../design';
import { lock, type WalletState } from '../walletApi';
import { useSession } from '../stores/session';
import { useBalances } from '../stores/balances';
import { BalancesCard } from './BalancesCard';
import { PortfolioCard, ProofAlarm } from './PortfolioCard';
import { FaucetButton } from './FaucetButton';
import { EquivocationAlarm, VerificationChip } from './VerificationChip';
import { SitesCard } from './SitesCard';
import { AccountsSheet } from './AccountsSheet';
import { SendSheet } from './SendSheet';
import { ReceiveSheet } from './ReceiveSheet';
import { SettingsSheet } from './SettingsSheet';
import { RevealSheet } from './RevealSheet';
import { ChainSelector } from './ChainSelector';

export function Home({ state }: { state: WalletState }) {
  const { sheet, open, activeChainId } = useSession();
  const loadBalances = useBalances((s) => s.load);
  const account = state.accounts.find((a) => a.address === state.selectedAddress) ?? state.accounts[0];
  const chainsKey = state.chains.map((c) => `${c.chainId}:${c.online}`).join(',');

  useEffect(() => {
    if (account) void loadBalances(account.address);
  }, [account, loadBalances, chainsKey]);

  if (!account) return <Banner tone="warn">This wallet has no accounts yet.</Banner>;
  const close = () => open(null);

  return (
    <div className="popup-frame">
      <header className="popup-header">
        <button type="button" className="account-button" onClick={() => open('accounts')} aria-label="Accounts" data-testid="account-switcher">
          <span className="avatar" aria-hidden="true" style={{ background: `hsl(${parseInt(account.address.slice(2, 6), 16) % 360} 60% 55%)` }} />
          <span className="stack-tight">
            <strong>{account.name}</strong>
            <span className="small muted">{state.accounts.length} account{state.accounts.length === 1 ? '' : 's'}</span>
          </span>
        </button>
        <ChainSelector chains={state.chains} />
        <Button variant="ghost" size="sm" onClick={() => void lock()} data-testid="lock-button" aria-label="Lock the wallet">
          Lock
        </Button>
      </header>
      <main className="popup-body">
        <ProofAlarm chains={state.chains} />
        <EquivocationAlarm />
        <section className="hero">
          <Address address={account.address} copyable testId="account-address" />
          <div className="inline hero-actions">
            <Button variant="primary" onClick={() => open('send')} data-testid="send-open">
              Send
            </Button>
            <Button onClick={() => open('receive')} data-testid="receive-open">
              Receive
            </Button>
          </div>
          <FaucetButton state={state} address={account.address} chainId={activeChainId} />
        </section>
        {state.pendingApprovals > 0 && (
          <Banner tone="warn" title={`${state.pendingApprovals} request${state.pendingApprovals === 1 ? '' : 's'} waiting for you`}>
            <Button size="sm" variant="secondary" onClick={() => (window.location.href = browser.runtime.getURL('/approval.html'))}>
              Review
            </Button>
          </Banner>
        )}
        <PortfolioCard state={state} address={account.address} />
        <BalancesCard chains={state.chains} address={account.address} />
        <SitesCard />
      </main>
      <footer className="popup-footer">
        <Button variant="ghost" size="sm" onClick={() => open('settings')} data-testid="settings-open">
          Settings
        </Button>
        <span className="inline">
          <VerificationChip state={state} />
          <Badge tone="accent" title="Balances come from the local Caldera devnet">
            devnet
          </Badge>
        </span>
      </footer>
      {sheet === 'accounts' && <AccountsSheet state={state} onClose={close} />}
      {sheet === 'send' && <SendSheet state={state} from={account.address} onClose={close} />}
      {sheet === 'receive' && <ReceiveSheet address={account.address} chains={state.chains} chainId={activeChainId} onClose={close} />}
      {sheet === 'settings' && <SettingsSheet state={state} onClose={close} onReveal={() => open('reveal')} />}
      {sheet === 'reveal' && <RevealSheet onClose={close} />}
    </div>
  );
}
