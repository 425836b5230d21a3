import { hexToBytes, isHex, stringToHex, type Hex } from 'viem';
import type { RpcHandler } from '../context';
import { invalidParams } from '../errors';
import { positional } from '../request';
import { checkSiwe, detectSiwe } from '../siwe';
import { requirePermittedAccount } from './accounts';

const MAX_MESSAGE_BYTES = 64 * 1024;

/** Hex params are bytes; anything else is taken as UTF-8 text (some dApps send plain strings). */
function readMessage(value: unknown): Hex {
  if (typeof value !== 'string') throw invalidParams('message must be a string');
  const raw = isHex(value, { strict: true }) && value.length % 2 === 0 ? (value.toLowerCase() as Hex) : stringToHex(value);
  if ((raw.length - 2) / 2 > MAX_MESSAGE_BYTES) throw invalidParams('message is too long');
  return raw;
}

function utf8(raw: Hex): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(hexToBytes(raw));
  } catch {
    return null;
  }
}

const looksLikeAddress = (v: unknown) => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);

/** personal_sign [message, address]: shows the text, blocks SIWE messages for another domain. */
export const personalSign: RpcHandler = async (params, ctx) => {
  const p = positional(params);
  // Some dApps send [address, message]; a 20-byte first param that is not also the second is that order.
  const [msgParam, addrParam] = looksLikeAddress(p[0]) && !looksLikeAddress(p[1]) ? [p[1], p[0]] : [p[0], p[1]];
  const address = requirePermittedAccount(ctx, addrParam, 'address');
  const raw = readMessage(msgParam);
  const text = utf8(raw);
  const siwe = checkSiwe(text === null ? { kind: 'none' } : detectSiwe(text), {
    origin: ctx.origin,
    signer: address,
    chainId: ctx.chainId,
    now: ctx.now(),
  });
  await ctx.requestApproval('personal_sign', {
    params: { address, text, raw, siwe: siwe.fields },
    warnings: siwe.warnings,
    blocked: siwe.block,
  });
  return ctx.signPersonalMessage(address, raw);
};
