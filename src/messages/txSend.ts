import { defineMessage } from './defineMessage';
import { readAddress, readDecimalString, readInteger, readObject } from './validation';

/**
 * Sends from the selected account, signed in the background. `value` is in base units (wei, or the
 * token's smallest unit when `token` — an ERC-20 address — is given). A mixed-case `to` with a wrong
 * EIP-55 checksum is refused (INVALID_ADDRESS). Errors: LOCKED, UNKNOWN_CHAIN, CHAIN_UNAVAILABLE.
 */
export type TxSendInput = { chainId: number; to: `0x${string}`; value: string; token?: `0x${string}` };
export type TxSendOutput = { hash: `0x${string}` };

/** Reads a transfer (chain, recipient, base-unit amount, optional ERC-20); tx/estimate takes the same input. */
export function readTransferInput(input: unknown): TxSendInput {
  const obj = readObject(input);
  const out: TxSendInput = {
    chainId: readInteger(obj, 'chainId', 1, Number.MAX_SAFE_INTEGER),
    to: readAddress(obj, 'to'),
    value: readDecimalString(obj, 'value'),
  };
  if (obj.token !== undefined) out.token = readAddress(obj, 'token');
  return out;
}

export const txSend = defineMessage<TxSendInput, TxSendOutput>()({
  type: 'tx/send',
  validate: readTransferInput,
});
