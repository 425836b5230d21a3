import { getTypesForEIP712Domain, hashTypedData, validateTypedData, type TypedDataDefinition } from 'viem';
import type { TypedDataField, TypedDataParams } from './approval';
import { invalidParams } from './errors';

type Types = Record<string, { name: string; type: string }[]>;

const MAX_DEPTH = 16;

/**
 * Parses eth_signTypedData_v4's payload (JSON string or object) into a definition viem can hash;
 * every structural problem is an invalid-params error naming it.
 */
export function parseTypedData(input: unknown): TypedDataDefinition {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw invalidParams('typed data is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParams('typed data must be an object');
  const { types, primaryType, domain, message } = value as Record<string, unknown>;
  if (typeof types !== 'object' || types === null || Array.isArray(types)) throw invalidParams('typed data types must be an object');
  for (const [name, fields] of Object.entries(types)) {
    if (!Array.isArray(fields) || !fields.every((f) => typeof f?.name === 'string' && typeof f?.type === 'string')) {
      throw invalidParams(`typed data type ${name} must be a list of { name, type }`);
    }
  }
  if (typeof primaryType !== 'string' || !(primaryType in types)) throw invalidParams('typed data primaryType must name one of its types');
  if (typeof domain !== 'object' || domain === null || Array.isArray(domain)) throw invalidParams('typed data domain must be an object');
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw invalidParams('typed data message must be an object');
  const dom = { ...(domain as Record<string, unknown>) };
  if (typeof dom.chainId === 'string') {
    const n = Number(dom.chainId);
    if (!Number.isSafeInteger(n)) throw invalidParams('typed data domain.chainId must be an integer');
    dom.chainId = n;
  }
  const definition = {
    types: { ...(types as Types), EIP712Domain: (types as Types).EIP712Domain ?? getTypesForEIP712Domain({ domain: dom }) },
    primaryType,
    domain: dom,
    message,
  } as unknown as TypedDataDefinition;
  try {
    validateTypedData(definition as Parameters<typeof validateTypedData>[0]);
    hashTypedData(definition);
  } catch (cause) {
    const short = (cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message ?? 'invalid';
    throw invalidParams(`typed data does not match its types: ${short.split('\n')[0]}`);
  }
  return definition;
}

function decodeValue(type: string, value: unknown, types: Types, depth: number): string | TypedDataField[] {
  if (depth > MAX_DEPTH) return '…';
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const items = Array.isArray(value) ? value : [];
    return items.map((item, i) => ({ name: String(i), type: array[1]!, value: decodeValue(array[1]!, item, types, depth + 1) }));
  }
  const struct = types[type];
  if (struct) return decodeStruct(struct, (value ?? {}) as Record<string, unknown>, types, depth + 1);
  return typeof value === 'bigint' ? value.toString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function decodeStruct(fields: { name: string; type: string }[], value: Record<string, unknown>, types: Types, depth: number): TypedDataField[] {
  return fields.map((f) => ({ name: f.name, type: f.type, value: decodeValue(f.type, value[f.name], types, depth) }));
}

/** The message's fields along its types, for display. */
export function decodeTypedData(def: TypedDataDefinition, address: `0x${string}`): TypedDataParams {
  const types = def.types as unknown as Types;
  const d = (def.domain ?? {}) as Record<string, unknown>;
  const domain: TypedDataParams['domain'] = {};
  if (typeof d.name === 'string') domain.name = d.name;
  if (typeof d.version === 'string') domain.version = d.version;
  if (d.chainId !== undefined) domain.chainId = Number(d.chainId);
  if (typeof d.verifyingContract === 'string') domain.verifyingContract = d.verifyingContract;
  if (typeof d.salt === 'string') domain.salt = d.salt;
  return {
    address,
    domain,
    primaryType: def.primaryType as string,
    fields: decodeStruct(types[def.primaryType as string] ?? [], def.message as Record<string, unknown>, types, 0),
  };
}
