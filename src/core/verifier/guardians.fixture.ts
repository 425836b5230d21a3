// Test and bench support only: deterministic guardian sets with their secret keys.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes, keccak256, numberToHex, stringToHex, getAddress, type Hex } from 'viem';
import { blsPublicKey, type GuardianSet, type GuardianSigner } from '../metalayer/index.js';

export type KeyedGuardianSet = { set: GuardianSet; signers: GuardianSigner[] };

function scalar(seed: string, order: bigint): Hex {
  const k = (BigInt(keccak256(stringToHex(seed))) % (order - 1n)) + 1n;
  return numberToHex(k, { size: 32 });
}

/** n guardians of set `id` with keys derived from `seed`; stake 1000 ERA each unless `stakes` says otherwise. */
export function makeGuardianSet(id: bigint, n: number, seed = 'guardians', stakes?: (i: number) => bigint): KeyedGuardianSet {
  const signers: GuardianSigner[] = [];
  const guardians = Array.from({ length: n }, (_, index) => {
    const blsSecretKey = scalar(`${seed}/${id}/${index}/bls`, bls12_381.fields.Fr.ORDER);
    const ecdsaSecretKey = scalar(`${seed}/${id}/${index}/ecdsa`, secp256k1.Point.CURVE().n);
    signers.push({ index, blsSecretKey, ecdsaSecretKey });
    const pub = secp256k1.getPublicKey(hexToBytes(ecdsaSecretKey), false);
    const ecdsa = getAddress(`0x${keccak256(bytesToHex(pub.subarray(1))).slice(-40)}`);
    return { index, blsPubkey: blsPublicKey(blsSecretKey), ecdsa, stake: stakes ? stakes(index) : 1000n * 10n ** 18n };
  });
  return { set: { id, guardians }, signers };
}
