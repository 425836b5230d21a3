export * from './message.js';
export * from './checkpoint.js';
export * from './merkleTree.js';
export * from './metadata.js';
