// Differential test: our Hyperlane ISM verification against Hyperlane's own StaticMessageIdMultisigIsm and
// StaticMerkleRootMultisigIsm bytecode (@hyperlane-xyz/core 12.1.0) on a real anvil chain.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { decodeFunctionResult, encodeFunctionData, getAddress, numberToHex, parseAbi, toHex, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sendTx, startAnvil, type AnvilChain } from './anvil.fixture.js';
import { makeGuardianSet } from './guardians.fixture.js';
import { verifyHyperlaneMessage, type HyperlaneIsmKind } from './hyperlane.js';

const FACTORIES = new URL('../../../node_modules/@hyperlane-xyz/core/dist/typechain/factories/contracts/isms/multisig/StaticMultisigIsm.sol/', import.meta.url);
/** Creation bytecode from a typechain factory, read as text (the factories import ethers v5, not installed). */
const bytecodeOf = (file: string): Hex => {
  const match = /const _bytecode =\s*"(0x[0-9a-fA-F]+)"/.exec(readFileSync(new URL(file, FACTORIES), 'utf8'));
  if (!match) throw new Error(`no bytecode in ${file}`);
  return match[1] as Hex;
};
const factoryAbi = parseAbi(['function deploy(address[] values, uint8 threshold) returns (address)', 'function getAddress(address[] values, uint8 threshold) view returns (address)']);
const ismAbi = parseAbi(['function verify(bytes metadata, bytes message) view returns (bool)']);

const { set, signers } = makeGuardianSet(0n, 4, 'ism-validators');
const validators: Address[] = set.guardians.map((g) => g.ecdsa);
const outsiderKey = makeGuardianSet(1n, 1, 'ism-outsider').signers[0]!.ecdsaSecretKey!;
const hook = toBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3');
const ORIGIN = 901;

const tree = new IncrementalMerkleTree();
const messages = Array.from({ length: 6 }, (_, nonce) =>
  encodeHyperlaneMessage({
    version: 3,
    nonce,
    origin: ORIGIN,
    sender: toBytes32('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
    destination: 900,
    recipient: toBytes32('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'),
    body: toHex(`message ${nonce}`),
  }),
);
messages.forEach((m) => tree.insert(hyperlaneMessageId(m)));
const root = tree.root();
const SIGNED = 5;
const signedId = hyperlaneMessageId(messages[SIGNED]!);
const digest = checkpointDigest({ origin: ORIGIN, merkleTreeHook: hook, root, index: SIGNED, messageId: signedId });
const sigsBy = (who: number[], d: Hex = digest) => who.map((i) => (i < 0 ? ecdsaSignDigest(d, outsiderKey) : ecdsaSignDigest(d, signers[i]!.ecdsaSecretKey!)));
const highS = (sig: Hex): Hex => {
  const s = BigInt(`0x${sig.slice(66, 130)}`);
  const v = parseInt(sig.slice(130), 16);
  return `${sig.slice(0, 66)}${numberToHex(secp256k1.Point.CURVE().n - s, { size: 32 }).slice(2)}${(v === 27 ? 28 : 27).toString(16)}` as Hex;
};

let chain: AnvilChain;
const isms = {} as Record<HyperlaneIsmKind, Record<number, Address>>;

async function deployIsm(factoryFile: string, threshold: number): Promise<Address> {
  const receipt = await sendTx(chain, { from: chain.accounts[0]!, data: bytecodeOf(factoryFile) });
  const factory = getAddress(receipt.contractAddress!);
  await sendTx(chain, { from: chain.accounts[0]!, to: factory, data: encodeFunctionData({ abi: factoryAbi, functionName: 'deploy', args: [validators, threshold] }) });
  const out = (await chain.request({
    method: 'eth_call',
    params: [{ to: factory, data: encodeFunctionData({ abi: factoryAbi, functionName: 'getAddress', args: [validators, threshold] }) }, 'latest'],
  })) as Hex;
  return decodeFunctionResult({ abi: factoryAbi, functionName: 'getAddress', data: out });
}

beforeAll(async () => {
  chain = await startAnvil(ORIGIN);
  try {
    isms.messageIdMultisig = { 2: await deployIsm('StaticMessageIdMultisigIsmFactory__factory.js', 2), 3: await deployIsm('StaticMessageIdMultisigIsmFactory__factory.js', 3) };
    isms.merkleRootMultisig = { 2: await deployIsm('StaticMerkleRootMultisigIsmFactory__factory.js', 2), 3: await deployIsm('StaticMerkleRootMultisigIsmFactory__factory.js', 3) };
  } catch (error) {
    await chain.stop();
    throw error;
  }
});
afterAll(async () => {
  await chain?.stop();
});

async function onChain(ism: HyperlaneIsmKind, threshold: number, metadata: Hex, message: Hex): Promise<boolean> {
  try {
    const out = (await chain.request({
      method: 'eth_call',
      params: [{ to: isms[ism][threshold], data: encodeFunctionData({ abi: ismAbi, functionName: 'verify', args: [metadata, message] }) }, 'latest'],
    })) as Hex;
    return decodeFunctionResult({ abi: ismAbi, functionName: 'verify', data: out });
  } catch {
    return false; // reverted
  }
}
function ours(ism: HyperlaneIsmKind, threshold: number, metadata: Hex, message: Hex): boolean {
  try {
    verifyHyperlaneMessage({ ism, metadata, message, validators, threshold });
    return true;
  } catch {
    return false;
  }
}

type Case = { name: string; ism: HyperlaneIsmKind; threshold: number; metadata: Hex; message: Hex; expected: boolean };
const idMeta = (sigs: Hex[], index = SIGNED, r = root) => encodeMessageIdMultisigMetadata({ originMerkleTreeHook: hook, root: r, index, signatures: sigs });
const rootMeta = (messageIndex: number, sigs: Hex[], proofOf = messageIndex, signedIndex = SIGNED) =>
  encodeMerkleRootMultisigMetadata({ originMerkleTreeHook: hook, messageIndex, signedMessageId: signedId, proof: tree.proof(proofOf), signedIndex, signatures: sigs });
const good = sigsBy([0, 1, 3]);
const cases: Case[] = [
  { name: 'id: valid', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(good), message: messages[SIGNED]!, expected: true },
  { name: 'id: trailing junk beyond threshold', ism: 'messageIdMultisig', threshold: 2, metadata: idMeta([...sigsBy([1, 2]), `0x${'00'.repeat(65)}`]), message: messages[SIGNED]!, expected: true },
  { name: 'id: out of order', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(sigsBy([1, 0, 3])), message: messages[SIGNED]!, expected: false },
  { name: 'id: repeated signer', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(sigsBy([0, 0, 3])), message: messages[SIGNED]!, expected: false },
  { name: 'id: non-validator', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(sigsBy([0, -1, 3])), message: messages[SIGNED]!, expected: false },
  { name: 'id: too few', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(sigsBy([0, 1])), message: messages[SIGNED]!, expected: false },
  { name: 'id: high-s signature', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta([good[0]!, highS(good[1]!), good[2]!]), message: messages[SIGNED]!, expected: false },
  { name: 'id: other message', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(good), message: messages[2]!, expected: false },
  { name: 'id: other index', ism: 'messageIdMultisig', threshold: 3, metadata: idMeta(good, 4), message: messages[SIGNED]!, expected: false },
  { name: 'root: valid, earlier message', ism: 'merkleRootMultisig', threshold: 3, metadata: rootMeta(1, good), message: messages[1]!, expected: true },
  { name: 'root: valid, signed message itself', ism: 'merkleRootMultisig', threshold: 2, metadata: rootMeta(SIGNED, sigsBy([2, 3])), message: messages[SIGNED]!, expected: true },
  { name: 'root: wrong branch', ism: 'merkleRootMultisig', threshold: 3, metadata: rootMeta(1, good, 2), message: messages[1]!, expected: false },
  { name: 'root: message index after signed index', ism: 'merkleRootMultisig', threshold: 3, metadata: rootMeta(1, good, 1, 0), message: messages[1]!, expected: false },
  { name: 'root: out of order', ism: 'merkleRootMultisig', threshold: 3, metadata: rootMeta(1, sigsBy([3, 1, 0])), message: messages[1]!, expected: false },
];

describe('our ISM verification agrees with Hyperlane’s contracts on anvil', () => {
  for (const c of cases) {
    it(c.name, async () => {
      expect(await onChain(c.ism, c.threshold, c.metadata, c.message)).toBe(c.expected);
      expect(ours(c.ism, c.threshold, c.metadata, c.message)).toBe(c.expected);
    });
  }

  it('property: any single-byte change of valid metadata gets the same verdict from both', async () => {
    const base = { id: idMeta(good), root: rootMeta(1, good) };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(1300), fc.integer({ min: 1, max: 255 }), async (useId, at, xor) => {
        const metadata = useId ? base.id : base.root;
        const i = 2 + 2 * (at % ((metadata.length - 2) / 2));
        const bad = `${metadata.slice(0, i)}${(parseInt(metadata.slice(i, i + 2), 16) ^ xor).toString(16).padStart(2, '0')}${metadata.slice(i + 2)}` as Hex;
        const ism: HyperlaneIsmKind = useId ? 'messageIdMultisig' : 'merkleRootMultisig';
        const message = useId ? messages[SIGNED]! : messages[1]!;
        expect(ours(ism, 3, bad, message)).toBe(await onChain(ism, 3, bad, message));
      }),
      { numRuns: 40 },
    );
  });
});
