/** Invalid input for a chain (a /v1/network entry, wallet_addEthereumChain params, devnet.json). */
export class ChainValidationError extends Error {
  override name = 'ChainValidationError';
  /** EIP-1193 / JSON-RPC code the provider answers with: invalid params. */
  readonly code = -32602;
  readonly details: string;
  constructor(message: string, opts: { details?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.details = opts.details ?? message;
  }
}

/** A chain id that is already in the registry from another origin. */
export class ChainExistsError extends Error {
  override name = 'ChainExistsError';
  readonly code = -32602;
  readonly details: string;
  constructor(readonly chainId: number, opts: { details?: string } = {}) {
    super(`Chain ${chainId} is already known`);
    this.details = opts.details ?? `chain ${chainId} exists in the registry`;
  }
}

/** A lookup for a chain id the registry does not have. EIP-3326 code for an unrecognized chain. */
export class UnknownChainError extends Error {
  override name = 'UnknownChainError';
  readonly code = 4902;
  readonly details: string;
  constructor(readonly chainId: number) {
    super(`Unrecognized chain ${chainId}`);
    this.details = `no chain with id ${chainId} in the registry`;
  }
}
