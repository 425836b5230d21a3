import type { Hex } from 'viem';
import { abiAddress, abiBytesTail, abiUint, joinHex } from '../bytes/abi.js';
import { isAddress } from '../crypto/address.js';
import { keccak256 } from '../crypto/keccak.js';
import { MetalayerFormatError } from './errors.js';
import type { GuardianSet } from './types.js';

/** Largest guardian set the spec allows (A1). */
export const MAX_GUARDIANS = 1024;

const UINT64_MAX = (1n << 64n) - 1n;
const UINT256_MAX = (1n << 256n) - 1n;

/** Throws MetalayerFormatError unless `set` is well formed: 1..1024 guardians indexed 0..n-1, 48-byte keys. */
export function assertGuardianSet(set: GuardianSet, path = 'guardianSet'): void {
  if (set.id < 0n || set.id > UINT64_MAX) throw new MetalayerFormatError(`${path}.id`, 'does not fit uint64');
  const n = set.guardians.length;
  if (n === 0 || n > MAX_GUARDIANS)
    throw new MetalayerFormatError(`${path}.guardians`, `expected 1..${MAX_GUARDIANS} guardians, got ${n}`);
  set.guardians.forEach((g, i) => {
    const at = `${path}.guardians[${i}]`;
    if (g.index !== i) throw new MetalayerFormatError(`${at}.index`, `expected ${i} (ordered by index), got ${g.index}`);
    if (!/^0x[0-9a-fA-F]{96}$/.test(g.blsPubkey)) throw new MetalayerFormatError(`${at}.blsPubkey`, 'expected 48 bytes');
    if (!isAddress(g.ecdsa)) throw new MetalayerFormatError(`${at}.ecdsa`, 'expected an address');
    if (g.stake < 0n || g.stake > UINT256_MAX) throw new MetalayerFormatError(`${at}.stake`, 'does not fit uint256');
  });
}

/** keccak(abi.encode(uint64 id, (bytes blsPubkey, address ecdsa, uint256 stake)[] guardians)) (spec A1). */
export function guardianSetHash(set: GuardianSet): Hex {
  // Head: id, offset of the array (2 words). Array: length, one offset per (dynamic) tuple, then the tuples,
  // each a head of 3 words (offset of blsPubkey = 3 words, ecdsa, stake) and the bytes' tail.
  const tuples = set.guardians.map((g) => abiUint(3 * 32) + abiAddress(g.ecdsa) + abiUint(g.stake) + abiBytesTail(g.blsPubkey));
  const offsets: string[] = [];
  let at = 32 * tuples.length;
  for (const t of tuples) {
    offsets.push(abiUint(at));
    at += t.length / 2;
  }
  return keccak256(joinHex(abiUint(set.id, 64), abiUint(2 * 32), abiUint(tuples.length), ...offsets, ...tuples));
}

/** Sum of all guardians' stake. */
export function totalStake(set: GuardianSet): bigint {
  return set.guardians.reduce((sum, g) => sum + g.stake, 0n);
}

/** True iff `signed` × 3 ≥ `total` × 2 (the spec's 2/3-of-stake rule). */
export function meetsStakeThreshold(signed: bigint, total: bigint): boolean {
  return total > 0n && signed * 3n >= total * 2n;
}
