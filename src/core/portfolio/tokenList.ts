import { getAddress, type Address } from 'viem';
import type { ChainEntry } from '../chains/types';
import type { PortfolioToken } from './types';

/** A Uniswap token list (schema https://uniswap.org/tokenlist.schema.json), the fields the wallet uses. */
export interface TokenList {
  name: string;
  timestamp: string;
  version: { major: number; minor: number; patch: number };
  tokens: TokenListToken[];
  logoURI?: string;
  keywords?: string[];
}

export interface TokenListToken {
  chainId: number;
  address: Address;
  name: string;
  symbol: string;
  decimals: number;
  logoURI?: string;
  tags?: string[];
  /** `extensions.assetId` (our convention) merges one asset across chains, e.g. bridged USDC. */
  extensions?: Record<string, unknown>;
}

export class TokenListError extends Error {
  override name = 'TokenListError';
  readonly details: string;
  constructor(readonly problems: string[]) {
    super(`Invalid token list (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
    this.details = problems.slice(0, 10).join('; ');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUint = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
// The schema forbids these characters in names and symbols (they break rendering).
const SAFE_TEXT = /^[ \w.'+\-%/À-ÖØ-öø-ÿ:&[\]()]*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const URI = /^(https|ipfs|ipns|data|ar):/;

/** Validates a token list against the Uniswap schema rules; throws TokenListError listing every problem. */
export function parseTokenList(input: unknown): TokenList {
  const problems: string[] = [];
  if (!isRecord(input)) throw new TokenListError(['list must be an object']);
  const { name, timestamp, version, tokens, logoURI, keywords } = input;
  if (typeof name !== 'string' || name.length < 1 || name.length > 30 || !/^[\w ()\-.']+$/.test(name))
    problems.push('name must be 1-30 characters of letters, digits, spaces, ()-.\'');
  if (typeof timestamp !== 'string' || !ISO_DATE.test(timestamp) || Number.isNaN(Date.parse(timestamp)))
    problems.push('timestamp must be an ISO 8601 date-time');
  if (!isRecord(version) || !isUint(version.major) || !isUint(version.minor) || !isUint(version.patch))
    problems.push('version must be { major, minor, patch } non-negative integers');
  if (logoURI !== undefined && (typeof logoURI !== 'string' || !URI.test(logoURI))) problems.push('logoURI must be a URI');
  if (keywords !== undefined && (!Array.isArray(keywords) || keywords.length > 20 || keywords.some((k) => typeof k !== 'string' || k.length > 20)))
    problems.push('keywords must be at most 20 strings of at most 20 characters');
  if (!Array.isArray(tokens) || tokens.length < 1 || tokens.length > 10_000) {
    problems.push('tokens must be an array of 1-10000 tokens');
    throw new TokenListError(problems);
  }
  const seen = new Set<string>();
  const parsed: TokenListToken[] = [];
  tokens.forEach((t, i) => {
    const at = `tokens[${i}]`;
    if (!isRecord(t)) return void problems.push(`${at} must be an object`);
    const before = problems.length;
    if (!isUint(t.chainId) || t.chainId < 1) problems.push(`${at}.chainId must be a positive integer`);
    if (typeof t.address !== 'string' || !/^0x[a-fA-F0-9]{40}$/.test(t.address)) problems.push(`${at}.address must be a 20-byte hex address`);
    if (!isUint(t.decimals, 255)) problems.push(`${at}.decimals must be an integer 0-255`);
    if (typeof t.name !== 'string' || t.name.length > 60 || !SAFE_TEXT.test(t.name)) problems.push(`${at}.name must be at most 60 plain characters`);
    if (typeof t.symbol !== 'string' || t.symbol.length > 20 || !/^\S+$/.test(t.symbol) || !SAFE_TEXT.test(t.symbol))
      problems.push(`${at}.symbol must be 1-20 characters without spaces`);
    if (t.logoURI !== undefined && (typeof t.logoURI !== 'string' || !URI.test(t.logoURI))) problems.push(`${at}.logoURI must be a URI`);
    if (t.tags !== undefined && (!Array.isArray(t.tags) || t.tags.length > 10 || t.tags.some((x) => typeof x !== 'string')))
      problems.push(`${at}.tags must be at most 10 strings`);
    if (t.extensions !== undefined && !isRecord(t.extensions)) problems.push(`${at}.extensions must be an object`);
    if (problems.length > before) return;
    const address = getAddress(t.address as string);
    const key = `${t.chainId as number}:${address.toLowerCase()}`;
    if (seen.has(key)) return void problems.push(`${at} duplicates ${key}`);
    seen.add(key);
    parsed.push({
      chainId: t.chainId as number,
      address,
      name: t.name as string,
      symbol: t.symbol as string,
      decimals: t.decimals as number,
      ...(t.logoURI ? { logoURI: t.logoURI as string } : {}),
      ...(t.tags ? { tags: t.tags as string[] } : {}),
      ...(t.extensions ? { extensions: t.extensions as Record<string, unknown> } : {}),
    });
  });
  if (problems.length > 0) throw new TokenListError(problems);
  return {
    name: name as string,
    timestamp: timestamp as string,
    version: version as TokenList['version'],
    tokens: parsed,
    ...(logoURI ? { logoURI: logoURI as string } : {}),
    ...(keywords ? { keywords: keywords as string[] } : {}),
  };
}

export const tokenFromList = (t: TokenListToken): PortfolioToken => ({
  chainId: t.chainId,
  address: t.address,
  symbol: t.symbol,
  name: t.name,
  decimals: t.decimals,
  source: 'list',
  ...(typeof t.extensions?.assetId === 'string' ? { assetId: t.extensions.assetId } : {}),
  ...(t.logoURI ? { logoURI: t.logoURI } : {}),
});

/** Tokens a chain entry ships with (devnet.json). */
export const tokensOfChain = (c: ChainEntry): PortfolioToken[] =>
  c.tokens.map((t) => ({
    chainId: c.chainId,
    address: t.address,
    symbol: t.symbol,
    name: t.name,
    decimals: t.decimals,
    source: 'chain',
    ...(t.assetId ? { assetId: t.assetId } : {}),
    ...(t.balancesSlot !== undefined ? { balancesSlot: t.balancesSlot } : {}),
  }));

const PRIORITY: Record<PortfolioToken['source'], number> = { chain: 0, list: 1, watchAsset: 2, unknown: 3 };

/** One token per (chain, address): chain data beats a list, a list beats watchAsset (which a dApp controls). */
export function collectTokens(p: {
  chains: readonly ChainEntry[];
  lists?: readonly TokenList[];
  watched?: readonly PortfolioToken[];
}): PortfolioToken[] {
  const enabled = new Set(p.chains.map((c) => c.chainId));
  const all = [
    ...p.chains.flatMap(tokensOfChain),
    ...(p.lists ?? []).flatMap((l) => l.tokens.map(tokenFromList)),
    ...(p.watched ?? []),
  ];
  const byKey = new Map<string, PortfolioToken>();
  for (const t of all) {
    if (!enabled.has(t.chainId)) continue;
    const key = `${t.chainId}:${t.address.toLowerCase()}`;
    const prev = byKey.get(key);
    if (!prev || PRIORITY[t.source] < PRIORITY[prev.source]) byKey.set(key, t);
  }
  return [...byKey.values()];
}
