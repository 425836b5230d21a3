export * from './eip1193Provider';
export * from './eip6963';
