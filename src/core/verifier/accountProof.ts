import type { Address, Hex } from 'viem';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { isAddress } from '../crypto/address.js';
import { VerificationError } from './errors.js';
import { keccak256Bytes } from '../crypto/keccak.js';
import { EMPTY_TRIE_ROOT, proofNodesFromHex, verifyMptProof } from './mpt.js';
import { readRlpList, RlpDecodeError, rlpBytesToBigInt } from './rlp.js';

/** One entry of `storageProof` in an EIP-1186 `eth_getProof` result. */
export type Eip1186StorageProof = { key: Hex; value: Hex; proof: readonly Hex[] };

/** An EIP-1186 `eth_getProof` result, as JSON-RPC returns it. */
export type Eip1186Proof = {
  address: Hex;
  balance: Hex;
  codeHash: Hex;
  nonce: Hex;
  storageHash: Hex;
  accountProof: readonly Hex[];
  storageProof: readonly Eip1186StorageProof[];
};

/** An account as proven under a state root; an absent account is the empty account. */
export type AccountState = { nonce: bigint; balance: bigint; storageRoot: Hex; codeHash: Hex; exists: boolean };

/** keccak(''): the code hash of an account without code. */
export const EMPTY_CODE_HASH: Hex = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';
export const EMPTY_STORAGE_ROOT: Hex = /* @__PURE__ */ bytesToHex(EMPTY_TRIE_ROOT);
const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`;

export type AccountProofErrorType = AccountProofError;

/** The account proof is malformed or does not chain to the state root. */
export class AccountProofError extends VerificationError {
  override name = 'AccountProofError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('account', 'Invalid account proof.', details, options);
  }
}

export type AccountProofMismatchErrorType = AccountProofMismatchError;

/** The proof holds, but the RPC's claimed account fields differ from the proven ones. */
export class AccountProofMismatchError extends VerificationError {
  override name = 'AccountProofMismatchError';
  readonly field: 'address' | 'nonce' | 'balance' | 'storageHash' | 'codeHash';
  readonly claimed: string;
  /** The account as the proof shows it (absent for an `address` mismatch). */
  readonly proven: AccountState | undefined;
  constructor(field: AccountProofMismatchError['field'], claimed: string, proven?: AccountState) {
    super('account', 'The RPC contradicts its own account proof.', `It claims ${field} ${claimed}.`);
    this.field = field;
    this.claimed = claimed;
    this.proven = proven;
  }
}

export type VerifyAccountProofReturnType = AccountState;
export type VerifyAccountProofErrorType = AccountProofError | AccountProofMismatchError;

/**
 * Verifies `proof.accountProof` for `address` under `stateRoot` and decodes the account.
 * Throws `AccountProofError` if the proof fails and `AccountProofMismatchError` if it holds but the
 * RPC's own claimed fields (nonce, balance, storageHash, codeHash) differ from what it proves.
 */
export function verifyAccountProof(stateRoot: Hex | Uint8Array, address: Address, proof: Eip1186Proof): VerifyAccountProofReturnType {
  if (!isAddress(address)) throw new AccountProofError(`${String(address)} is not an address`);
  if (proof === null || typeof proof !== 'object' || !Array.isArray(proof.accountProof)) {
    throw new AccountProofError('not an eth_getProof result');
  }
  if (typeof proof.address !== 'string' || proof.address.toLowerCase() !== address.toLowerCase()) {
    throw new AccountProofMismatchError('address', String(proof.address));
  }
  const account = provenAccount(stateRoot, address, proof.accountProof);
  checkClaims(account, proof);
  return account;
}

/** The account at `address` under `stateRoot`, from the proof nodes alone (no claims checked). */
export function provenAccount(stateRoot: Hex | Uint8Array, address: Address, nodes: readonly Hex[]): AccountState {
  let value: Uint8Array | null;
  try {
    const root = typeof stateRoot === 'string' ? hexToBytes(stateRoot) : stateRoot;
    value = verifyMptProof(root, keccak256Bytes(hexToBytes(address)), proofNodesFromHex(nodes));
  } catch (cause) {
    throw new AccountProofError(cause instanceof Error ? cause.message : 'proof rejected', { cause });
  }
  if (value === null) {
    return { nonce: 0n, balance: 0n, storageRoot: EMPTY_STORAGE_ROOT, codeHash: EMPTY_CODE_HASH, exists: false };
  }
  try {
    const items = readRlpList(value);
    const [nonce, balance, storageRoot, codeHash] = items;
    if (items.length !== 4 || nonce!.list || balance!.list || storageRoot!.list || codeHash!.list) {
      throw new AccountProofError('the account is not a list of 4 byte strings');
    }
    if (storageRoot!.end - storageRoot!.start !== 32 || codeHash!.end - codeHash!.start !== 32) {
      throw new AccountProofError('the account has a root or code hash that is not 32 bytes');
    }
    if (nonce!.end - nonce!.start > 8 || balance!.end - balance!.start > 32) {
      throw new AccountProofError('the account has an oversized nonce or balance');
    }
    return {
      nonce: rlpBytesToBigInt(value, nonce!.start, nonce!.end),
      balance: rlpBytesToBigInt(value, balance!.start, balance!.end),
      storageRoot: bytesToHex(value.subarray(storageRoot!.start, storageRoot!.end)),
      codeHash: bytesToHex(value.subarray(codeHash!.start, codeHash!.end)),
      exists: true,
    };
  } catch (cause) {
    if (cause instanceof RlpDecodeError) throw new AccountProofError('the account is not valid RLP', { cause });
    throw cause;
  }
}

function checkClaims(account: AccountState, proof: Eip1186Proof): void {
  if (!sameInt(proof.nonce, account.nonce)) throw new AccountProofMismatchError('nonce', String(proof.nonce), account);
  if (!sameInt(proof.balance, account.balance)) throw new AccountProofMismatchError('balance', String(proof.balance), account);
  // Older clients report zero hashes for an absent account; that still says "empty".
  const emptyOk = (claimed: unknown) => !account.exists && claimed === ZERO_HASH;
  if (!sameHash(proof.storageHash, account.storageRoot) && !emptyOk(proof.storageHash)) {
    throw new AccountProofMismatchError('storageHash', String(proof.storageHash), account);
  }
  if (!sameHash(proof.codeHash, account.codeHash) && !emptyOk(proof.codeHash)) {
    throw new AccountProofMismatchError('codeHash', String(proof.codeHash), account);
  }
}

function sameInt(claimed: unknown, proven: bigint): boolean {
  if (typeof claimed !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(claimed)) return false;
  return BigInt(claimed) === proven;
}

function sameHash(claimed: unknown, proven: Hex): boolean {
  return typeof claimed === 'string' && claimed.toLowerCase() === proven;
}
