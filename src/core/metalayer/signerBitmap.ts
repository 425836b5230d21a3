import type { Hex } from 'viem';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { MetalayerFormatError } from './errors.js';

/** Bitmap of ceil(n/8) bytes: guardian i is bit (i & 7), counted from the LSB, of byte i >> 3 (spec A3). */
export function encodeSignerBitmap(indices: Iterable<number>, n: number): Hex {
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new MetalayerFormatError('signers', `index ${i} outside 0..${n - 1}`);
    bytes[i >> 3]! |= 1 << (i & 7);
  }
  return bytesToHex(bytes);
}

/**
 * Ascending signer indices of a bitmap for a set of n guardians. Refuses a wrong length and set
 * padding bits, so one signer set has exactly one encoding.
 */
export function decodeSignerBitmap(bitmap: Hex, n: number): number[] {
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(bitmap)) throw new MetalayerFormatError('signers', 'expected hex bytes');
  const bytes = hexToBytes(bitmap);
  if (bytes.length !== Math.ceil(n / 8))
    throw new MetalayerFormatError('signers', `expected ${Math.ceil(n / 8)} bytes for ${n} guardians, got ${bytes.length}`);
  const indices: number[] = [];
  for (let byte = 0; byte < bytes.length; byte++) {
    const b = bytes[byte]!;
    if (b === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if ((b >> bit) & 1) {
        const i = byte * 8 + bit;
        if (i >= n) throw new MetalayerFormatError('signers', `bit ${i} set beyond the ${n} guardians`);
        indices.push(i);
      }
    }
  }
  return indices;
}
