import type { RpcHandler } from '../context';
import { invalidParams } from '../errors';
import { readChecksummedAddress } from '../checksum';
import { readParamObject } from '../params';

/** EIP-747: { type: 'ERC20', options: { address, symbol, decimals, image? } } after approval. */
export const walletWatchAsset: RpcHandler = async (params, ctx) => {
  const p = readParamObject(Array.isArray(params) ? params[0] : params, 'params');
  if (p.type !== 'ERC20') throw invalidParams(`asset type ${String(p.type).slice(0, 20)} is not supported (only ERC20)`);
  const o = readParamObject(p.options, 'options');
  const address = readChecksummedAddress(o.address, 'options.address');
  if (typeof o.symbol !== 'string' || !/^[\x21-\x7e]{1,11}$/.test(o.symbol)) throw invalidParams('options.symbol must be 1-11 printable ASCII characters');
  const decimals = typeof o.decimals === 'string' ? Number(o.decimals) : o.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) {
    throw invalidParams('options.decimals must be an integer from 0 to 36');
  }
  let image: string | null = null;
  if (o.image !== undefined && o.image !== null) {
    if (typeof o.image !== 'string' || o.image.length > 2048 || !/^(https:|data:image\/)/.test(o.image)) {
      throw invalidParams('options.image must be an https or data:image URL');
    }
    image = o.image;
  }
  await ctx.requestApproval('watch_asset', {
    params: { type: 'ERC20', address, symbol: o.symbol, decimals, image },
    warnings: [],
    blocked: null,
  });
  await ctx.watchAsset({ chainId: ctx.chainId, address, symbol: o.symbol, decimals, image });
  return true;
};
