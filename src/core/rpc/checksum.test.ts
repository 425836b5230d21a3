import { describe, expect, it } from 'vitest';
import { readChecksummedAddress } from './checksum';

describe('EIP-55 checksum check', () => {
  const good = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
  it('accepts checksummed, all-lower and all-upper addresses', () => {
    expect(readChecksummedAddress(good, 'to')).toBe(good);
    expect(readChecksummedAddress(good.toLowerCase(), 'to')).toBe(good);
    expect(readChecksummedAddress('0x' + good.slice(2).toUpperCase(), 'to')).toBe(good);
  });
  it('blocks a mixed-case address whose checksum is wrong', () => {
    const bad = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92267'.replace('F6F4', 'f6F4');
    expect(() => readChecksummedAddress(bad, 'to')).toThrow(/checksum/);
    expect(() => readChecksummedAddress('0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266', 'to')).toThrow(/checksum/);
  });
  it('refuses non-addresses', () => {
    expect(() => readChecksummedAddress('0x1234', 'to')).toThrow(/20-byte/);
    expect(() => readChecksummedAddress(5, 'to')).toThrow(/20-byte/);
  });
});
