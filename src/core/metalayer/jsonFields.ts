import type { Address, Hex } from 'viem';
import { checksumAddress } from '../crypto/address.js';
import { MetalayerFormatError } from './errors.js';

// Readers for the spec's JSON conventions: ints are 0x-hex strings, bytes 0x-hex, addresses any case.

const HEX_INT = /^0x[0-9a-fA-F]+$/;
const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MetalayerFormatError(path, 'expected an object');
  return value as Record<string, unknown>;
}

export function readArray(value: unknown, path: string, maxLength = 1 << 16): unknown[] {
  if (!Array.isArray(value)) throw new MetalayerFormatError(path, 'expected an array');
  if (value.length > maxLength) throw new MetalayerFormatError(path, `more than ${maxLength} items`);
  return value;
}

export function readBigUint(value: unknown, path: string, bits: number): bigint {
  if (typeof value !== 'string' || !HEX_INT.test(value) || value.length > 2 + 64 + 8)
    throw new MetalayerFormatError(path, 'expected a 0x-prefixed hex integer');
  const n = BigInt(value);
  if (n >= 1n << BigInt(bits)) throw new MetalayerFormatError(path, `does not fit uint${bits}`);
  return n;
}

export function readUint(value: unknown, path: string, bits: 8 | 16 | 32): number {
  return Number(readBigUint(value, path, bits));
}

export function readBytes(value: unknown, path: string, length?: number): Hex {
  if (typeof value !== 'string' || !HEX_BYTES.test(value))
    throw new MetalayerFormatError(path, 'expected 0x-prefixed hex bytes');
  if (length !== undefined && value.length !== 2 + 2 * length)
    throw new MetalayerFormatError(path, `expected ${length} bytes, got ${(value.length - 2) / 2}`);
  return value.toLowerCase() as Hex;
}

export function readAddress(value: unknown, path: string): Address {
  if (typeof value !== 'string' || !ADDRESS.test(value))
    throw new MetalayerFormatError(path, 'expected a 20-byte address');
  // Any case is accepted on input (spec conventions); output is always EIP-55.
  return checksumAddress(value);
}

export function hexInt(value: bigint | number): Hex {
  return `0x${value.toString(16)}`;
}
