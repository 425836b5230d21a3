import type { Hex } from 'viem';
import { concatHex as concat, hexSize as size, hexToNumber, sliceHex as slice, uintDigits } from '../../bytes/hex.js';
import { MetalayerFormatError } from '../errors.js';
import { toBytes32 } from './message.js';
import { TREE_DEPTH } from './merkleTree.js';

export const SIGNATURE_BYTES = 65;

/** MessageIdMultisigIsm metadata: `hook(32) | root(32) | uint32 index | sigs(65 each)`. */
export type MessageIdMultisigMetadata = {
  originMerkleTreeHook: Hex;
  root: Hex;
  index: number;
  signatures: readonly Hex[];
};

/** MerkleRootMultisigIsm metadata: `hook | uint32 messageIndex | signedMessageId | proof[32] | uint32 signedIndex | sigs`. */
export type MerkleRootMultisigMetadata = {
  originMerkleTreeHook: Hex;
  messageIndex: number;
  signedMessageId: Hex;
  proof: readonly Hex[];
  signedIndex: number;
  signatures: readonly Hex[];
};

const MESSAGE_ID_SIGNATURES_OFFSET = 68;
const MERKLE_ROOT_PROOF_OFFSET = 68;
const MERKLE_ROOT_SIGNED_INDEX_OFFSET = 68 + 32 * TREE_DEPTH;
const MERKLE_ROOT_SIGNATURES_OFFSET = MERKLE_ROOT_SIGNED_INDEX_OFFSET + 4;

function bytes32(value: Hex, path: string): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new MetalayerFormatError(path, 'expected 32 bytes');
  return value.toLowerCase() as Hex;
}

function uint32(value: number, path: string): Hex {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new MetalayerFormatError(path, 'does not fit uint32');
  return `0x${uintDigits(value, 4)}`;
}

function signatures(sigs: readonly Hex[]): Hex[] {
  return sigs.map((s, i) => {
    if (!/^0x[0-9a-fA-F]{130}$/.test(s)) throw new MetalayerFormatError(`signatures[${i}]`, 'expected 65 bytes');
    return s.toLowerCase() as Hex;
  });
}

function splitSignatures(metadata: Hex, offset: number): Hex[] {
  const rest = size(metadata) - offset;
  if (rest % SIGNATURE_BYTES !== 0) throw new MetalayerFormatError('metadata', 'signatures are not a multiple of 65 bytes');
  const sigs: Hex[] = [];
  for (let at = offset; at < size(metadata); at += SIGNATURE_BYTES) sigs.push(slice(metadata, at, at + SIGNATURE_BYTES));
  return sigs;
}

function checkedMetadata(metadata: Hex, minBytes: number): Hex {
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(metadata) || size(metadata) < minBytes)
    throw new MetalayerFormatError('metadata', `expected at least ${minBytes} bytes`);
  return metadata.toLowerCase() as Hex;
}

export function encodeMessageIdMultisigMetadata(m: MessageIdMultisigMetadata): Hex {
  return concat([toBytes32(m.originMerkleTreeHook), bytes32(m.root, 'root'), uint32(m.index, 'index'), ...signatures(m.signatures)]);
}

export function decodeMessageIdMultisigMetadata(metadata: Hex): MessageIdMultisigMetadata {
  const m = checkedMetadata(metadata, MESSAGE_ID_SIGNATURES_OFFSET);
  return {
    originMerkleTreeHook: slice(m, 0, 32),
    root: slice(m, 32, 64),
    index: hexToNumber(slice(m, 64, 68)),
    signatures: splitSignatures(m, MESSAGE_ID_SIGNATURES_OFFSET),
  };
}

export function encodeMerkleRootMultisigMetadata(m: MerkleRootMultisigMetadata): Hex {
  if (m.proof.length !== TREE_DEPTH) throw new MetalayerFormatError('proof', `expected ${TREE_DEPTH} siblings`);
  return concat([
    toBytes32(m.originMerkleTreeHook),
    uint32(m.messageIndex, 'messageIndex'),
    bytes32(m.signedMessageId, 'signedMessageId'),
    ...m.proof.map((p, i) => bytes32(p, `proof[${i}]`)),
    uint32(m.signedIndex, 'signedIndex'),
    ...signatures(m.signatures),
  ]);
}

export function decodeMerkleRootMultisigMetadata(metadata: Hex): MerkleRootMultisigMetadata {
  const m = checkedMetadata(metadata, MERKLE_ROOT_SIGNATURES_OFFSET);
  const proof: Hex[] = [];
  for (let i = 0; i < TREE_DEPTH; i++) proof.push(slice(m, MERKLE_ROOT_PROOF_OFFSET + 32 * i, MERKLE_ROOT_PROOF_OFFSET + 32 * (i + 1)));
  return {
    originMerkleTreeHook: slice(m, 0, 32),
    messageIndex: hexToNumber(slice(m, 32, 36)),
    signedMessageId: slice(m, 36, 68),
    proof,
    signedIndex: hexToNumber(slice(m, MERKLE_ROOT_SIGNED_INDEX_OFFSET, MERKLE_ROOT_SIGNATURES_OFFSET)),
    signatures: splitSignatures(m, MERKLE_ROOT_SIGNATURES_OFFSET),
  };
}
