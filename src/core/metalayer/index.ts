// The one implementation of the wire formats of shared/spec/metalayer.md, used by the devnet and the verifier.
export type * from './types.js';
export { MetalayerFormatError } from './errors.js';
export { MAX_GUARDIANS, assertGuardianSet, guardianSetHash, meetsStakeThreshold, totalStake } from './guardianSet.js';
export { aggregateRootFromProof, aggregateTreeDepth, buildAggregateTree, rollupLeaf, type AggregateTree } from './rollupTree.js';
export { CHECKPOINT_DOMAIN, GUARDIAN_SET_DOMAIN, checkpointSigningRoot, guardianSetUpdateSigningRoot } from './signingRoot.js';
export { decodeSignerBitmap, encodeSignerBitmap } from './signerBitmap.js';
export { BLS_DST, blsAggregate, blsMessagePoint, blsPublicKey, blsSign } from './bls.js';
export { ecdsaSignDigest, guardianEcdsaDigest, guardianEcdsaSign, recoverEcdsaSigner } from './ecdsa.js';
export * from './json.js';
export * from './signCheckpoint.js';
export * from './hyperlane/index.js';
