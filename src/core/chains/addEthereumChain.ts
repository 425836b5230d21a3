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

/** An EIP-1193-shaped request to the chain's RPC. */
export type ChainIdRequest = (args: { method: 'eth_chainId' }) => Promise<unknown>;

/**
 * Before a user chain joins the registry: its RPC must answer eth_chainId with the id the dApp claimed,
 * or a dApp could label a chain it controls as another one.
 */
export async function checkChainRpc(entry: Pick<ChainEntry, 'chainId' | 'rpcUrls'>, request: ChainIdRequest): Promise<void> {
  let answer: unknown;
  try {
    answer = await request({ method: 'eth_chainId' });
  } catch (cause) {
    throw new ChainValidationError('the chain RPC did not answer eth_chainId', { details: entry.rpcUrls[0] ?? '', cause });
  }
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answer))
    throw new ChainValidationError('the chain RPC answered eth_chainId with garbage', { details: String(answer) });
  if (BigInt(answer) !== BigInt(entry.chainId))
    throw new ChainValidationError('the chain RPC reports a different chain id', {
      details: `params say ${entry.chainId}, the RPC says ${BigInt(answer)}`,
    });
}
