import type { EquivocationEvidence } from './equivocation.js';

/** Which check of the light verification core failed; the UI maps it to a precise warning. */
export type VerificationStep =
  | 'format'
  | 'network'
  | 'guardian-set'
  | 'signer-bitmap'
  | 'stake-threshold'
  | 'checkpoint-signature'
  | 'rollback'
  | 'equivocation'
  | 'inclusion'
  | 'hyperlane-metadata'
  | 'hyperlane-inclusion'
  | 'hyperlane-signature'
  | 'hyperlane-threshold'
  | 'header'
  | 'mpt'
  | 'account'
  | 'storage';

/** Base of every verification failure: a short message, the failing `step`, details and a cause. */
export class VerificationError extends Error {
  override name = 'VerificationError';
  readonly step: VerificationStep;
  readonly details: string;

  constructor(step: VerificationStep, message: string, details: string, options?: { cause?: unknown }) {
    super(details ? `${message} ${details}` : message, options);
    this.step = step;
    this.details = details;
  }
}

/** Input could not be parsed as the spec's format (the cause is a MetalayerFormatError). */
export class MalformedInputError extends VerificationError {
  override name = 'MalformedInputError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('format', 'Malformed verification input.', details, options);
  }
}

/** The data belongs to another Metalayer network than the pinned one. */
export class NetworkMismatchError extends VerificationError {
  override name = 'NetworkMismatchError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('network', 'Wrong Metalayer network.', details, options);
  }
}

/** A checkpoint names a guardian set the wallet has not accepted (or not for that epoch). */
export class UnknownGuardianSetError extends VerificationError {
  override name = 'UnknownGuardianSetError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('guardian-set', 'Unknown guardian set.', details, options);
  }
}

/** A hand-over or genesis set does not chain from the pinned genesis. */
export class GuardianSetUpdateError extends VerificationError {
  override name = 'GuardianSetUpdateError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('guardian-set', 'Guardian set update refused.', details, options);
  }
}

/** The signer bitmap has the wrong length, padding bits or no signer. */
export class SignerBitmapError extends VerificationError {
  override name = 'SignerBitmapError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('signer-bitmap', 'Invalid signer bitmap.', details, options);
  }
}

/** The signers hold less than 2/3 of the set's stake (or fewer than the ECDSA threshold). */
export class StakeThresholdError extends VerificationError {
  override name = 'StakeThresholdError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('stake-threshold', 'Not enough guardian stake signed.', details, options);
  }
}

/** The BLS aggregate (or an ECDSA signature) does not verify. */
export class CheckpointSignatureError extends VerificationError {
  override name = 'CheckpointSignatureError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('checkpoint-signature', 'Invalid guardian signature.', details, options);
  }
}

/** The checkpoint is older than the caller allows: no silent rollback. */
export class RollbackError extends VerificationError {
  override name = 'RollbackError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('rollback', 'Checkpoint older than the finalized view.', details, options);
  }
}

/** The rollup head is not included in the checkpoint's aggregate root. */
export class InclusionProofError extends VerificationError {
  override name = 'InclusionProofError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('inclusion', 'Rollup head not in the checkpoint.', details, options);
  }
}

/** ISM metadata or message bytes are malformed or inconsistent. */
export class HyperlaneMetadataError extends VerificationError {
  override name = 'HyperlaneMetadataError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('hyperlane-metadata', 'Invalid Hyperlane ISM metadata.', details, options);
  }
}

/** A Hyperlane message is not included in the signed Merkle root. */
export class HyperlaneInclusionError extends VerificationError {
  override name = 'HyperlaneInclusionError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('hyperlane-inclusion', 'Message not in the signed Merkle root.', details, options);
  }
}

/** A validator signature is malformed, out of validator order or from a non-validator. */
export class HyperlaneSignatureError extends VerificationError {
  override name = 'HyperlaneSignatureError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('hyperlane-signature', 'Invalid Hyperlane validator signature.', details, options);
  }
}

/** Fewer signatures than the ISM threshold. */
export class HyperlaneThresholdError extends VerificationError {
  override name = 'HyperlaneThresholdError';
  constructor(details: string, options?: { cause?: unknown }) {
    super('hyperlane-threshold', 'Too few Hyperlane validator signatures.', details, options);
  }
}

/** Two valid checkpoints of one (networkId, epoch, guardianSetId) with different roots: both are refused. */
export class EquivocationError extends VerificationError {
  override name = 'EquivocationError';
  readonly evidence: EquivocationEvidence;
  constructor(details: string, evidence: EquivocationEvidence, options?: { cause?: unknown }) {
    super('equivocation', 'Guardians signed conflicting checkpoints.', details, options);
    this.evidence = evidence;
  }
}
