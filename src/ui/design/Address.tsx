import { useState } from 'react';
import { checksumAddress, elideAddress } from '../format/address';
import { copyText } from '../clipboard';

export type AddressProps = { address: string; whole?: boolean; copyable?: boolean; testId?: string };

/** An EIP-55 address: middle elided unless `whole`; the whole address on hover and when copied. */
export function Address({ address, whole, copyable, testId }: AddressProps) {
  const [copied, setCopied] = useState(false);
  const full = checksumAddress(address);
  const text = whole ? full : elideAddress(full);
  if (!copyable) {
    return (
      <span className={`address${whole ? ' address-whole' : ''}`} title={full} data-testid={testId} data-address={full}>
        {text}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`address${whole ? ' address-whole' : ''}`}
      title={`${full} (click to copy)`}
      aria-label={`Copy address ${full}`}
      data-testid={testId}
      data-address={full}
      onClick={async () => {
        await copyText(full);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {text}
      <span className="small muted" aria-live="polite">
        {copied ? ' · copied' : ''}
      </span>
    </button>
  );
}
