import { encodePacked, hashMessage, keccak256, type Hex } from 'viem';
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
  return keccak256(encodePacked(['uint32', 'bytes32', 'string'], [origin, toBytes32(merkleTreeHook), 'HYPERLANE']));
}

/** EIP-191 hash of keccak(domainHash ‖ root ‖ uint32 index ‖ messageId) (CheckpointLib.digest). */
export function checkpointDigest(c: HyperlaneCheckpoint): Hex {
  const inner = keccak256(
    encodePacked(['bytes32', 'bytes32', 'uint32', 'bytes32'], [domainHash(c.origin, c.merkleTreeHook), c.root, c.index, c.messageId]),
  );
  return hashMessage({ raw: inner });
}
