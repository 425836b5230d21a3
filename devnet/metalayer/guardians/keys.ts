import { bls12_381 } from '@noble/curves/bls12-381.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak256, numberToHex, toBytes, type Address, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { blsPublicKey } from '../../../src/core/metalayer/index.js';

/** A guardian's keys, derived once from the devnet seed (never recomputed per epoch). */
export type GuardianKeys = {
  /** Position in the guardian set. */
  index: number;
  blsSecretKey: Hex;
  blsPubkey: Hex;
  ecdsaPrivateKey: Hex;
  ecdsa: Address;
};

const BLS_ORDER = bls12_381.fields.Fr.ORDER;
const SECP_ORDER = secp256k1.Point.CURVE().n;

/** Deterministic scalar in [1, order-1] from a label (devnet keys: reproducible, not secret). */
function scalarFrom(label: string, order: bigint): Hex {
  const value = (BigInt(keccak256(toBytes(label))) % (order - 1n)) + 1n;
  return numberToHex(value, { size: 32 });
}

/** Key material of guardian `slot` (slot ≠ set index after a rotation: the label names the key, not the seat). */
export function deriveGuardianKeys(seed: string, slot: number, index = slot): GuardianKeys {
  const blsSecretKey = scalarFrom(`${seed}/metalayer/guardian/${slot}/bls`, BLS_ORDER);
  const ecdsaPrivateKey = scalarFrom(`${seed}/metalayer/guardian/${slot}/ecdsa`, SECP_ORDER);
  return { index, blsSecretKey, blsPubkey: blsPublicKey(blsSecretKey), ecdsaPrivateKey, ecdsa: privateKeyToAddress(ecdsaPrivateKey) };
}

/** Service keys of the devnet metalayer: Hyperlane deployer (same addresses on every chain), L1 staking deployer, relayer, reporter. */
export function metalayerServiceKey(seed: string, role: 'deployer' | 'staking' | 'relayer' | 'reporter'): Hex {
  return scalarFrom(`${seed}/metalayer/${role}`, SECP_ORDER);
}
