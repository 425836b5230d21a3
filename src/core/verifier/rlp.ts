/**
 * A strict, zero-copy RLP reader for the verifier's hot path (trie nodes, accounts), and the one
 * encoder the verifier needs: a flat list of byte strings (a block header).
 */

import { VerificationError } from './errors.js';

export type RlpDecodeErrorType = RlpDecodeError;

/** Untrusted bytes are not canonical RLP. */
export class RlpDecodeError extends VerificationError {
  override name = 'RlpDecodeError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('format', 'Invalid RLP.', details, options);
  }
}

/** One item inside a buffer: its encoding is `bytes[offset, next)`, its payload `bytes[start, end)`. */
export type RlpSpan = { offset: number; start: number; end: number; next: number; list: boolean };

/** A decoded RLP value; byte strings are views into the input, not copies. */
export type RlpItem = Uint8Array | RlpItem[];

/** Reads the header of the item at `pos` (not past `limit`) and rejects non-canonical forms. */
export function readRlpSpan(bytes: Uint8Array, pos: number, limit: number = bytes.length): RlpSpan {
  if (pos >= limit) throw new RlpDecodeError(`item at ${pos} is past the end (${limit})`);
  const b = bytes[pos]!;
  if (b < 0x80) return { offset: pos, start: pos, end: pos + 1, next: pos + 1, list: false };
  if (b < 0xb8) {
    const start = pos + 1;
    const end = start + b - 0x80;
    if (end > limit) throw new RlpDecodeError(`string at ${pos} overruns its container`);
    // A single byte below 0x80 must encode as itself.
    if (b === 0x81 && bytes[start]! < 0x80) throw new RlpDecodeError(`non-canonical single byte at ${pos}`);
    return { offset: pos, start, end, next: end, list: false };
  }
  if (b < 0xc0) return readLong(bytes, pos, limit, b - 0xb7, false);
  if (b < 0xf8) {
    const start = pos + 1;
    const end = start + b - 0xc0;
    if (end > limit) throw new RlpDecodeError(`list at ${pos} overruns its container`);
    return { offset: pos, start, end, next: end, list: true };
  }
  return readLong(bytes, pos, limit, b - 0xf7, true);
}

function readLong(bytes: Uint8Array, pos: number, limit: number, lenOfLen: number, list: boolean): RlpSpan {
  const start = pos + 1 + lenOfLen;
  if (start > limit) throw new RlpDecodeError(`length at ${pos} overruns its container`);
  if (bytes[pos + 1] === 0) throw new RlpDecodeError(`length with leading zero at ${pos}`);
  if (lenOfLen > 4) throw new RlpDecodeError(`length of ${lenOfLen} bytes at ${pos} is too large`);
  let len = 0;
  for (let i = pos + 1; i < start; i++) len = len * 256 + bytes[i]!;
  if (len < 56) throw new RlpDecodeError(`long form for a short payload at ${pos}`);
  const end = start + len;
  if (end > limit) throw new RlpDecodeError(`item at ${pos} overruns its container`);
  return { offset: pos, start, end, next: end, list };
}

/**
 * Spans of the items of the list that fills `bytes[pos, limit)` exactly.
 */
export function readRlpList(bytes: Uint8Array, pos = 0, limit = bytes.length): RlpSpan[] {
  const outer = readRlpSpan(bytes, pos, limit);
  if (!outer.list) throw new RlpDecodeError(`expected a list at ${pos}`);
  if (outer.next !== limit) throw new RlpDecodeError(`${limit - outer.next} trailing bytes after the list at ${pos}`);
  const items: RlpSpan[] = [];
  let p = outer.start;
  while (p < outer.end) {
    const item = readRlpSpan(bytes, p, outer.end);
    items.push(item);
    p = item.next;
  }
  return items;
}

/** Decodes a whole buffer into nested arrays of byte views. */
export function decodeRlp(bytes: Uint8Array): RlpItem {
  const span = readRlpSpan(bytes, 0);
  if (span.next !== bytes.length) throw new RlpDecodeError(`${bytes.length - span.next} trailing bytes`);
  return toItem(bytes, span, 0);
}

function toItem(bytes: Uint8Array, span: RlpSpan, depth: number): RlpItem {
  if (!span.list) return bytes.subarray(span.start, span.end);
  if (depth > 64) throw new RlpDecodeError('nesting deeper than 64');
  const out: RlpItem[] = [];
  let p = span.start;
  while (p < span.end) {
    const child = readRlpSpan(bytes, p, span.end);
    out.push(toItem(bytes, child, depth + 1));
    p = child.next;
  }
  return out;
}

/** A canonical big-endian RLP integer (no leading zero byte; zero is the empty string). */
export function rlpBytesToBigInt(bytes: Uint8Array, start = 0, end = bytes.length): bigint {
  if (end > start && bytes[start] === 0) throw new RlpDecodeError('integer with a leading zero byte');
  let v = 0n;
  // Six bytes per step stays below 2^53 and keeps bigint work small for 32-byte balances.
  let i = start;
  for (; i + 6 <= end; i += 6) {
    v = (v << 48n) | BigInt(bytes[i]! * 0x10000000000 + bytes[i + 1]! * 0x100000000 + bytes[i + 2]! * 0x1000000 + ((bytes[i + 3]! << 16) | (bytes[i + 4]! << 8) | bytes[i + 5]!));
  }
  for (; i < end; i++) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

/** RLP header of a payload of `length` bytes: `short` + length below 56, else `short` + 55 + length-of-length. */
function rlpHeader(short: number, length: number): number[] {
  if (length < 56) return [short + length];
  const lengthBytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
  return [short + 55 + lengthBytes.length, ...lengthBytes];
}

/** rlp([item, …]) of byte strings (a single byte below 0x80 encodes as itself). */
export function encodeRlpList(items: readonly Uint8Array[]): Uint8Array {
  const encoded = items.map((item) => (item.length === 1 && item[0]! < 0x80 ? [item] : [Uint8Array.from(rlpHeader(0x80, item.length)), item]));
  const payload = encoded.reduce((sum, parts) => sum + parts.reduce((s, p) => s + p.length, 0), 0);
  const header = rlpHeader(0xc0, payload);
  const out = new Uint8Array(header.length + payload);
  out.set(header);
  let at = header.length;
  for (const part of encoded.flat()) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
