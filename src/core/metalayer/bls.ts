// Producer side of spec A1/A3's BLS signatures (devnet guardians, tests), with @noble/curves. The
// verifier checks them with its own verify-only src/core/crypto/bls12381 and never imports this file.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import type { Hex } from 'viem';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { MetalayerFormatError } from './errors.js';
import { BLS_DST } from './signingRoot.js';

// Pure, so a bundle that only verifies (the verifier imports this module's neighbours) drops @noble/curves.
const bls = /* @__PURE__ */ (() => bls12_381.longSignatures)();

function secretKeyBytes(secretKey: Hex): Uint8Array {
  if (!/^0x[0-9a-fA-F]{64}$/.test(secretKey)) throw new MetalayerFormatError('blsSecretKey', 'expected 32 bytes');
  return hexToBytes(secretKey);
}

/** The 32-byte signing root hashed onto G2 with the spec's DST. */
export function blsMessagePoint(signingRoot: Hex) {
  return bls.hash(hexToBytes(signingRoot), BLS_DST);
}

/** Compressed G1 public key (48 bytes) of a BLS secret key. */
export function blsPublicKey(secretKey: Hex): Hex {
  return bytesToHex(bls.getPublicKey(secretKeyBytes(secretKey)).toBytes(true));
}

/** Producer side: one guardian's G2 signature (96 bytes compressed) over a 32-byte signing root. */
export function blsSign(signingRoot: Hex, secretKey: Hex): Hex {
  return bytesToHex(bls.Signature.toBytes(bls.sign(blsMessagePoint(signingRoot), secretKeyBytes(secretKey))));
}

/** Producer side: sums G2 signatures into one aggregate (96 bytes compressed). */
export function blsAggregate(signatures: readonly Hex[]): Hex {
  if (signatures.length === 0) throw new MetalayerFormatError('signatures', 'nothing to aggregate');
  try {
    return bytesToHex(bls.Signature.toBytes(bls.aggregateSignatures(signatures.map((s) => bls.Signature.fromHex(s.slice(2))))));
  } catch (cause) {
    throw new MetalayerFormatError('signatures', 'not a valid G2 signature', { cause });
  }
}
