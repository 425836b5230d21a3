import type { Address, Hex } from 'viem';
import {
  branchRoot,
  checkpointDigest,
  decodeHyperlaneMessage,
  decodeMerkleRootMultisigMetadata,
  decodeMessageIdMultisigMetadata,
  hyperlaneMessageId,
  HYPERLANE_MESSAGE_VERSION,
  MetalayerFormatError,
  recoverEcdsaSigner,
  toBytes32,
  type HyperlaneMessage,
} from '../metalayer/index.js';
import { ecdsaThreshold } from './checkpoint.js';
import {
  HyperlaneInclusionError,
  HyperlaneMetadataError,
  HyperlaneSignatureError,
  HyperlaneThresholdError,
  VerificationError,
} from './errors.js';

/** Which Hyperlane multisig ISM the metadata is laid out for. */
export type HyperlaneIsmKind = 'messageIdMultisig' | 'merkleRootMultisig';

export type VerifyHyperlaneMessageParameters = {
  /** The dispatched message bytes (77-byte header ‖ body). */
  message: Hex;
  metadata: Hex;
  ism: HyperlaneIsmKind;
  /** The ISM's validators, in its order. */
  validators: readonly Address[];
  /** Defaults to ⌈2n/3⌉ (spec B). */
  threshold?: number;
  /** The origin's MerkleTreeHook from the registry; metadata naming another hook is refused. */
  merkleTreeHook?: Hex;
  /** messageIdMultisig only: proof that the message is leaf `index` of the signed root. */
  inclusion?: { index: number; proof: readonly Hex[] };
};

export type VerifiedHyperlaneMessage = {
  message: HyperlaneMessage;
  messageId: Hex;
  /** The Merkle root the validators signed, and its checkpoint index. */
  root: Hex;
  checkpointIndex: number;
  digest: Hex;
  /** Recovered signers, in validator order (the first `threshold` signatures). */
  signers: Address[];
};

/** Checks that `messageId` is leaf `index` of the Hyperlane tree with `root` (Merkle.sol branchRoot). */
export function verifyHyperlaneInclusion(p: { messageId: Hex; index: number; proof: readonly Hex[]; root: Hex }): void {
  let root: Hex;
  try {
    root = branchRoot(p.messageId, p.proof, p.index);
  } catch (cause) {
    throw new HyperlaneInclusionError((cause as Error).message, { cause });
  }
  if (root.toLowerCase() !== p.root.toLowerCase())
    throw new HyperlaneInclusionError(`Message ${p.messageId} at index ${p.index} folds to ${root}, not ${p.root}.`);
}

/**
 * AbstractMultisigIsm.verify: the first `threshold` signatures must recover (OpenZeppelin rules) to
 * validators in strictly increasing validator order, so each signer is distinct.
 */
export function verifyValidatorSignatures(digest: Hex, signatures: readonly Hex[], validators: readonly Address[], threshold: number): Address[] {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > validators.length || threshold > 255)
    throw new HyperlaneThresholdError(`Threshold ${threshold} is not in 1..${Math.min(validators.length, 255)}.`);
  if (signatures.length < threshold) throw new HyperlaneThresholdError(`${signatures.length} signatures; the threshold is ${threshold}.`);
  const list = validators.map((v) => v.toLowerCase());
  const signers: Address[] = [];
  let v = 0;
  for (let i = 0; i < threshold; i++) {
    const signer = recoverEcdsaSigner(digest, signatures[i]!);
    if (!signer) throw new HyperlaneSignatureError(`Signature ${i} is malformed or not canonical.`);
    while (v < list.length && list[v] !== signer.toLowerCase()) v++;
    if (v === list.length) throw new HyperlaneSignatureError(`Signature ${i} is from ${signer}: not a validator, a repeat, or out of validator order.`);
    signers.push(signer);
    v++;
  }
  return signers;
}

/** Verifies a Hyperlane message and its ISM metadata exactly as MessageIdMultisigIsm / MerkleRootMultisigIsm do. */
export function verifyHyperlaneMessage(p: VerifyHyperlaneMessageParameters): VerifiedHyperlaneMessage {
  let message: HyperlaneMessage;
  let hook: Hex;
  let root: Hex;
  let checkpointIndex: number;
  let signedMessageId: Hex;
  let signatures: readonly Hex[];
  const messageId = hyperlaneMessageId(p.message);
  try {
    message = decodeHyperlaneMessage(p.message);
    // The ISM does not look at the version, but the Mailbox refuses anything but v3: so do we.
    if (message.version !== HYPERLANE_MESSAGE_VERSION) throw new HyperlaneMetadataError(`Message version ${message.version} is not ${HYPERLANE_MESSAGE_VERSION}.`);
    if (p.ism === 'messageIdMultisig') {
      const m = decodeMessageIdMultisigMetadata(p.metadata);
      ({ root, signatures } = m);
      hook = m.originMerkleTreeHook;
      checkpointIndex = m.index;
      signedMessageId = messageId;
    } else {
      const m = decodeMerkleRootMultisigMetadata(p.metadata);
      if (m.messageIndex > m.signedIndex)
        throw new HyperlaneMetadataError(`Message index ${m.messageIndex} is after the signed index ${m.signedIndex}.`);
      hook = m.originMerkleTreeHook;
      // The ISM proves the message into the root the validators signed (for a later message).
      root = branchRoot(messageId, m.proof, m.messageIndex);
      checkpointIndex = m.signedIndex;
      signedMessageId = m.signedMessageId;
      signatures = m.signatures;
    }
    if (p.merkleTreeHook !== undefined && hook !== toBytes32(p.merkleTreeHook))
      throw new HyperlaneMetadataError(`Metadata names hook ${hook}, the registry ${p.merkleTreeHook}.`);
  } catch (cause) {
    if (cause instanceof VerificationError) throw cause;
    throw new HyperlaneMetadataError(cause instanceof MetalayerFormatError ? cause.message : 'Malformed message or metadata.', { cause });
  }
  if (p.inclusion) {
    if (p.inclusion.index > checkpointIndex)
      throw new HyperlaneInclusionError(`Leaf ${p.inclusion.index} is after the signed checkpoint index ${checkpointIndex}.`);
    verifyHyperlaneInclusion({ messageId, index: p.inclusion.index, proof: p.inclusion.proof, root });
  }
  const digest = checkpointDigest({ origin: message.origin, merkleTreeHook: hook, root, index: checkpointIndex, messageId: signedMessageId });
  const signers = verifyValidatorSignatures(digest, signatures, p.validators, p.threshold ?? ecdsaThreshold(p.validators.length));
  return { message, messageId, root, checkpointIndex, digest, signers };
}
