import { useEffect, useId, useState } from 'react';
import { toInteroperableName } from '../../core/chains/interopAddress';
import { Address, Banner, Button, ChainChip, Sheet, Skeleton } from '../design';
import { checksumAddress } from '../format/address';
import { copyText } from '../clipboard';
import type { WalletChain } from '../walletApi';

export function ReceiveSheet({ address, chains = [], chainId = null, onClose }: { address: string; chains?: WalletChain[]; chainId?: number | null; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(chainId ?? chains.find((c) => c.framework !== 'l1')?.chainId ?? chains[0]?.chainId ?? null);
  const [copied, setCopied] = useState(false);
  const selectId = useId();
  const full = checksumAddress(address);
  const chain = chains.find((c) => c.chainId === selected);
  // ERC-7930 name: the address bound to one chain, with a checksum that catches a wrong chain or a typo.
  const interop = chain ? toInteroperableName(full as `0x${string}`, chain.chainId) : null;
  useEffect(() => {
    // Loaded on demand: the QR encoder is not needed for the popup's first screen.
    import('qrcode')
      .then(({ toDataURL }) => toDataURL(full, { margin: 1, width: 200, errorCorrectionLevel: 'M' }))
      .then(setQr)
      .catch((e: unknown) => setError(String(e)));
  }, [full]);
  return (
    <Sheet title="Receive" onClose={onClose} testId="receive-sheet">
      <div className="stack receive">
        <p className="muted small">Send only to this address on the ERA devnet rollups. The same address works on every rollup.</p>
        {qr ? <img src={qr} width={200} height={200} alt={`QR code of ${full}`} className="qr" /> : error ? <Banner tone="danger">{error}</Banner> : <Skeleton width={200} height={200} />}
        <Address address={full} whole copyable testId="receive-address" />
        {chains.length > 0 && (
          <div className="stack-sm" style={{ width: '100%' }}>
            <label htmlFor={selectId} className="small muted" style={{ textAlign: 'left' }}>
              Interoperable address (ERC-7930) for
            </label>
            <select id={selectId} value={selected ?? ''} onChange={(e) => setSelected(Number(e.target.value))} data-testid="receive-chain">
              {chains.map((c) => (
                <option key={c.chainId} value={c.chainId}>
                  {c.name}
                </option>
              ))}
            </select>
            {chain && interop && (
              <>
                <ChainChip chainId={chain.chainId} name={chain.name} framework={chain.framework} online={chain.online} />
                <code className="interop-name" data-testid="receive-interop" data-chain-id={chain.chainId}>
                  {interop}
                </code>
                <Button
                  size="sm"
                  onClick={async () => {
                    await copyText(interop);
                    setCopied(true);
                    setTimeout(() => setCopied(false), 1500);
                  }}
                  data-testid="receive-interop-copy"
                  aria-label={`Copy interoperable address ${interop}`}
                >
                  {copied ? 'Copied' : 'Copy interoperable address'}
                </Button>
              </>
            )}
          </div>
        )}
      </div>
    </Sheet>
  );
}
