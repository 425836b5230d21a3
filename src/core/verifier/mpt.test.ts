import { createMerkleProof, createMPT, verifyMerkleProof } from '@ethereumjs/mpt';
import { keccak_256 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { bytesToHex, hexToBytes, toRlp, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { EMPTY_TRIE_ROOT, MptProofError, verifyMptProof } from './mpt.js';

const b = (hex: string) => hexToBytes(`0x${hex}`);
const rlp = (v: Parameters<typeof toRlp>[0]) => hexToBytes(toRlp(v));
const hash = (node: Uint8Array) => keccak_256(node);

/** Hex-prefix encoding of a nibble path (leaf or extension). */
function hp(nibbles: number[], leaf: boolean): Hex {
  const flag = (leaf ? 2 : 0) + (nibbles.length % 2);
  const all = nibbles.length % 2 === 1 ? [flag, ...nibbles] : [flag, 0, ...nibbles];
  let out = '0x';
  for (let i = 0; i < all.length; i += 2) out += ((all[i]! << 4) | all[i + 1]!).toString(16).padStart(2, '0');
  return out as Hex;
}

function branch(children: Partial<Record<number, Hex | Hex[]>>, value: Hex = '0x'): (Hex | Hex[])[] {
  const items: (Hex | Hex[])[] = [];
  for (let i = 0; i < 16; i++) items.push(children[i] ?? '0x');
  items.push(value);
  return items;
}

describe('verifyMptProof on hand-built tries', () => {
  it('accepts the single node rlp("") under the empty root (anvil\'s proof of an empty storage trie)', () => {
    expect(verifyMptProof(EMPTY_TRIE_ROOT, b('12'), [Uint8Array.of(0x80)])).toBeNull();
    expect(() => verifyMptProof(EMPTY_TRIE_ROOT, b('12'), [Uint8Array.of(0x80), Uint8Array.of(0x80)])).toThrow(/after the end/);
  });

  it('skips exact copies of embedded nodes (ethereumjs lists them) but no other extra node', () => {
    const leafA = [hp([2], true), '0x0a'] as Hex[];
    const node = rlp(branch({ 1: leafA, 3: [hp([4], true), '0x0b'] }));
    const root = hash(node);
    expect(bytesToHex(verifyMptProof(root, b('12'), [node, rlp(leafA)])!)).toBe('0x0a');
    expect(() => verifyMptProof(root, b('12'), [node, rlp([hp([2], true), '0x0c'])])).toThrow(/after the end/);
  });

  it('treats an empty proof under the empty root as absence, and rejects it under any other root', () => {
    expect(verifyMptProof(EMPTY_TRIE_ROOT, b('12'), [])).toBeNull();
    expect(bytesToHex(EMPTY_TRIE_ROOT)).toBe(bytesToHex(hash(rlp('0x'))));
    expect(() => verifyMptProof(new Uint8Array(32), b('12'), [])).toThrow(MptProofError);
  });

  it('reads a single leaf and proves other keys absent (leaf with another key)', () => {
    const leaf = rlp([hp([1, 2, 3, 4], true), '0xaabb']);
    const root = hash(leaf);
    expect(bytesToHex(verifyMptProof(root, b('1234'), [leaf])!)).toBe('0xaabb');
    expect(verifyMptProof(root, b('1235'), [leaf])).toBeNull();
    expect(verifyMptProof(root, b('12'), [leaf])).toBeNull();
  });

  it('walks a branch with embedded leaves, an empty slot and a branch value', () => {
    const leafA = [hp([2], true), '0x0a'] as Hex[]; // key 0x12
    const leafB = [hp([4], true), '0x0b'] as Hex[]; // key 0x34
    const node = rlp(branch({ 1: leafA, 3: leafB }));
    const root = hash(node);
    expect(bytesToHex(verifyMptProof(root, b('12'), [node])!)).toBe('0x0a');
    expect(bytesToHex(verifyMptProof(root, b('34'), [node])!)).toBe('0x0b');
    expect(verifyMptProof(root, b('56'), [node])).toBeNull(); // empty slot
    expect(verifyMptProof(root, b('13'), [node])).toBeNull(); // embedded leaf with another key
    // A branch value is a key that ends at the branch (e.g. the empty key under an extension).
    const withValue = rlp(branch({ 1: leafA }, '0xee'));
    expect(bytesToHex(verifyMptProof(hash(withValue), new Uint8Array(0), [withValue])!)).toBe('0xee');
  });

  it('follows an extension to hashed children and detects a diverging extension path', () => {
    const long = `0x${'cd'.repeat(40)}` as Hex; // big enough that leaves are hashed, not embedded
    const leafA = rlp([hp([5, 6], true), long]); // key ab 0 5 6 → 0xab05..? built below
    const leafB = rlp([hp([7, 8], true), long]);
    const br = rlp(branch({ 0: bytesToHex(hash(leafA)), 9: bytesToHex(hash(leafB)) }));
    const ext = rlp([hp([0xa, 0xb, 0xc], false), bytesToHex(hash(br))]);
    const root = hash(ext);
    // Key nibbles: a b c | 0 | 5 6  → 0xabc056
    expect(bytesToHex(verifyMptProof(root, b('abc056'), [ext, br, leafA])!)).toBe(long);
    expect(bytesToHex(verifyMptProof(root, b('abc978'), [ext, br, leafB])!)).toBe(long);
    expect(verifyMptProof(root, b('abd056'), [ext])).toBeNull(); // diverges inside the extension
    expect(verifyMptProof(root, b('abc156'), [ext, br])).toBeNull(); // empty branch slot
    expect(verifyMptProof(root, b('abc057'), [ext, br, leafA])).toBeNull(); // leaf with other key
  });

  it('rejects broken hash chains, missing, extra and malformed nodes', () => {
    const long = `0x${'cd'.repeat(40)}` as Hex;
    const leafA = rlp([hp([5, 6, 7], true), long]);
    const br = rlp(branch({ 0: bytesToHex(hash(leafA)), 1: bytesToHex(hash(leafA)) }));
    const root = hash(br);
    const key = b('0567'); // nibbles 0 | 5 6 7
    expect(bytesToHex(verifyMptProof(root, key, [br, leafA])!)).toBe(long);
    expect(() => verifyMptProof(root, key, [br])).toThrow(/proof ends/); // missing node
    expect(() => verifyMptProof(root, key, [br, leafA, leafA])).toThrow(/after the end/); // extra node
    expect(() => verifyMptProof(root, key, [leafA, br])).toThrow(/does not hash/); // wrong order
    const forged = rlp([hp([5, 6, 7], true), `0x${'ce'.repeat(40)}`]);
    expect(() => verifyMptProof(root, key, [br, forged])).toThrow(/node 1 does not hash/);
    expect(() => verifyMptProof(root.subarray(1), key, [br])).toThrow(MptProofError);
    const badFlag = rlp(['0x41', '0x01']);
    expect(() => verifyMptProof(hash(badFlag), b('01'), [badFlag])).toThrow(/hex-prefix/);
    const threeItems = rlp(['0x01', '0x02', '0x03']);
    expect(() => verifyMptProof(hash(threeItems), b('01'), [threeItems])).toThrow(/3 items/);
    const notRlp = Uint8Array.from([0xc3, 0x01]);
    expect(() => verifyMptProof(hash(notRlp), b('01'), [notRlp])).toThrow(/not valid RLP/);
    const emptyExt = rlp(['0x00', bytesToHex(hash(br))]);
    expect(() => verifyMptProof(hash(emptyExt), b('0556'), [emptyExt, br])).toThrow(/empty path/);
    const bigEmbedded = rlp(branch({ 0: [hp([5, 6], true), long] }));
    expect(() => verifyMptProof(hash(bigEmbedded), b('0556'), [bigEmbedded])).toThrow(/32\+ bytes/);
    const shortRef = rlp(branch({ 0: '0x1234' }));
    expect(() => verifyMptProof(hash(shortRef), b('0556'), [shortRef])).toThrow(/reference of 2 bytes/);
  });
});

// --- agreement with @ethereumjs/mpt on random tries -----------------------------------------------

type Entry = [Uint8Array, Uint8Array];

async function buildTrie(entries: Entry[]) {
  const trie = await createMPT();
  for (const [k, v] of entries) await trie.put(k, v);
  return trie;
}

/** ethereumjs's answer: value, null (absent) or 'throws'. */
async function reference(root: Uint8Array, key: Uint8Array, proof: Uint8Array[]): Promise<Hex | null | 'throws'> {
  try {
    const v = await verifyMerkleProof(key, proof, { root });
    return v === null ? null : bytesToHex(v);
  } catch {
    return 'throws';
  }
}

function ours(root: Uint8Array, key: Uint8Array, proof: Uint8Array[]): Hex | null | 'throws' {
  try {
    const v = verifyMptProof(root, key, proof);
    return v === null ? null : bytesToHex(v);
  } catch (e) {
    if (!(e instanceof MptProofError)) throw e;
    return 'throws';
  }
}

const value = fc.uint8Array({ minLength: 1, maxLength: 48 });
// Short keys over a tiny alphabet make shared prefixes, extensions, embedded nodes and branch values common.
const shortKey = fc.uint8Array({ minLength: 0, maxLength: 3, min: 0, max: 0x13 });
const hashedKey = fc.uint8Array({ minLength: 32, maxLength: 32 });

function agreement(keyArb: fc.Arbitrary<Uint8Array>) {
  return fc.asyncProperty(
    fc.array(fc.tuple(keyArb, value), { minLength: 1, maxLength: 40 }),
    fc.array(keyArb, { minLength: 1, maxLength: 5 }),
    async (entries, probes) => {
      const trie = await buildTrie(entries);
      const root = trie.root();
      for (const key of [...entries.map(([k]) => k), ...probes]) {
        const proof = await createMerkleProof(trie, key);
        const mine = ours(root, key, proof);
        expect(mine).not.toBe('throws');
        expect(mine).toEqual(await reference(root, key, proof));
        const stored = await trie.get(key);
        expect(mine).toEqual(stored === null ? null : bytesToHex(stored));
      }
    },
  );
}

describe('verifyMptProof agrees with @ethereumjs/mpt', () => {
  it('on random tries with short keys (embedded nodes, branch values), present and absent', async () => {
    await fc.assert(agreement(shortKey), { numRuns: 150 });
  });

  it('on random secure-style tries with 32-byte keys, present and absent', async () => {
    await fc.assert(agreement(hashedKey), { numRuns: 60 });
  });

  it('fails (or changes its answer) when any byte of any proof node is flipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(shortKey, hashedKey), value), { minLength: 1, maxLength: 30 }),
        fc.oneof(shortKey, hashedKey),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (entries, probe, nodePick, bytePick, mask) => {
          const trie = await buildTrie(entries);
          const root = trie.root();
          const key = nodePick % 2 === 0 ? entries[0]![0] : probe;
          const proof = await createMerkleProof(trie, key);
          const honest = ours(root, key, proof);
          const i = nodePick % proof.length;
          const tampered = proof.map((n) => n.slice());
          const node = tampered[i]!;
          node[bytePick % node.length]! ^= mask;
          const result = ours(root, key, tampered);
          expect(result === 'throws' || result !== honest).toBe(true);
          // The reference implementation never accepts a tampered proof for a different answer either.
          const ref = await reference(root, key, tampered);
          if (ref !== 'throws') expect(ref).toEqual(honest);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a valid proof for another root and a proof with a node removed', async () => {
    const entries: Entry[] = Array.from({ length: 50 }, (_, i) => [keccak_256(Uint8Array.of(i)), Uint8Array.of(1, i)]);
    const trie = await buildTrie(entries);
    const key = entries[7]![0];
    const proof = await createMerkleProof(trie, key);
    expect(proof.length).toBeGreaterThan(1);
    expect(bytesToHex(verifyMptProof(trie.root(), key, proof)!)).toBe('0x0107');
    const otherRoot = trie.root().slice();
    otherRoot[0]! ^= 1;
    expect(() => verifyMptProof(otherRoot, key, proof)).toThrow(MptProofError);
    for (let i = 0; i < proof.length; i++) {
      const shorter = proof.filter((_, j) => j !== i);
      expect(() => verifyMptProof(trie.root(), key, shorter)).toThrow(MptProofError);
    }
  });
});
