// Light verification core: consensus half (H1) and state half (H2).
export * from './errors.js';
export * from './merkle.js';
export * from './bls.js';
export * from './guardianSetRegistry.js';
export * from './checkpoint.js';
export * from './equivocation.js';
export * from './hyperlane.js';
