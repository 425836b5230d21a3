import { isHex, type Hex } from 'viem';
import { invalidParams } from './errors';

/** A JSON-RPC quantity: 0x-hex without leading zeros (also tolerated: leading zeros), ≤ 256 bits. */
export function readQuantity(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) throw invalidParams(`${field} must be a 0x-hex quantity`);
  return BigInt(value);
}

export function readOptionalQuantity(value: unknown, field: string): bigint | undefined {
  return value === undefined || value === null ? undefined : readQuantity(value, field);
}

export function readData(value: unknown, field: string): Hex {
  if (value === undefined || value === null) return '0x';
  if (typeof value !== 'string' || !isHex(value, { strict: true }) || value.length % 2 !== 0) {
    throw invalidParams(`${field} must be 0x-hex bytes`);
  }
  return value.toLowerCase() as Hex;
}

export function readChainId(value: unknown, field = 'chainId'): number {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,13}$/.test(value)) throw invalidParams(`${field} must be a 0x-hex chain id`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw invalidParams(`${field} is out of range`);
  return n;
}

export function readParamObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParams(`${field} must be an object`);
  return value as Record<string, unknown>;
}

export const toHexQuantity = (n: number | bigint) => `0x${n.toString(16)}` as Hex;
