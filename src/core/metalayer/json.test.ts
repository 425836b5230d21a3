import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MetalayerFormatError,
  buildAggregateTree,
  decodeSignerBitmap,
  encodeSignerBitmap,
  guardianSetFromJson,
  rollupHeadFromJson,
  signedCheckpointFromJson,
  signedGuardianSetUpdateFromJson,
  signedGuardianSetUpdateToJson,
  aggregateRootFromProof,
  rollupLeaf,
} from './index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const v: any = JSON.parse(readFileSync(new URL('./vectors/part-a.json', import.meta.url), 'utf8'));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('JSON codecs refuse malformed input with MetalayerFormatError', () => {
  const bad: [string, (x: ReturnType<typeof clone<typeof v.signedCheckpoint>>) => void][] = [
    ['decimal int', (x) => (x.checkpoint.epoch = '17')],
    ['number int', (x) => (x.checkpoint.epoch = 17)],
    ['uint32 overflow', (x) => (x.checkpoint.networkId = '0x100000000')],
    ['uint64 overflow', (x) => (x.checkpoint.epoch = '0x10000000000000000')],
    ['short root', (x) => (x.checkpoint.aggregateRoot = x.checkpoint.aggregateRoot.slice(0, -2))],
    ['odd hex', (x) => (x.signature = x.signature.slice(0, -1))],
    ['short signature', (x) => (x.signature = x.signature.slice(0, -2))],
    ['missing field', (x) => delete x.checkpoint.timestamp],
    ['empty signers', (x) => (x.signers = '0x')],
    ['ecdsa signature length', (x) => (x.ecdsaSignatures[0].signature += '00')],
    ['not an object', (x) => (x.checkpoint = [])],
  ];
  for (const [name, mutate] of bad) {
    it(name, () => {
      const x = clone(v.signedCheckpoint);
      mutate(x);
      expect(() => signedCheckpointFromJson(x)).toThrow(MetalayerFormatError);
    });
  }

  it('names the offending path', () => {
    const x = clone(v.signedCheckpoint);
    x.checkpoint.epoch = 'nope';
    expect(() => signedCheckpointFromJson(x)).toThrow(/signedCheckpoint\.checkpoint\.epoch/);
  });

  it('accepts addresses in any case and writes EIP-55', () => {
    const set = clone(v.guardianSet);
    set.guardians[0].ecdsa = set.guardians[0].ecdsa.toLowerCase();
    set.guardians[1].ecdsa = set.guardians[1].ecdsa.toUpperCase().replace('0X', '0x');
    const parsed = guardianSetFromJson(set);
    expect(parsed.guardians[0]!.ecdsa).toBe(v.guardianSet.guardians[0].ecdsa);
    expect(parsed.guardians[1]!.ecdsa).toBe(v.guardianSet.guardians[1].ecdsa);
  });

  it('refuses guardian sets out of index order, empty, or with bad keys', () => {
    const unordered = clone(v.guardianSet);
    unordered.guardians.reverse();
    expect(() => guardianSetFromJson(unordered)).toThrow(MetalayerFormatError);
    expect(() => guardianSetFromJson({ id: '0x0', guardians: [] })).toThrow(MetalayerFormatError);
    const badKey = clone(v.guardianSet);
    badKey.guardians[2].blsPubkey = '0x1234';
    expect(() => guardianSetFromJson(badKey)).toThrow(MetalayerFormatError);
  });

  it('round-trips a signed hand-over and checks toSetId', () => {
    const h = v.guardianSetUpdate;
    const json = { update: h.update, signers: h.signers, signature: h.signature };
    const parsed = signedGuardianSetUpdateFromJson(json);
    expect(signedGuardianSetUpdateFromJson(signedGuardianSetUpdateToJson(parsed))).toEqual(parsed);
    const wrong = clone(json);
    wrong.update.toSetId = '0x2';
    expect(() => signedGuardianSetUpdateFromJson(wrong)).toThrow(/toSetId/);
  });
});

describe('signer bitmap', () => {
  it('round-trips and refuses wrong lengths or padding bits', () => {
    expect(encodeSignerBitmap([0, 8, 9], 10)).toBe('0x0103');
    expect(decodeSignerBitmap('0x0103', 10)).toEqual([0, 8, 9]);
    expect(() => decodeSignerBitmap('0x01', 10)).toThrow(MetalayerFormatError);
    expect(() => decodeSignerBitmap('0x0104', 10)).toThrow(MetalayerFormatError);
    expect(() => encodeSignerBitmap([10], 10)).toThrow(MetalayerFormatError);
  });
});

describe('aggregate tree', () => {
  const head = (chainId: bigint) => rollupHeadFromJson({ ...v.heads[0], chainId: `0x${chainId.toString(16)}` });

  it('one leaf has depth 1 and a zero sibling; five leaves have depth 3', () => {
    const one = buildAggregateTree([head(1n)]);
    expect(one.depth).toBe(1);
    expect(aggregateRootFromProof(one.leaves[0]!, one.proofOf(1n))).toBe(one.root);
    const five = buildAggregateTree([5n, 1n, 3n, 2n, 4n].map(head));
    expect(five.depth).toBe(3);
    expect(five.heads.map((h) => h.chainId)).toEqual([1n, 2n, 3n, 4n, 5n]);
    for (let c = 1n; c <= 5n; c++) expect(aggregateRootFromProof(rollupLeaf(head(c)), five.proofOf(c))).toBe(five.root);
  });

  it('refuses duplicate chains, no heads, and proofs whose index exceeds the depth', () => {
    expect(() => buildAggregateTree([head(1n), head(1n)])).toThrow(MetalayerFormatError);
    expect(() => buildAggregateTree([])).toThrow(MetalayerFormatError);
    const t = buildAggregateTree([head(1n), head(2n)]);
    expect(() => aggregateRootFromProof(t.leaves[0]!, { index: 2, siblings: t.proofOf(1n).siblings })).toThrow(MetalayerFormatError);
    expect(() => t.proofOf(3n)).toThrow(MetalayerFormatError);
  });
});
