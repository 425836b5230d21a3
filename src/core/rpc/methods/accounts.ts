import type { Address } from 'viem';
import type { RpcContext } from '../context';
import { unauthorized } from '../errors';
import { readChecksummedAddress } from '../checksum';

/** The account a signing request names must be one the site was granted. */
export function requirePermittedAccount(ctx: RpcContext, value: unknown, field: string): Address {
  const address = readChecksummedAddress(value, field);
  if (!ctx.permittedAccounts().some((a) => a.toLowerCase() === address.toLowerCase())) {
    throw unauthorized(`Account ${address} has not been authorized for ${ctx.origin}`);
  }
  return address;
}
