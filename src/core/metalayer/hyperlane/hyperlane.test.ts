import { readFileSync } from 'node:fs';
import { bytesToHex, hashMessage, keccak256, toHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { MetalayerFormatError } from '../errors.js';
import {
  IncrementalMerkleTree,
  ZERO_HASHES,
  branchRoot,
  checkpointDigest,
  decodeHyperlaneMessage,
  decodeMerkleRootMultisigMetadata,
  decodeMessageIdMultisigMetadata,
  domainHash,
  encodeHyperlaneMessage,
  encodeMerkleRootMultisigMetadata,
  encodeMessageIdMultisigMetadata,
  hyperlaneMessageId,
} from './index.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../vectors/hyperlane/${name}`, import.meta.url), 'utf8'));

describe('Hyperlane vectors', () => {
  it('message.json: encodes messages and their ids', () => {
    for (const t of load('message.json')) {
      const m = {
        version: t.version,
        nonce: t.nonce,
        origin: t.origin,
        sender: t.sender,
        destination: t.destination,
        recipient: t.recipient,
        body: bytesToHex(Uint8Array.from(t.body)),
      };
      const encoded = encodeHyperlaneMessage(m);
      expect(hyperlaneMessageId(encoded)).toBe(t.id);
      expect(hyperlaneMessageId(m)).toBe(t.id);
      expect(decodeHyperlaneMessage(encoded)).toEqual(m);
    }
  });

  it('domainHash.json', () => {
    for (const t of load('domainHash.json')) expect(domainHash(t.domain, t.mailbox)).toBe(t.expectedDomainHash);
  });

  it('merkle.json: roots and every branch proof', () => {
    const cases = load('merkle.json');
    expect(cases.length).toBe(5);
    for (const t of cases) {
      const tree = new IncrementalMerkleTree();
      // Hyperlane's vectors hash each string leaf as an EIP-191 message.
      const leaves = (t.leaves as string[]).map((s) => hashMessage(s));
      leaves.forEach((l) => tree.insert(l));
      expect(tree.root(), t.testName).toBe(t.expectedRoot);
      expect(tree.count).toBe(leaves.length);
      for (const p of t.proofs) {
        expect(leaves[p.index]).toBe(p.leaf);
        expect(branchRoot(p.leaf, p.path, p.index)).toBe(t.expectedRoot);
        expect(tree.proof(p.index)).toEqual(p.path);
      }
    }
  });
});

describe('IncrementalMerkleTree', () => {
  it('keeps proofs valid for every leaf as the tree grows', () => {
    const tree = new IncrementalMerkleTree();
    for (let n = 0; n < 70; n++) {
      tree.insert(keccak256(toHex(n)));
      const root = tree.root();
      for (const i of [0, Math.floor(n / 2), n]) expect(branchRoot(tree.leaf(i), tree.proof(i), i)).toBe(root);
    }
  });

  it('empty root is Z32 and malformed input is refused', () => {
    const tree = new IncrementalMerkleTree();
    expect(tree.root()).toBe(keccak256(`${ZERO_HASHES[31]}${ZERO_HASHES[31]!.slice(2)}` as Hex));
    expect(() => tree.insert('0x1234')).toThrow(MetalayerFormatError);
    expect(() => tree.proof(0)).toThrow(MetalayerFormatError);
    expect(() => branchRoot(ZERO_HASHES[0]!, ZERO_HASHES.slice(1), 0)).toThrow(MetalayerFormatError);
  });
});

describe('ISM metadata', () => {
  const sig = (b: number) => `0x${b.toString(16).padStart(2, '0').repeat(65)}` as Hex;
  const hook: Hex = `0x${'ab'.repeat(20)}`;

  it('MessageIdMultisig layout: hook | root | uint32 index | sigs', () => {
    const meta = { originMerkleTreeHook: `0x${'00'.repeat(12)}${'ab'.repeat(20)}` as Hex, root: `0x${'11'.repeat(32)}` as Hex, index: 7, signatures: [sig(1), sig(2)] };
    const encoded = encodeMessageIdMultisigMetadata({ ...meta, originMerkleTreeHook: hook });
    expect((encoded.length - 2) / 2).toBe(68 + 130);
    expect(encoded.slice(2 + 128, 2 + 136)).toBe('00000007');
    expect(decodeMessageIdMultisigMetadata(encoded)).toEqual(meta);
    expect(() => decodeMessageIdMultisigMetadata(encoded.slice(0, -2) as Hex)).toThrow(MetalayerFormatError);
  });

  it('MerkleRootMultisig layout: hook | uint32 msgIndex | signedId | proof[32] | uint32 signedIndex | sigs', () => {
    const meta = {
      originMerkleTreeHook: `0x${'00'.repeat(12)}${'ab'.repeat(20)}` as Hex,
      messageIndex: 3,
      signedMessageId: `0x${'22'.repeat(32)}` as Hex,
      proof: [...ZERO_HASHES],
      signedIndex: 9,
      signatures: [sig(3)],
    };
    const encoded = encodeMerkleRootMultisigMetadata(meta);
    expect((encoded.length - 2) / 2).toBe(1096 + 65);
    expect(encoded.slice(2 + 2 * 1092, 2 + 2 * 1096)).toBe('00000009');
    expect(decodeMerkleRootMultisigMetadata(encoded)).toEqual(meta);
    expect(() => encodeMerkleRootMultisigMetadata({ ...meta, proof: meta.proof.slice(1) })).toThrow(MetalayerFormatError);
  });

  it('checkpoint digest is EIP-191 over domainHash ‖ root ‖ index ‖ id', () => {
    const c = { origin: 901, merkleTreeHook: hook, root: `0x${'33'.repeat(32)}` as Hex, index: 5, messageId: `0x${'44'.repeat(32)}` as Hex };
    const inner = keccak256(`${domainHash(901, hook)}${'33'.repeat(32)}00000005${'44'.repeat(32)}` as Hex);
    expect(checkpointDigest(c)).toBe(hashMessage({ raw: inner }));
  });
});
