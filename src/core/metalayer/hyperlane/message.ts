import type { Hex } from 'viem';
import { joinHex } from '../../bytes/abi.js';
import { hexSize as size, hexToNumber, isHexBytes, sliceHex as slice, uintDigits } from '../../bytes/hex.js';
import { keccak256 } from '../../crypto/keccak.js';
import { MetalayerFormatError } from '../errors.js';

/** Hyperlane v3 message (Message.sol). `sender` and `recipient` are bytes32. */
export type HyperlaneMessage = {
  version: number;
  nonce: number;
  origin: number;
  sender: Hex;
  destination: number;
  recipient: Hex;
  body: Hex;
};

export const HYPERLANE_MESSAGE_VERSION = 3;
/** Length of the fixed header before the body. */
export const HYPERLANE_HEADER_BYTES = 77;

/** Left-pads a 20-byte address (or passes a bytes32 through) as Hyperlane's TypeCasts.addressToBytes32. */
export function toBytes32(value: Hex): Hex {
  if (!isHexBytes(value) || (size(value) !== 20 && size(value) !== 32))
    throw new MetalayerFormatError('bytes32', 'expected a 20-byte address or 32 bytes');
  return `0x${value.slice(2).toLowerCase().padStart(64, '0')}`;
}

/** abi.encodePacked(uint8 version, uint32 nonce, uint32 origin, bytes32 sender, uint32 destination, bytes32 recipient, bytes body). */
export function encodeHyperlaneMessage(m: HyperlaneMessage): Hex {
  if (!isHexBytes(m.body)) throw new MetalayerFormatError('body', 'expected 0x-prefixed hex bytes');
  try {
    return joinHex(uintDigits(m.version, 1), uintDigits(m.nonce, 4), uintDigits(m.origin, 4), toBytes32(m.sender).slice(2), uintDigits(m.destination, 4), toBytes32(m.recipient).slice(2), m.body.slice(2).toLowerCase());
  } catch (cause) {
    throw new MetalayerFormatError('message', cause instanceof Error ? cause.message : 'not encodable', { cause });
  }
}

export function decodeHyperlaneMessage(message: Hex): HyperlaneMessage {
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(message) || size(message) < HYPERLANE_HEADER_BYTES)
    throw new MetalayerFormatError('message', `expected at least ${HYPERLANE_HEADER_BYTES} bytes`);
  const m = message.toLowerCase() as Hex;
  return {
    version: hexToNumber(slice(m, 0, 1)),
    nonce: hexToNumber(slice(m, 1, 5)),
    origin: hexToNumber(slice(m, 5, 9)),
    sender: slice(m, 9, 41),
    destination: hexToNumber(slice(m, 41, 45)),
    recipient: slice(m, 45, 77),
    body: size(m) === HYPERLANE_HEADER_BYTES ? '0x' : slice(m, 77),
  };
}

/** keccak of the encoded message (Message.id). */
export function hyperlaneMessageId(message: HyperlaneMessage | Hex): Hex {
  return keccak256(typeof message === 'string' ? message : encodeHyperlaneMessage(message));
}

