import type { Address } from 'viem';
import { HexEncodingError } from '../bytes/hex.js';
import { keccak256Bytes } from './keccak.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** 20 bytes of 0x-hex, in any case (the checksum is not checked: use checksumAddress to normalise). */
export function isAddress(value: unknown): value is Address {
  return typeof value === 'string' && ADDRESS.test(value);
}

/** EIP-55 mixed-case form of an address given in any case; throws HexEncodingError if it is not one. */
export function checksumAddress(address: string): Address {
  if (!isAddress(address)) throw new HexEncodingError(`Not an address: ${String(address).slice(0, 44)}`);
  const lower = address.slice(2).toLowerCase();
  const hash = keccak256Bytes(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i]!.toUpperCase() : lower[i];
  }
  return out as Address;
}
