import { describe, expect, it } from 'vitest';
import { checkRecipient, checksumAddress, elideAddress } from './address';

const good = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('address formatting', () => {
  it('checksums and elides', () => {
    expect(checksumAddress(good.toLowerCase())).toBe(good);
    expect(elideAddress(good)).toBe('0xf39F…2266');
  });
});

describe('checkRecipient', () => {
  it('accepts a correct checksum', () => {
    expect(checkRecipient(good)).toEqual({ ok: true, address: good });
  });
  it('blocks a wrong checksum', () => {
    const bad = good.replace('f39Fd', 'f39fD');
    const r = checkRecipient(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('checksum');
  });
  it('accepts all-lowercase with a warning and rejects junk', () => {
    const r = checkRecipient(good.toLowerCase());
    expect(r.ok && r.warning).toMatch(/no checksum/);
    expect(checkRecipient('0x123').ok).toBe(false);
    expect(checkRecipient(' ').ok).toBe(false);
  });
});
