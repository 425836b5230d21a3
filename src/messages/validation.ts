import { MessageError } from './MessageError';

/** Small runtime readers for message inputs: each returns the typed value or throws INVALID_INPUT. */

const invalid = (field: string, expected: string) =>
  new MessageError('INVALID_INPUT', `${field} must be ${expected}`, { details: { field } });

export function readObject(input: unknown, field = 'input'): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid(field, 'an object');
  return input as Record<string, unknown>;
}

/** `undefined`/`null` inputs are treated as `{}` for messages without parameters. */
export function readEmpty(input: unknown): Record<string, never> {
  if (input === undefined || input === null) return {};
  readObject(input);
  return {};
}

export function readString(
  obj: Record<string, unknown>,
  key: string,
  opts: { maxLength?: number; minLength?: number } = {},
): string {
  const v = obj[key];
  const max = opts.maxLength ?? 4096;
  if (typeof v !== 'string') throw invalid(key, 'a string');
  if (v.length > max) throw invalid(key, `at most ${max} characters`);
  if (opts.minLength !== undefined && v.length < opts.minLength) throw invalid(key, `at least ${opts.minLength} characters`);
  return v;
}

export function readOptionalString(
  obj: Record<string, unknown>,
  key: string,
  opts: { maxLength?: number } = {},
): string | undefined {
  return obj[key] === undefined ? undefined : readString(obj, key, opts);
}

export function readBoolean(obj: Record<string, unknown>, key: string): boolean {
  const v = obj[key];
  if (typeof v !== 'boolean') throw invalid(key, 'a boolean');
  return v;
}

export function readInteger(obj: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(key, `an integer in [${min}, ${max}]`);
  }
  return v;
}

/** A 0x-prefixed 20-byte hex address; the checksum is checked where the address is used. */
export function readAddress(obj: Record<string, unknown>, key: string): `0x${string}` {
  const v = readString(obj, key, { maxLength: 42 });
  if (!/^0x[0-9a-fA-F]{40}$/.test(v)) throw invalid(key, 'a 0x-prefixed 20-byte hex address');
  return v as `0x${string}`;
}

/** A non-negative integer written in decimal (e.g. wei amounts that exceed 2^53). */
export function readDecimalString(obj: Record<string, unknown>, key: string): string {
  const v = readString(obj, key, { maxLength: 78 });
  if (!/^(0|[1-9][0-9]*)$/.test(v)) throw invalid(key, 'a non-negative decimal integer string');
  return v;
}

export function readHttpUrl(obj: Record<string, unknown>, key: string): string {
  const v = readString(obj, key, { maxLength: 2048 });
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw invalid(key, 'a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(key, 'an http(s) URL');
  return v.replace(/\/+$/, '');
}
