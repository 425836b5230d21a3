import type { Address, Hex } from 'viem';
import { bytesToHex, hexToBytes, isHexBytes } from '../bytes/hex.js';
import { checksumAddress } from '../crypto/address.js';
import { keccak256, keccak256Bytes } from '../crypto/keccak.js';
import { recoverSecp256k1PublicKey, SECP256K1_N } from '../crypto/secp256k1.js';
import { MetalayerFormatError } from './errors.js';

const HALF_N = SECP256K1_N >> 1n;
const EIP191_PREFIX = /* @__PURE__ */ new TextEncoder().encode('\x19Ethereum Signed Message:\n32');

/** keccak("\x19Ethereum Signed Message:\n32" ‖ hash): EIP-191 over 32 raw bytes (OpenZeppelin toEthSignedMessageHash). */
export function eip191Digest(hash: Hex): Hex {
  if (!isHexBytes(hash, 32)) throw new MetalayerFormatError('hash', 'expected 32 bytes');
  const bytes = new Uint8Array(EIP191_PREFIX.length + 32);
  bytes.set(EIP191_PREFIX);
  bytes.set(hexToBytes(hash), EIP191_PREFIX.length);
  return keccak256(bytes);
}

/** What guardians (and Hyperlane validators) sign with ECDSA: the EIP-191 digest of a signing root. */
export function guardianEcdsaDigest(signingRoot: Hex): Hex {
  return eip191Digest(signingRoot);
}

/**
 * Signer of a 65-byte r‖s‖v signature over a digest, with OpenZeppelin ECDSA.recover's rules
 * (v ∈ {27, 28}, s in the lower half), so what passes here passes on L1. Returns null when invalid.
 */
export function recoverEcdsaSigner(digest: Hex, signature: Hex): Address | null {
  if (!isHexBytes(signature, 65) || !isHexBytes(digest, 32)) return null;
  const v = Number.parseInt(signature.slice(130, 132), 16);
  if (v !== 27 && v !== 28) return null;
  const s = BigInt(`0x${signature.slice(66, 130)}`);
  if (s > HALF_N) return null;
  const publicKey = recoverSecp256k1PublicKey(hexToBytes(digest), BigInt(signature.slice(0, 66)), s, v - 27);
  if (!publicKey) return null;
  return checksumAddress(bytesToHex(keccak256Bytes(publicKey).subarray(12)));
}
