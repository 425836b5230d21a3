import type { Hex } from 'viem';
import { bytesToHex, hexToBytes, isHex } from '../bytes/hex.js';
import { keccak256Bytes } from '../crypto/keccak.js';
import { VerificationError } from './errors.js';
import { encodeRlpList } from './rlp.js';

/** The header fields of an `eth_getBlockByNumber` result, as JSON-RPC returns them (0x-hex). */
export type RpcBlockHeader = {
  hash: Hex | null;
  parentHash: Hex;
  sha3Uncles: Hex;
  miner: Hex;
  stateRoot: Hex;
  transactionsRoot: Hex;
  receiptsRoot: Hex;
  logsBloom: Hex;
  difficulty: Hex;
  number: Hex | null;
  gasLimit: Hex;
  gasUsed: Hex;
  timestamp: Hex;
  extraData: Hex;
  mixHash: Hex;
  nonce: Hex | null;
  baseFeePerGas?: Hex | null;
  withdrawalsRoot?: Hex | null;
  blobGasUsed?: Hex | null;
  excessBlobGas?: Hex | null;
  parentBeaconBlockRoot?: Hex | null;
  requestsHash?: Hex | null;
};

/** What a header proves once its hash checks out. */
export type VerifiedHeader = { number: bigint; hash: Hex; stateRoot: Hex };

type FieldKind = 'int' | 'bytes' | number; // a number: fixed byte length

// Consensus order of the header; fields after `nonce` came with forks and appear only together, in order.
const FIELDS: readonly (readonly [keyof RpcBlockHeader, FieldKind])[] = [
  ['parentHash', 32],
  ['sha3Uncles', 32],
  ['miner', 20],
  ['stateRoot', 32],
  ['transactionsRoot', 32],
  ['receiptsRoot', 32],
  ['logsBloom', 256],
  ['difficulty', 'int'],
  ['number', 'int'],
  ['gasLimit', 'int'],
  ['gasUsed', 'int'],
  ['timestamp', 'int'],
  ['extraData', 'bytes'],
  ['mixHash', 32],
  ['nonce', 8],
  ['baseFeePerGas', 'int'], // London
  ['withdrawalsRoot', 32], // Shanghai
  ['blobGasUsed', 'int'], // Cancun
  ['excessBlobGas', 'int'],
  ['parentBeaconBlockRoot', 32],
  ['requestsHash', 32], // Prague
];
const REQUIRED = 15;

export type HeaderFormatErrorType = HeaderFormatError;

/** The RPC's block is not a well-formed header of a known form. */
export class HeaderFormatError extends VerificationError {
  override name = 'HeaderFormatError';
  readonly field: string;
  constructor(field: string, details: string, options?: { cause?: unknown }) {
    super('header', 'Invalid block header.', `${field}: ${details}`, options);
    this.field = field;
  }
}

export type HeaderHashMismatchErrorType = HeaderHashMismatchError;

/** keccak(rlp(header)) is not the hash the block claims: some field is not what was hashed. */
export class HeaderHashMismatchError extends VerificationError {
  override name = 'HeaderHashMismatchError';
  readonly claimed: Hex | null;
  readonly computed: Hex;
  constructor(claimed: Hex | null, computed: Hex) {
    super('header', 'Block header does not hash to the block hash.', `It hashes to ${computed}, the block claims ${claimed}.`);
    this.claimed = claimed;
    this.computed = computed;
  }
}

/** rlp(header) with each optional fork field included iff present (and only after all earlier ones). */
export function encodeHeader(block: RpcBlockHeader): Uint8Array {
  const items: Hex[] = [];
  let missingAt: string | undefined;
  for (let i = 0; i < FIELDS.length; i++) {
    const [name, kind] = FIELDS[i]!;
    const raw = block[name];
    if (raw === undefined || raw === null) {
      if (i < REQUIRED) throw new HeaderFormatError(name, 'missing');
      missingAt ??= name;
      continue;
    }
    if (missingAt !== undefined) throw new HeaderFormatError(name, `present without the earlier field ${missingAt}`);
    if (typeof raw !== 'string' || !isHex(raw) || raw.length % 2 === 1 && kind !== 'int') {
      throw new HeaderFormatError(name, 'not 0x-hex bytes');
    }
    items.push(encodeField(name, raw, kind));
  }
  return encodeRlpList(items.map(hexToBytes));
}

function encodeField(name: string, raw: Hex, kind: FieldKind): Hex {
  if (kind === 'bytes') return raw;
  if (kind === 'int') {
    const digits = raw.slice(2).replace(/^0+/, '');
    if (digits.length > 64) throw new HeaderFormatError(name, 'integer wider than 256 bits');
    if (digits === '') return '0x';
    return `0x${digits.length % 2 === 1 ? '0' : ''}${digits}`;
  }
  if ((raw.length - 2) / 2 !== kind) throw new HeaderFormatError(name, `expected ${kind} bytes`);
  return raw;
}

export type VerifyHeaderReturnType = VerifiedHeader;
export type VerifyHeaderErrorType = HeaderFormatError | HeaderHashMismatchError;

/**
 * Recomputes keccak(rlp(header)) of an RPC block and checks it is the block's hash.
 * Returns the header's number, hash and state root, which are then proven by the hash alone.
 */
export function verifyHeader(block: RpcBlockHeader): VerifyHeaderReturnType {
  if (block === null || typeof block !== 'object') throw new HeaderFormatError('block', 'not an object');
  const computed = bytesToHex(keccak256Bytes(encodeHeader(block)));
  if (typeof block.hash !== 'string' || computed !== block.hash.toLowerCase()) {
    throw new HeaderHashMismatchError(block.hash ?? null, computed);
  }
  return { number: BigInt(block.number!), hash: computed, stateRoot: block.stateRoot.toLowerCase() as Hex };
}
