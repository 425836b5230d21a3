import { ChainValidationError } from './errors';
import type { Address } from 'viem';
import type { ChainEntry } from './types';
import {
  readAddress,
  readChainIdNumber,
  readChainToken,
  readExplorer,
  readFramework,
  readNativeCurrency,
  readRecord,
  readRpcUrl,
  readString,
} from './validate';

/** The devnet as GET /v1/network describes it (INTERFACES.md). */
export interface DevnetNetwork {
  networkId: string;
  genesisGuardianSetHash: string | null;
  epochMs: number;
  chains: ChainEntry[];
}

/** One chain entry of devnet.json, or of /v1/network (the same plus rpcUrl). */
function devnetChainFromJson(v: unknown, where: string, opts: { requireRpc: boolean }): ChainEntry {
  const r = readRecord(v, where);
  const chainId = readChainIdNumber(r.chainId, `${where}.chainId`);
  const tokensRaw = r.tokens ?? [];
  if (!Array.isArray(tokensRaw)) throw new ChainValidationError(`${where}.tokens must be an array`);
  const rpcUrls: string[] = [];
  if (r.rpcUrl !== undefined || opts.requireRpc) rpcUrls.push(readRpcUrl(r.rpcUrl, `${where}.rpcUrl`));
  const entry: ChainEntry = {
    chainId,
    name: readString(r.name, `${where}.name`, { max: 64 }),
    framework: readFramework(r.framework, `${where}.framework`),
    nativeCurrency: readNativeCurrency(r.nativeCurrency, `${where}.nativeCurrency`),
    rpcUrls,
    testnet: true,
    devnet: true,
    tokens: tokensRaw.map((t, i) => readChainToken(t, `${where}.tokens[${i}]`)),
    origin: 'devnet',
  };
  if (typeof r.da === 'string' && r.da !== '') entry.da = r.da;
  const explorer = readExplorer(r.explorer, `${where}.explorer`);
  if (explorer) entry.explorer = explorer;
  if (r.multicall3 !== undefined) entry.multicall3 = readAddress(r.multicall3, `${where}.multicall3`);
  if (r.contracts !== undefined && r.contracts !== null) {
    const contracts: Record<string, Address> = {};
    for (const [name, addr] of Object.entries(readRecord(r.contracts, `${where}.contracts`)))
      contracts[name] = readAddress(addr, `${where}.contracts.${name}`);
    entry.contracts = contracts;
    if (contracts.multicall3) entry.multicall3 = contracts.multicall3;
    if (contracts.priceOracle) entry.priceOracle = contracts.priceOracle;
  }
  return entry;
}

/** devnet.json writes the network id as a number, the API may send a string: keep it as text. */
function readNetworkId(v: unknown, where: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return readString(v, where, { max: 128 });
}

function readChainList(raw: unknown, where: string, requireRpc: boolean): ChainEntry[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new ChainValidationError(`${where} must be a non-empty array`);
  const chains = raw.map((c, i) => devnetChainFromJson(c, `${where}[${i}]`, { requireRpc }));
  const seen = new Set<number>();
  for (const c of chains) {
    if (seen.has(c.chainId)) throw new ChainValidationError(`${where} lists chain ${c.chainId} twice`);
    seen.add(c.chainId);
  }
  return chains;
}

/** Validates a GET /v1/network response into registry entries (each with its run-time rpcUrl). */
export function devnetFromNetworkResponse(body: unknown): DevnetNetwork {
  const r = readRecord(body, 'network');
  const epochMs = r.epochMs;
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs) || epochMs <= 0)
    throw new ChainValidationError('network.epochMs must be a positive number');
  // null when the devnet runs without its Metalayer: balances then stay unverified, never trusted.
  const hash = r.genesisGuardianSetHash ?? null;
  if (hash !== null && (typeof hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(hash)))
    throw new ChainValidationError('network.genesisGuardianSetHash must be a 32-byte hex string or null');
  return {
    networkId: readNetworkId(r.networkId, 'network.networkId'),
    genesisGuardianSetHash: hash,
    epochMs,
    chains: readChainList(r.rollups, 'network.rollups', true),
  };
}

/** Validates the shipped devnet.json (no rpc URLs: ports are dynamic) into registry entries. */
export function devnetFromChainData(body: unknown): { networkId: string; chains: ChainEntry[] } {
  const r = readRecord(body, 'devnet.json');
  return {
    networkId: readNetworkId(r.networkId, 'devnet.json.networkId'),
    chains: readChainList(r.chains, 'devnet.json.chains', false),
  };
}

/** Keeps shipped devnet data (tokens, slots) and adds the run-time rpc URLs the API reports. */
export function withDevnetRpcUrls(shipped: readonly ChainEntry[], live: readonly ChainEntry[]): ChainEntry[] {
  const byId = new Map(live.map((c) => [c.chainId, c]));
  const merged = shipped.map((c) => {
    const l = byId.get(c.chainId);
    return l ? { ...c, rpcUrls: l.rpcUrls, tokens: l.tokens.length > 0 ? l.tokens : c.tokens } : c;
  });
  for (const l of live) if (!shipped.some((c) => c.chainId === l.chainId)) merged.push(l);
  return merged;
}
