import fc from 'fast-check';
import { keccak256, toHex, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  checkpointDigest,
  ecdsaSignDigest,
  encodeHyperlaneMessage,
  encodeMerkleRootMultisigMetadata,
  encodeMessageIdMultisigMetadata,
  hyperlaneMessageId,
  IncrementalMerkleTree,
  toBytes32,
} from '../metalayer/index.js';
import { VerificationError } from './errors.js';
import { makeGuardianSet } from './guardians.fixture.js';
import { verifyHyperlaneMessage } from './hyperlane.js';

const { set, signers } = makeGuardianSet(0n, 4, 'validators');
const validators: Address[] = set.guardians.map((g) => g.ecdsa);
const hook: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ORIGIN = 901;

// A tree of 5 dispatched messages from chain 901; validators sign the checkpoint after the 5th.
const tree = new IncrementalMerkleTree();
const messages = Array.from({ length: 5 }, (_, nonce) =>
  encodeHyperlaneMessage({
    version: 3,
    nonce,
    origin: ORIGIN,
    sender: toBytes32('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
    destination: 902,
    recipient: toBytes32('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'),
    body: toHex(`hello ${nonce}`),
  }),
);
messages.forEach((m) => tree.insert(hyperlaneMessageId(m)));
const root = tree.root();
const signedIndex = 4;
const signedId = hyperlaneMessageId(messages[4]!);
const sign = (digest: Hex, who: number[]) => who.map((i) => ecdsaSignDigest(digest, signers[i]!.ecdsaSecretKey!));
const messageIdDigest = (index: number, id: Hex) => checkpointDigest({ origin: ORIGIN, merkleTreeHook: hook, root, index, messageId: id });

const stepOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(VerificationError);
    return (e as VerificationError).step;
  }
};

describe('verifyHyperlaneMessage: MessageIdMultisigIsm', () => {
  const metadata = (sigs: Hex[], overrides: Partial<{ root: Hex; index: number; hook: Hex }> = {}) =>
    encodeMessageIdMultisigMetadata({ originMerkleTreeHook: overrides.hook ?? hook, root: overrides.root ?? root, index: overrides.index ?? signedIndex, signatures: sigs });
  const digest = messageIdDigest(signedIndex, signedId);

  it('accepts ⌈2n/3⌉ signatures in validator order, with an inclusion proof of the message', () => {
    const verified = verifyHyperlaneMessage({
      message: messages[4]!,
      metadata: metadata(sign(digest, [0, 2, 3])),
      ism: 'messageIdMultisig',
      validators,
      merkleTreeHook: hook,
      inclusion: { index: 4, proof: tree.proof(4) },
    });
    expect(verified.signers).toEqual([validators[0], validators[2], validators[3]]);
    expect(verified.messageId).toBe(signedId);
    expect(verified.message.nonce).toBe(4);
  });

  it('checks only the first `threshold` signatures, as the ISM does', () => {
    const sigs = [...sign(digest, [1, 2]), `0x${'00'.repeat(65)}` as Hex];
    expect(verifyHyperlaneMessage({ message: messages[4]!, metadata: metadata(sigs), ism: 'messageIdMultisig', validators, threshold: 2 }).signers).toHaveLength(2);
  });

  it('refuses wrong order, repeats, non-validators, too few, wrong hook or root, and a message outside the root', () => {
    const outsider = makeGuardianSet(9n, 1, 'outsider').signers[0]!.ecdsaSecretKey!;
    const cases: [Hex, string, Partial<Parameters<typeof verifyHyperlaneMessage>[0]>?][] = [
      [metadata(sign(digest, [2, 0, 3])), 'hyperlane-signature'],
      [metadata(sign(digest, [0, 0, 3])), 'hyperlane-signature'],
      [metadata([...sign(digest, [0, 1]), ecdsaSignDigest(digest, outsider)]), 'hyperlane-signature'],
      [metadata(sign(digest, [0, 1])), 'hyperlane-threshold'],
      [metadata(sign(digest, [0, 1, 2]), { root: `0x${'77'.repeat(32)}` }), 'hyperlane-signature'],
      [metadata(sign(digest, [0, 1, 2]), { index: 3 }), 'hyperlane-signature'],
      [metadata(sign(digest, [0, 1, 2]), { hook: validators[0]! }), 'hyperlane-metadata', { merkleTreeHook: hook }],
      [metadata(sign(digest, [0, 1, 2])), 'hyperlane-inclusion', { inclusion: { index: 3, proof: tree.proof(4) } }],
      [metadata(sign(digest, [0, 1, 2])).slice(0, -2) as Hex, 'hyperlane-metadata'],
    ];
    for (const [meta, step, extra] of cases)
      expect(stepOf(() => verifyHyperlaneMessage({ message: messages[4]!, metadata: meta, ism: 'messageIdMultisig', validators, ...extra }))).toBe(step);
    const v2 = `0x02${messages[4]!.slice(4)}` as Hex;
    expect(stepOf(() => verifyHyperlaneMessage({ message: v2, metadata: metadata(sign(digest, [0, 1, 2])), ism: 'messageIdMultisig', validators }))).toBe('hyperlane-metadata');
    // Signed for message 4, presented with message 3.
    expect(stepOf(() => verifyHyperlaneMessage({ message: messages[3]!, metadata: metadata(sign(digest, [0, 1, 2])), ism: 'messageIdMultisig', validators }))).toBe(
      'hyperlane-signature',
    );
  });

  it('property: flipping any byte of the metadata makes verification fail', () => {
    const good = metadata(sign(digest, [0, 1, 3]));
    fc.assert(
      fc.property(fc.nat((good.length - 2) / 2 - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const i = 2 + 2 * at;
        const bad = `${good.slice(0, i)}${(parseInt(good.slice(i, i + 2), 16) ^ xor).toString(16).padStart(2, '0')}${good.slice(i + 2)}` as Hex;
        expect(stepOf(() => verifyHyperlaneMessage({ message: messages[4]!, metadata: bad, ism: 'messageIdMultisig', validators, merkleTreeHook: hook }))).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe('verifyHyperlaneMessage: MerkleRootMultisigIsm', () => {
  const digest = messageIdDigest(signedIndex, signedId);
  const metadata = (messageIndex: number, proof: Hex[], sigs: Hex[]) =>
    encodeMerkleRootMultisigMetadata({ originMerkleTreeHook: hook, messageIndex, signedMessageId: signedId, proof, signedIndex, signatures: sigs });

  it('proves an earlier message into the root signed at a later index', () => {
    for (const i of [0, 2, 4]) {
      const verified = verifyHyperlaneMessage({ message: messages[i]!, metadata: metadata(i, tree.proof(i), sign(digest, [1, 2, 3])), ism: 'merkleRootMultisig', validators });
      expect(verified.root).toBe(root);
      expect(verified.checkpointIndex).toBe(4);
    }
  });

  it('refuses a wrong branch, a message index after the signed index, and unsigned roots', () => {
    expect(stepOf(() => verifyHyperlaneMessage({ message: messages[1]!, metadata: metadata(1, tree.proof(2), sign(digest, [0, 1, 2])), ism: 'merkleRootMultisig', validators }))).toBe(
      'hyperlane-signature',
    );
    expect(stepOf(() => verifyHyperlaneMessage({ message: messages[1]!, metadata: metadata(5, tree.proof(1), sign(digest, [0, 1, 2])), ism: 'merkleRootMultisig', validators }))).toBe(
      'hyperlane-metadata',
    );
    const other = keccak256('0x01');
    expect(stepOf(() => verifyHyperlaneMessage({ message: messages[1]!, metadata: metadata(1, tree.proof(1), sign(messageIdDigest(4, other), [0, 1, 2])), ism: 'merkleRootMultisig', validators }))).toBe(
      'hyperlane-signature',
    );
  });
});
