import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hashMessage, hexToBytes, keccak256, getAddress, type Address, type Hex } from 'viem';
import { MetalayerFormatError } from './errors.js';

const HALF_N = secp256k1.Point.CURVE().n >> 1n;

/** keccak("\x19Ethereum Signed Message:\n32" ‖ root): what guardians (and Hyperlane validators) sign with ECDSA. */
export function guardianEcdsaDigest(signingRoot: Hex): Hex {
  return hashMessage({ raw: signingRoot });
}

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

/** Producer side: a guardian's EIP-191 signature over the 32 raw bytes of a signing root (spec A3). */
export function guardianEcdsaSign(signingRoot: Hex, privateKey: Hex): Hex {
  return ecdsaSignDigest(guardianEcdsaDigest(signingRoot), privateKey);
}

/**
 * Signer of a 65-byte r‖s‖v signature over a digest, with OpenZeppelin ECDSA.recover's rules
 * (v ∈ {27, 28}, s in the lower half), so what passes here passes on L1. Returns null when invalid.
 */
export function recoverEcdsaSigner(digest: Hex, signature: Hex): Address | null {
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature) || !/^0x[0-9a-fA-F]{64}$/.test(digest)) return null;
  const bytes = hexToBytes(signature);
  const v = bytes[64]!;
  if (v !== 27 && v !== 28) return null;
  const s = BigInt(bytesToHex(bytes.subarray(32, 64)));
  if (s > HALF_N) return null;
  try {
    const sig = secp256k1.Signature.fromBytes(bytes.subarray(0, 64), 'compact').addRecoveryBit(v - 27);
    const point = sig.recoverPublicKey(hexToBytes(digest));
    const uncompressed = point.toBytes(false);
    return getAddress(`0x${keccak256(uncompressed.subarray(1)).slice(-40)}`);
  } catch {
    return null;
  }
}
