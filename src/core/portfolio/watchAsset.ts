import { getAddress, isAddress } from 'viem';
import type { PortfolioToken } from './types';

/** Invalid wallet_watchAsset params; code -32602 for the provider. */
export class WatchAssetError extends Error {
  override name = 'WatchAssetError';
  readonly code = -32602;
  readonly details: string;
  constructor(message: string, details?: string) {
    super(message);
    this.details = details ?? message;
  }
}

/** EIP-747 wallet_watchAsset params for an ERC-20 on the site's current chain. */
export function tokenFromWatchAsset(params: unknown, chainId: number): PortfolioToken {
  const p = Array.isArray(params) ? params[0] : params;
  if (typeof p !== 'object' || p === null) throw new WatchAssetError('params must be an object');
  const { type, options } = p as { type?: unknown; options?: unknown };
  if (type !== 'ERC20') throw new WatchAssetError('only type ERC20 is supported', `got ${String(type)}`);
  if (typeof options !== 'object' || options === null) throw new WatchAssetError('options must be an object');
  const o = options as Record<string, unknown>;
  if (typeof o.address !== 'string' || !isAddress(o.address, { strict: false }))
    throw new WatchAssetError('options.address must be an address', String(o.address));
  // MetaMask's limit: longer symbols are used to impersonate known tokens in the UI.
  if (typeof o.symbol !== 'string' || o.symbol.length < 1 || o.symbol.length > 11 || !/^[\x21-\x7e]+$/.test(o.symbol))
    throw new WatchAssetError('options.symbol must be 1-11 printable characters');
  const decimals = typeof o.decimals === 'string' ? Number(o.decimals) : o.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 36)
    throw new WatchAssetError('options.decimals must be an integer 0-36');
  if (o.image !== undefined && (typeof o.image !== 'string' || !/^(https:|data:image\/)/.test(o.image)))
    throw new WatchAssetError('options.image must be an https or data:image URL');
  return {
    chainId,
    address: getAddress(o.address),
    symbol: o.symbol,
    name: o.symbol,
    decimals,
    source: 'watchAsset',
    ...(typeof o.image === 'string' ? { logoURI: o.image } : {}),
  };
}
