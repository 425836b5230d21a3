/** Base for every vault error: a short message, machine-readable details and the cause. */
export class VaultError extends Error {
  override name = 'VaultError';
  readonly details: Record<string, unknown>;
  constructor(message: string, opts: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.details = opts.details ?? {};
  }
}

export type MnemonicProblem = 'word_count' | 'unknown_word' | 'checksum';

export class InvalidMnemonicError extends VaultError {
  override name = 'InvalidMnemonicError';
  readonly problem: MnemonicProblem;
  constructor(problem: MnemonicProblem, message: string, details: Record<string, unknown> = {}) {
    super(message, { details: { problem, ...details } });
    this.problem = problem;
  }
}

export class InvalidPrivateKeyError extends VaultError {
  override name = 'InvalidPrivateKeyError';
}

export class WeakPasswordError extends VaultError {
  override name = 'WeakPasswordError';
}

/** The password did not decrypt the vault (AES-GCM authentication failed). */
export class WrongPasswordError extends VaultError {
  override name = 'WrongPasswordError';
}

export class VaultFormatError extends VaultError {
  override name = 'VaultFormatError';
}
