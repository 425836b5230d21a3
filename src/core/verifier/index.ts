// Light verification core. Consensus half (H1): checkpoints, guardian sets, inclusion, equivocation, Hyperlane.
export * from './errors.js';
export * from './merkle.js';
export * from './bls.js';
export * from './guardianSetRegistry.js';
export * from './checkpoint.js';
export * from './equivocation.js';
export * from './hyperlane.js';
// State half (H2): RLP, Merkle-Patricia proofs, headers, accounts, storage, proven values.
export * from './rlp.js';
export * from './mpt.js';
export * from './header.js';
export * from './accountProof.js';
export * from './storageProof.js';
export * from './provenValue.js';
export * from './proveNativeBalance.js';
export * from './proveTokenBalance.js';
export * from './proveStorage.js';
