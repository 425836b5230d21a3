// The few Solidity encodings the Metalayer formats hash (abi.encode words, abi.encodePacked parts),
// as hex digits (no `0x`) so callers join them. Every value is range-checked like Solidity's types.
import type { Hex } from 'viem';
import { HexEncodingError, isHexBytes, uintDigits } from './hex.js';

/** A uint<bits> as one 32-byte abi.encode word. */
export function abiUint(value: bigint | number, bits = 256): string {
  return uintDigits(value, bits / 8).padStart(64, '0');
}

/** Exactly `length` bytes of hex, as digits: a bytes<length> (or address, length 20) in encodePacked. */
export function fixedBytes(value: Hex, length: number): string {
  if (!isHexBytes(value, length)) throw new HexEncodingError(`Expected ${length} bytes: ${String(value).slice(0, 20)}`);
  return value.slice(2).toLowerCase();
}

/** An address as one abi.encode word (left-padded). */
export function abiAddress(value: Hex): string {
  return fixedBytes(value, 20).padStart(64, '0');
}

/** The tail of a dynamic `bytes` in abi.encode: its length word, then the data right-padded to words. */
export function abiBytesTail(value: Hex): string {
  if (!isHexBytes(value)) throw new HexEncodingError(`Not hex bytes: ${String(value).slice(0, 20)}`);
  const digits = value.slice(2).toLowerCase();
  return abiUint(digits.length / 2) + digits.padEnd(Math.ceil(digits.length / 64) * 64, '0');
}

/** Joins encoded parts into one 0x-hex value. */
export function joinHex(...parts: readonly string[]): Hex {
  return `0x${parts.join('')}`;
}
