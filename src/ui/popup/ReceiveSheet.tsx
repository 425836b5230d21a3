import { useEffect, useState } from 'react';
import { Address, Banner, Sheet, Skeleton } from '../design';
import { checksumAddress } from '../format/address';

export function ReceiveSheet({ address, onClose }: { address: string; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const full = checksumAddress(address);
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
      </div>
    </Sheet>
  );
}
