import { getAddress, isAddress, type Address } from 'viem';
import { ChainValidationError } from './errors';
import type { ChainExplorer, ChainToken, Framework, NativeCurrency } from './types';

// Small field readers shared by the devnet loader and wallet_addEthereumChain: each throws one clear error.

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readRecord(v: unknown, where: string): Record<string, unknown> {
  if (!isRecord(v)) throw new ChainValidationError(`${where} must be an object`);
  return v;
}

export function readString(v: unknown, where: string, opts: { max?: number; min?: number } = {}): string {
  const { min = 1, max = 256 } = opts;
  if (typeof v !== 'string') throw new ChainValidationError(`${where} must be a string`);
  const s = v.trim();
  if (s.length < min || s.length > max)
    throw new ChainValidationError(`${where} must be ${min}-${max} characters`, { details: `got ${s.length}` });
  return s;
}

/** Largest chain id wallets accept (MetaMask's bound: keeps ids exact as JS numbers and in EIP-155 v). */
export const MAX_CHAIN_ID = 4503599627370476;

export function readChainIdNumber(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0 || v > MAX_CHAIN_ID)
    throw new ChainValidationError(`${where} must be a positive integer chain id`, { details: `got ${String(v)}` });
  return v;
}

/** EIP-3085 chainId: 0x-prefixed hex, no leading zeros. */
export function readChainIdHex(v: unknown, where: string): number {
  if (typeof v !== 'string' || !/^0x[1-9a-fA-F][0-9a-fA-F]*$/.test(v))
    throw new ChainValidationError(`${where} must be a 0x-prefixed hex chain id without leading zeros`, {
      details: `got ${JSON.stringify(v)}`,
    });
  if (v.length > 2 + 14) throw new ChainValidationError(`${where} is too large`, { details: v });
  return readChainIdNumber(Number.parseInt(v.slice(2), 16), where);
}

export function readDecimals(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 36)
    throw new ChainValidationError(`${where} must be an integer 0-36`, { details: `got ${String(v)}` });
  return v;
}

export function readAddress(v: unknown, where: string): Address {
  if (typeof v !== 'string' || !isAddress(v, { strict: false }))
    throw new ChainValidationError(`${where} must be a 20-byte hex address`, { details: `got ${String(v)}` });
  return getAddress(v);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only to loopback (a local devnet), never to a remote host. */
export function readRpcUrl(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new ChainValidationError(`${where} must be a URL string`);
  let url: URL;
  try {
    url = new URL(v);
  } catch (cause) {
    throw new ChainValidationError(`${where} is not a URL`, { details: v, cause });
  }
  if (url.username || url.password) throw new ChainValidationError(`${where} must not carry credentials`);
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!ok) throw new ChainValidationError(`${where} must be https (or http on loopback)`, { details: v });
  return v;
}

/** Explorer links follow the RPC rule: https, or http on loopback for the devnet. */
export const readHttpsUrl = readRpcUrl;

export function readNativeCurrency(v: unknown, where: string): NativeCurrency {
  const r = readRecord(v, where);
  return {
    name: readString(r.name, `${where}.name`, { max: 64 }),
    symbol: readString(r.symbol, `${where}.symbol`, { min: 1, max: 12 }),
    decimals: readDecimals(r.decimals, `${where}.decimals`),
  };
}

const FRAMEWORKS: readonly Framework[] = ['l1', 'op-stack', 'arbitrum-orbit', 'zk-stack', 'unknown'];

export function readFramework(v: unknown, where: string): Framework {
  if (typeof v !== 'string' || !FRAMEWORKS.includes(v as Framework))
    throw new ChainValidationError(`${where} must be one of ${FRAMEWORKS.join(', ')}`, { details: String(v) });
  return v as Framework;
}

/** devnet.json writes the explorer as a URL string or { name, url }; null/absent means none. */
export function readExplorer(v: unknown, where: string): ChainExplorer | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return { name: 'Explorer', url: readHttpsUrl(v, where) };
  const r = readRecord(v, where);
  return { name: readString(r.name ?? 'Explorer', `${where}.name`, { max: 64 }), url: readHttpsUrl(r.url, `${where}.url`) };
}

export function readChainToken(v: unknown, where: string): ChainToken {
  const r = readRecord(v, where);
  const token: ChainToken = {
    address: readAddress(r.address, `${where}.address`),
    symbol: readString(r.symbol, `${where}.symbol`, { max: 20 }),
    name: readString(r.name ?? r.symbol, `${where}.name`, { max: 64 }),
    decimals: readDecimals(r.decimals, `${where}.decimals`),
  };
  if (r.balancesSlot !== undefined) {
    if (typeof r.balancesSlot !== 'number' || !Number.isInteger(r.balancesSlot) || r.balancesSlot < 0)
      throw new ChainValidationError(`${where}.balancesSlot must be a non-negative integer`);
    token.balancesSlot = r.balancesSlot;
  }
  if (r.assetId !== undefined) token.assetId = readString(r.assetId, `${where}.assetId`, { max: 64 });
  return token;
}
