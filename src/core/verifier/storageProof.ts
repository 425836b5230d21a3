import type { Hex } from 'viem';
import { hexToBytes } from '../bytes/hex.js';
import type { Eip1186StorageProof } from './accountProof.js';
import { VerificationError } from './errors.js';
import { keccak256Bytes } from '../crypto/keccak.js';
import { proofNodesFromHex, verifyMptProof } from './mpt.js';
import { readRlpSpan, RlpDecodeError, rlpBytesToBigInt } from './rlp.js';

export type StorageProofErrorType = StorageProofError;

/** The storage proof is malformed or does not chain to the storage root. */
export class StorageProofError extends VerificationError {
  override name = 'StorageProofError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('storage', 'Invalid storage proof.', details, options);
  }
}

export type StorageProofMismatchErrorType = StorageProofMismatchError;

/** The proof holds, but the RPC's claimed slot or value differs from the proven one. */
export class StorageProofMismatchError extends VerificationError {
  override name = 'StorageProofMismatchError';
  readonly field: 'key' | 'value';
  readonly claimed: string;
  /** The proven value (undefined for a `key` mismatch, where nothing was proven). */
  readonly proven: bigint | undefined;
  constructor(field: 'key' | 'value', claimed: string, proven?: bigint) {
    super('storage', 'The RPC contradicts its own storage proof.', `It claims ${field} ${claimed}.`);
    this.field = field;
    this.claimed = claimed;
    this.proven = proven;
  }
}

const SLOT = /^0x[0-9a-fA-F]{64}$/;

export type VerifyStorageProofReturnType = bigint;
export type VerifyStorageProofErrorType = StorageProofError | StorageProofMismatchError;

/**
 * Verifies the storage proof of `slot` (a full 32-byte key) under `storageRoot`; absent slots are 0.
 * Given an EIP-1186 `storageProof` entry it also checks the entry is for `slot` and that its claimed
 * value is the proven one (`StorageProofMismatchError` otherwise); given bare nodes it checks the proof only.
 */
export function verifyStorageProof(
  storageRoot: Hex | Uint8Array,
  slot: Hex,
  proof: Eip1186StorageProof | readonly Hex[],
): VerifyStorageProofReturnType {
  if (typeof slot !== 'string' || !SLOT.test(slot)) throw new StorageProofError(`slot ${String(slot)} is not 32 bytes of hex`);
  const entry = Array.isArray(proof) ? undefined : (proof as Eip1186StorageProof);
  if (entry !== undefined) {
    if (entry === null || typeof entry !== 'object') throw new StorageProofError('not an eth_getProof storage entry');
    if (!isQuantity(entry.key, 64) || BigInt(entry.key) !== BigInt(slot)) {
      throw new StorageProofMismatchError('key', String(entry.key));
    }
  }
  const nodes = entry === undefined ? (proof as readonly Hex[]) : entry.proof;
  const value = provenSlot(storageRoot, slot, nodes);
  if (entry !== undefined && (!isQuantity(entry.value, 64) || BigInt(entry.value) !== value)) {
    throw new StorageProofMismatchError('value', String(entry.value), value);
  }
  return value;
}

function provenSlot(storageRoot: Hex | Uint8Array, slot: Hex, nodes: readonly Hex[]): bigint {
  let value: Uint8Array | null;
  try {
    const root = typeof storageRoot === 'string' ? hexToBytes(storageRoot) : storageRoot;
    value = verifyMptProof(root, keccak256Bytes(hexToBytes(slot)), proofNodesFromHex(nodes));
  } catch (cause) {
    throw new StorageProofError(cause instanceof Error ? cause.message : 'proof rejected', { cause });
  }
  if (value === null) return 0n;
  try {
    // The trie stores rlp(value without leading zeros).
    const span = readRlpSpan(value, 0);
    if (span.list || span.next !== value.length || span.end - span.start > 32) {
      throw new StorageProofError('the slot value is not a 32-byte integer');
    }
    return rlpBytesToBigInt(value, span.start, span.end);
  } catch (cause) {
    if (cause instanceof RlpDecodeError) throw new StorageProofError('the slot value is not valid RLP', { cause });
    throw cause;
  }
}

function isQuantity(v: unknown, maxDigits: number): v is Hex {
  return typeof v === 'string' && v.length >= 3 && v.length <= maxDigits + 2 && /^0x[0-9a-fA-F]+$/.test(v);
}
