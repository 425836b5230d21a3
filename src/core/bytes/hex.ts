// 0x-hex ⇄ bytes for the verifier and the Metalayer formats, without viem's runtime: the verifier
// bundle has a size budget, and these few functions are all it needs. Types stay viem's (type-only).
import type { Hex } from 'viem';

export type HexEncodingErrorType = HexEncodingError;

/** A value is not the hex (or the integer) an encoder was promised. */
export class HexEncodingError extends Error {
  override name = 'HexEncodingError';
}

const HEX = /^0x[0-9a-fA-F]*$/;
const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;

/** `0x` followed by hex digits (any count, any case). */
export function isHex(value: unknown): value is Hex {
  return typeof value === 'string' && HEX.test(value);
}

/** `0x` followed by whole bytes, optionally exactly `length` of them. */
export function isHexBytes(value: unknown, length?: number): value is Hex {
  return typeof value === 'string' && HEX_BYTES.test(value) && (length === undefined || value.length === 2 + 2 * length);
}

const NIBBLE = /* @__PURE__ */ (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) t['0123456789abcdef'.charCodeAt(i)] = t['0123456789ABCDEF'.charCodeAt(i)] = i;
  return t;
})();

/** Bytes of a hex string; an odd digit count is read as if left-padded with one `0`. Throws HexEncodingError. */
export function hexToBytes(hex: string): Uint8Array {
  if (!isHex(hex)) throw new HexEncodingError(`Not 0x-hex: ${String(hex).slice(0, 20)}`);
  const digits = hex.length % 2 === 1 ? `0${hex.slice(2)}` : hex.slice(2);
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (NIBBLE[digits.charCodeAt(2 * i)]! << 4) | NIBBLE[digits.charCodeAt(2 * i + 1)]!;
  return out;
}

const BYTE_HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case 0x-hex of bytes. */
export function bytesToHex(bytes: Uint8Array): Hex {
  let out = '0x';
  for (let i = 0; i < bytes.length; i++) out += BYTE_HEX[bytes[i]!];
  return out as Hex;
}

/** Byte length of whole-byte hex. */
export function hexSize(hex: Hex): number {
  return (hex.length - 2) >> 1;
}

/** Bytes [start, end) of whole-byte hex; throws HexEncodingError when the range is outside it. */
export function sliceHex(hex: Hex, start: number, end = hexSize(hex)): Hex {
  if (start < 0 || end > hexSize(hex) || start > end) throw new HexEncodingError(`Bytes ${start}..${end} are outside ${hexSize(hex)} bytes.`);
  return `0x${hex.slice(2 + 2 * start, 2 + 2 * end)}`;
}

/** Concatenation of hex strings. */
export function concatHex(parts: readonly Hex[]): Hex {
  let out = '0x';
  for (const p of parts) out += p.slice(2);
  return out as Hex;
}

/**
 * Big-endian hex digits (no `0x`) of an unsigned integer in exactly `bytes` bytes: the unit of
 * abi.encode (32) and abi.encodePacked (its type's width). Throws HexEncodingError if it does not fit.
 */
export function uintDigits(value: bigint | number, bytes: number): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new HexEncodingError(`${value} is not an integer.`);
  const n = BigInt(value);
  if (n < 0n || n >> BigInt(8 * bytes) !== 0n) throw new HexEncodingError(`${n} does not fit uint${8 * bytes}.`);
  return n.toString(16).padStart(2 * bytes, '0');
}

/** Minimal 0x-hex of an unsigned integer (the JSON-RPC quantity form: `0x0`, `0x1a`). */
export function numberToHex(value: bigint | number): Hex {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new HexEncodingError(`${value} is not an integer.`);
  if (BigInt(value) < 0n) throw new HexEncodingError(`${value} is negative.`);
  return `0x${value.toString(16)}`;
}

/** The unsigned integer of big-endian hex, as a number; throws HexEncodingError above 2^53 - 1. */
export function hexToNumber(hex: Hex): number {
  if (!isHex(hex)) throw new HexEncodingError(`Not 0x-hex: ${String(hex).slice(0, 20)}`);
  const n = hex === '0x' ? 0n : BigInt(hex);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new HexEncodingError(`${hex} exceeds 2^53 - 1.`);
  return Number(n);
}

/** Hex digits (no `0x`) of a string's UTF-8 bytes: abi.encodePacked of a `string`. */
export function utf8Digits(text: string): string {
  return bytesToHex(new TextEncoder().encode(text)).slice(2);
}
