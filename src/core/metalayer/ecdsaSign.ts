// Producer side of spec A3's ECDSA signatures (devnet guardians, tests). Kept apart from ecdsa.ts so
// the verifier, which only recovers, does not bundle a signing library.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Hex } from 'viem';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { guardianEcdsaDigest } from './ecdsa.js';
import { MetalayerFormatError } from './errors.js';

/** Signs a 32-byte digest as-is; returns r‖s‖v (65 bytes, v = 27|28, low s). */
export function ecdsaSignDigest(digest: Hex, privateKey: Hex): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(privateKey)) throw new MetalayerFormatError('privateKey', 'expected 32 bytes');
  const sig = secp256k1.sign(hexToBytes(digest), hexToBytes(privateKey), { prehash: false, format: 'recovered' });
  // noble puts the recovery byte first; Solidity wants r‖s‖v with v = 27 + recovery.
  const out = new Uint8Array(65);
  out.set(sig.subarray(1, 65), 0);
  out[64] = 27 + sig[0]!;
  return bytesToHex(out);
}

/** A guardian's EIP-191 signature over the 32 raw bytes of a signing root (spec A3). */
export function guardianEcdsaSign(signingRoot: Hex, privateKey: Hex): Hex {
  return ecdsaSignDigest(guardianEcdsaDigest(signingRoot), privateKey);
}
