import { getAddress, isAddress } from 'viem';

/** EIP-55 form of an address; returns the input unchanged when it is not an address at all. */
export function checksumAddress(address: string): string {
  return isAddress(address, { strict: false }) ? getAddress(address) : address;
}

/** `0x1234…abcd`: enough of both ends to recognise, the middle elided. */
export function elideAddress(address: string, head = 6, tail = 4): string {
  return address.length <= head + tail + 1 ? address : `${address.slice(0, head)}…${address.slice(-tail)}`;
}

export type RecipientCheck =
  | { ok: true; address: `0x${string}`; warning?: string }
  | { ok: false; reason: 'empty' | 'format' | 'checksum'; message: string };

/** Validates a typed recipient: mixed case must match EIP-55 exactly (a typo guard); all-lower/upper is accepted with a note. */
export function checkRecipient(input: string): RecipientCheck {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty', message: 'Enter a recipient address.' };
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return { ok: false, reason: 'format', message: 'An address is 0x followed by 40 hex characters.' };
  const body = text.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && !isAddress(text, { strict: true })) {
    return {
      ok: false,
      reason: 'checksum',
      message: 'This address has a wrong EIP-55 checksum: some letters have the wrong case. It may contain a typo. Copy it again from the source.',
    };
  }
  const address = getAddress(text);
  return mixed ? { ok: true, address } : { ok: true, address, warning: 'This address has no checksum, so a typo cannot be detected. Double-check it.' };
}
