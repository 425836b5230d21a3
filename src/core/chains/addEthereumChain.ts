import { ChainValidationError } from './errors';
import type { ChainEntry } from './types';
import { readChainIdHex, readHttpsUrl, readNativeCurrency, readRecord, readRpcUrl, readString } from './validate';

/** EIP-3085 wallet_addEthereumChain parameter object. */
export interface AddEthereumChainParameter {
  chainId: string;
  chainName: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  rpcUrls: string[];
  blockExplorerUrls?: string[];
  iconUrls?: string[];
}

/**
 * Validates wallet_addEthereumChain params (the first element of `params`) into a user chain entry.
 * Throws ChainValidationError (code -32602) with a short reason; the registry is untouched on error.
 */
export function chainFromAddEthereumChain(params: unknown): ChainEntry {
  const p = readRecord(Array.isArray(params) ? params[0] : params, 'wallet_addEthereumChain params');
  const chainId = readChainIdHex(p.chainId, 'chainId');
  const native = readNativeCurrency(p.nativeCurrency, 'nativeCurrency');
  // EIP-3085: native currency decimals are 18 on EVM chains; anything else breaks every amount shown.
  if (native.decimals !== 18) throw new ChainValidationError('nativeCurrency.decimals must be 18', { details: `got ${native.decimals}` });
  if (!Array.isArray(p.rpcUrls) || p.rpcUrls.length === 0)
    throw new ChainValidationError('rpcUrls must be a non-empty array');
  if (p.rpcUrls.length > 8) throw new ChainValidationError('rpcUrls has too many entries');
  const rpcUrls = p.rpcUrls.map((u, i) => readRpcUrl(u, `rpcUrls[${i}]`));
  const entry: ChainEntry = {
    chainId,
    name: readString(p.chainName, 'chainName', { max: 64 }),
    framework: 'unknown',
    nativeCurrency: native,
    rpcUrls,
    testnet: false,
    devnet: false,
    tokens: [],
    origin: 'user',
  };
  if (p.blockExplorerUrls !== undefined && p.blockExplorerUrls !== null) {
    if (!Array.isArray(p.blockExplorerUrls)) throw new ChainValidationError('blockExplorerUrls must be an array');
    const first = p.blockExplorerUrls[0];
    if (first !== undefined) entry.explorer = { name: 'Explorer', url: readHttpsUrl(first, 'blockExplorerUrls[0]') };
  }
  return entry;
}
