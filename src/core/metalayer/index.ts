// The one implementation of the wire formats of shared/spec/metalayer.md, used by the devnet and the verifier.
export type * from './types.js';
export { MetalayerFormatError } from './errors.js';
export { MAX_GUARDIANS, assertGuardianSet, guardianSetHash, meetsStakeThreshold, totalStake } from './guardianSet.js';
export { aggregateRootFromProof, aggregateTreeDepth, buildAggregateTree, rollupLeaf, type AggregateTree } from './rollupTree.js';
export { BLS_DST, CHECKPOINT_DOMAIN, GUARDIAN_SET_DOMAIN, checkpointSigningRoot, guardianSetUpdateSigningRoot } from './signingRoot.js';
export { decodeSignerBitmap, encodeSignerBitmap } from './signerBitmap.js';
export { blsAggregate, blsMessagePoint, blsPublicKey, blsSign } from './bls.js';
export { eip191Digest, guardianEcdsaDigest, recoverEcdsaSigner } from './ecdsa.js';
export { ecdsaSignDigest, guardianEcdsaSign } from './ecdsaSign.js';
export * from './json.js';
export * from './signCheckpoint.js';
export * from './hyperlane/index.js';
