import type { Hex } from 'viem';
import { VerificationError } from './errors.js';
import { keccak256Equals } from '../crypto/keccak.js';
import { readRlpList, RlpDecodeError, type RlpSpan } from './rlp.js';

/** keccak(rlp('')): the root of a trie with no keys. */
export const EMPTY_TRIE_ROOT = /* @__PURE__ */ Uint8Array.from([
  0x56, 0xe8, 0x1f, 0x17, 0x1b, 0xcc, 0x55, 0xa6, 0xff, 0x83, 0x45, 0xe6, 0x92, 0xc0, 0xf8, 0x6e, 0x5b, 0x48, 0xe0,
  0x1b, 0x99, 0x6c, 0xad, 0xc0, 0x01, 0x62, 0x2f, 0xb5, 0xe3, 0x63, 0xb4, 0x21,
]);

const EMPTY_SPAN: RlpSpan = { offset: 0, start: 0, end: 0, next: 0, list: false };

export type MptProofErrorType = MptProofError;

/** The proof does not establish either a value or the key's absence under the root. */
export class MptProofError extends VerificationError {
  override name = 'MptProofError';
  /** Index of the proof node where verification stopped (-1 before any node). */
  readonly nodeIndex: number;
  constructor(details: string, nodeIndex: number, options?: { cause?: unknown }) {
    super('mpt', 'Invalid Merkle-Patricia proof.', details, options);
    this.nodeIndex = nodeIndex;
  }
}

export type VerifyMptProofReturnType = Uint8Array | null;
export type VerifyMptProofErrorType = MptProofError;

/**
 * Walks `key`'s path from `root` through `proof` (RLP trie nodes, root first, as in EIP-1186).
 * Returns the value stored at `key` (a view into the proof bytes), or `null` when the proof shows
 * that `key` is absent. Throws `MptProofError` for anything else: a node that does not hash to its
 * parent's reference, a proof that ends early, unused nodes, or malformed nodes.
 * `key` is the trie path itself (callers of secure tries pass keccak(address) / keccak(slot)).
 */
export function verifyMptProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[]): VerifyMptProofReturnType {
  if (root.length !== 32) throw new MptProofError(`root is ${root.length} bytes, not 32`, -1);
  if (proof.length === 0) {
    if (equal32(root, 0, EMPTY_TRIE_ROOT)) return null;
    throw new MptProofError('empty proof for a non-empty trie', -1);
  }
  const keyLen = key.length * 2;
  let pos = 0; // nibbles of the key consumed
  let next = 0; // next proof node to read
  // The reference to resolve next: a 32-byte hash at refBuf[refAt], or an embedded node refBuf[refAt, refEnd).
  let refBuf = root;
  let refAt = 0;
  let refEnd = -1; // -1: a hash reference
  let node: Uint8Array = root;
  let nodeStart = 0;
  let nodeEnd = 0;

  for (;;) {
    if (refEnd < 0) {
      const candidate = proof[next];
      if (candidate === undefined) throw new MptProofError(`proof ends after ${next} nodes before the key's path does`, next);
      if (!keccak256Equals(candidate, refBuf, refAt)) {
        throw new MptProofError(`node ${next} does not hash to the reference in ${next === 0 ? 'the root' : `node ${next - 1}`}`, next);
      }
      node = candidate;
      nodeStart = 0;
      nodeEnd = candidate.length;
      next++;
    } else {
      node = refBuf;
      nodeStart = refAt;
      nodeEnd = refEnd;
      // Some producers (ethereumjs) also list embedded nodes on their own; an identical copy carries nothing new.
      const copy = proof[next];
      if (copy !== undefined && sameBytes(copy, node, nodeStart, nodeEnd)) next++;
    }

    // Some clients (anvil) prove an empty trie with the single node rlp('') under EMPTY_TRIE_ROOT.
    if (next === 1 && refEnd < 0 && nodeEnd === 1 && node[0] === 0x80) return finish(node, EMPTY_SPAN, next, proof.length, false);

    let items: RlpSpan[];
    try {
      items = readRlpList(node, nodeStart, nodeEnd);
    } catch (cause) {
      if (cause instanceof RlpDecodeError) throw new MptProofError(`node ${next - 1} is not valid RLP`, next - 1, { cause });
      throw cause;
    }

    let child: RlpSpan;
    if (items.length === 17) {
      if (pos === keyLen) return finish(node, items[16]!, next, proof.length, true);
      child = items[nibbleAt(key, pos)]!;
      pos++;
      if (!child.list && child.end === child.start) return finish(node, child, next, proof.length, false); // empty slot: absent
    } else if (items.length === 2) {
      const path = items[0]!;
      if (path.list || path.end === path.start) throw new MptProofError(`node ${next - 1} has a malformed path`, next - 1);
      const first = node[path.start]!;
      const flag = first >> 4;
      if (flag > 3 || ((flag & 1) === 0 && (first & 0x0f) !== 0)) {
        throw new MptProofError(`node ${next - 1} has a bad hex-prefix flag`, next - 1);
      }
      const odd = flag & 1;
      const isLeaf = (flag & 2) !== 0;
      const pathLen = (path.end - path.start - 1) * 2 + odd;
      let matches = pos + pathLen <= keyLen;
      for (let j = 0; matches && j < pathLen; j++) {
        const k = j + 2 - odd; // nibble index in the encoded path, past the flag (and pad) nibble
        const b = node[path.start + (k >> 1)]!;
        const nib = (k & 1) === 0 ? b >> 4 : b & 0x0f;
        if (nib !== nibbleAt(key, pos + j)) matches = false;
      }
      const value = items[1]!;
      if (isLeaf) {
        if (value.list) throw new MptProofError(`leaf ${next - 1} holds a list, not a value`, next - 1);
        // A leaf for another key proves absence: the key would have to live exactly here.
        if (!matches || pos + pathLen !== keyLen) return finish(node, value, next, proof.length, false);
        if (value.end === value.start) throw new MptProofError(`leaf ${next - 1} holds an empty value`, next - 1);
        return finish(node, value, next, proof.length, true);
      }
      if (pathLen === 0) throw new MptProofError(`extension ${next - 1} has an empty path`, next - 1);
      if (!matches) return finish(node, value, next, proof.length, false); // diverging path: absent
      pos += pathLen;
      child = value;
    } else {
      throw new MptProofError(`node ${next - 1} has ${items.length} items, not 2 or 17`, next - 1);
    }

    if (child.list) {
      if (child.next - child.offset >= 32) throw new MptProofError(`node ${next - 1} embeds a node of 32+ bytes`, next - 1);
      refBuf = node;
      refAt = child.offset;
      refEnd = child.next;
    } else if (child.end - child.start === 32) {
      refBuf = node;
      refAt = child.start;
      refEnd = -1;
    } else {
      throw new MptProofError(`node ${next - 1} has a child reference of ${child.end - child.start} bytes`, next - 1);
    }
  }
}

function finish(node: Uint8Array, value: RlpSpan, used: number, total: number, present: boolean): Uint8Array | null {
  if (used !== total) throw new MptProofError(`${total - used} proof nodes after the end of the key's path`, used);
  if (!present) return null;
  if (value.list) throw new MptProofError('the value is a list', used - 1);
  return value.end === value.start ? null : node.subarray(value.start, value.end);
}

function nibbleAt(key: Uint8Array, i: number): number {
  const b = key[i >> 1]!;
  return (i & 1) === 0 ? b >> 4 : b & 0x0f;
}

function equal32(a: Uint8Array, at: number, b: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) if (a[at + i] !== b[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[start + i]) return false;
  return true;
}

/** Proof nodes arrive as hex from an untrusted RPC; anything that is not 0x-hex bytes is a malformed proof. */
export function proofNodesFromHex(nodes: readonly Hex[]): Uint8Array[] {
  if (!Array.isArray(nodes)) throw new MptProofError('the proof is not a list of nodes', -1);
  const out: Uint8Array[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const bytes = hexToBytesOrNull(nodes[i]);
    if (bytes === null) throw new MptProofError(`node ${i} is not 0x-hex bytes`, i);
    out[i] = bytes;
  }
  return out;
}

// A table lookup per character: proof nodes are kilobytes of hex, and this runs for each of them.
const NIBBLE = /* @__PURE__ */ (() => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 0; c < 10; c++) t[48 + c] = c;
  for (let c = 0; c < 6; c++) t[65 + c] = t[97 + c] = 10 + c;
  return t;
})();

/** Strict 0x-hex (even length, any case) to bytes, or null. */
function hexToBytesOrNull(hex: unknown): Uint8Array | null {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || hex.charCodeAt(0) !== 48 || (hex.charCodeAt(1) | 32) !== 120) return null;
  const out = new Uint8Array((hex.length - 2) >> 1);
  for (let j = 0, p = 2; j < out.length; j++, p += 2) {
    const a = hex.charCodeAt(p);
    const b = hex.charCodeAt(p + 1);
    const hi = a < 128 ? NIBBLE[a]! : -1;
    const lo = b < 128 ? NIBBLE[b]! : -1;
    if ((hi | lo) < 0) return null;
    out[j] = (hi << 4) | lo;
  }
  return out;
}
