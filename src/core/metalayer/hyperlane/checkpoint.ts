import type { Hex } from 'viem';
import { fixedBytes, joinHex } from '../../bytes/abi.js';
import { uintDigits, utf8Digits } from '../../bytes/hex.js';
import { keccak256 } from '../../crypto/keccak.js';
import { eip191Digest } from '../ecdsa.js';
import { toBytes32 } from './message.js';

/** What Hyperlane validators sign for one origin's MerkleTreeHook (CheckpointLib). */
export type HyperlaneCheckpoint = {
  origin: number;
  /** The origin's MerkleTreeHook (address or bytes32). */
  merkleTreeHook: Hex;
  root: Hex;
  index: number;
  messageId: Hex;
};

/** keccak(abi.encodePacked(uint32 origin, bytes32 merkleTreeHook, "HYPERLANE")) (CheckpointLib.domainHash). */
export function domainHash(origin: number, merkleTreeHook: Hex): Hex {
  return keccak256(joinHex(uintDigits(origin, 4), toBytes32(merkleTreeHook).slice(2), utf8Digits('HYPERLANE')));
}

/** EIP-191 hash of keccak(domainHash ‖ root ‖ uint32 index ‖ messageId) (CheckpointLib.digest). */
export function checkpointDigest(c: HyperlaneCheckpoint): Hex {
  const inner = keccak256(joinHex(fixedBytes(domainHash(c.origin, c.merkleTreeHook), 32), fixedBytes(c.root, 32), uintDigits(c.index, 4), fixedBytes(c.messageId, 32)));
  return eip191Digest(inner);
}
