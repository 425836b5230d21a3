import { getAddress, isAddress, type Address } from 'viem';
import { invalidParams } from './errors';

/**
 * An address as a dApp passes it: all-lowercase or all-uppercase is accepted (no checksum), a
 * mixed-case one must carry a valid EIP-55 checksum — a wrong one usually means a typo.
 */
export function readChecksummedAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw invalidParams(`${field} must be a 20-byte hex address`);
  const body = value.slice(2);
  const mixed = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixed && !isAddress(value, { strict: true })) {
    throw invalidParams(`${field} ${value} has an invalid EIP-55 checksum (a character may be mistyped)`);
  }
  return getAddress(value);
}
