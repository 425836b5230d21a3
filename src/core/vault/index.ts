export * from './accounts';
export * from './encryption';
export * from './errors';
export * from './keyring';
export * from './mnemonic';
export * from './password';
export * from './unlockThrottle';
