import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { WalletChain } from '../walletApi';
import { useSession } from '../stores/session';
import { useSites } from '../stores/sites';

/** The chain the popup shows: the active tab's site chain when it is connected, else the user's pick. */
export function ChainSelector({ chains }: { chains: WalletChain[] }) {
  const id = useId();
  const { activeChainId, setActiveChain } = useSession();
  const sites = useSites((s) => s.sites);
  const [tabOrigin, setTabOrigin] = useState<string | null>(null);

  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => setTabOrigin(tab?.url ? new URL(tab.url).origin : null))
      .catch(() => setTabOrigin(null));
  }, []);

  const site = sites?.find((s) => s.origin === tabOrigin);
  useEffect(() => {
    if (activeChainId === null && chains.length > 0) {
      const initial = site?.chainId ?? chains.find((c) => c.framework !== 'l1')?.chainId ?? chains[0]!.chainId;
      setActiveChain(initial);
    }
  }, [activeChainId, chains, site, setActiveChain]);

  if (chains.length === 0) return <span className="small muted">No networks</span>;
  return (
    <div className="chain-select">
      <label htmlFor={id} className="visually-hidden">
        Network
      </label>
      <select id={id} value={activeChainId ?? ''} onChange={(e) => setActiveChain(Number(e.target.value))} data-testid="chain-selector" title={site ? `${site.origin} uses this chain` : 'Network'}>
        {chains.map((c) => (
          <option key={c.chainId} value={c.chainId}>
            {c.name}
            {c.online ? '' : ' (offline)'}
            {site?.chainId === c.chainId ? ' · this site' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
