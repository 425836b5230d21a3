import { useEffect, useState } from 'react';
import devnet from '../../core/chains/devnet.json';
import { Banner, Button } from '../design';
import { describeError } from '../errors';
import { requestFaucet } from '../faucet';
import { formatAmount } from '../format/amount';
import { usePortfolio } from '../stores/portfolio';
import { useBalances } from '../stores/balances';
import type { WalletState } from '../walletApi';

const DEVNET_CHAIN_IDS = new Set(devnet.chains.map((c) => c.chainId));

/** Test coins from the local devnet for the chain the popup shows; only when that chain is a devnet chain. */
export function FaucetButton({ state, address, chainId }: { state: WalletState; address: string; chainId: number | null }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ tone: 'info' | 'danger'; text: string } | null>(null);
  const refresh = usePortfolio((s) => s.refresh);
  const loadBalances = useBalances((s) => s.load);
  useEffect(() => {
    // A success note fades after a while; an error stays until the next try.
    if (note?.tone !== 'info') return;
    const t = setTimeout(() => setNote(null), 15_000);
    return () => clearTimeout(t);
  }, [note]);
  const chain = state.chains.find((c) => c.chainId === chainId);
  if (!chain || !DEVNET_CHAIN_IDS.has(chain.chainId) || !state.devnetApi) return null;
  const onClick = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await requestFaucet(state.devnetApi, { chainId: chain.chainId, address });
      setNote({ tone: 'info', text: `Received ${formatAmount(BigInt(r.amount), r.decimals).short} ${r.token} on ${chain.name}.` });
      await Promise.all([refresh(address), loadBalances(address)]);
    } catch (error) {
      setNote({ tone: 'danger', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => void onClick()} busy={busy} data-testid="faucet-button" title={`Devnet faucet: test ${chain.nativeCurrency?.symbol ?? 'coins'} on ${chain.name}`}>
        Get test {chain.nativeCurrency?.symbol ?? 'coins'}
      </Button>
      {note && (
        <div className="faucet-note" data-testid="faucet-result" data-tone={note.tone} role={note.tone === 'danger' ? 'alert' : 'status'}>
          <Banner tone={note.tone}>{note.text}</Banner>
        </div>
      )}
    </>
  );
}
