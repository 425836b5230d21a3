/** Codes the background answers with; the UI branches on them, so they are part of the contract. */
export type MessageErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_MESSAGE'
  | 'FORBIDDEN_SENDER'
  | 'NOT_INITIALIZED'
  | 'ALREADY_INITIALIZED'
  | 'LOCKED'
  | 'WRONG_PASSWORD'
  | 'WEAK_PASSWORD'
  | 'INVALID_MNEMONIC'
  | 'INVALID_PRIVATE_KEY'
  | 'DUPLICATE_ACCOUNT'
  | 'UNKNOWN_ACCOUNT'
  | 'UNKNOWN_APPROVAL'
  | 'APPROVAL_BLOCKED'
  | 'UNKNOWN_CHAIN'
  | 'INVALID_ADDRESS'
  | 'CHAIN_UNAVAILABLE'
  | 'NO_RESPONSE'
  | 'INTERNAL';

/** The serialized form of an error crossing the extension boundary: `{ error: ErrorPayload }`. */
export type ErrorPayload = {
  code: MessageErrorCode;
  message: string;
  /** Set with WRONG_PASSWORD: how long until the next attempt is allowed (0 = now). */
  retryAfterMs?: number;
  /** Machine-readable specifics, e.g. `{ word: 'foo', position: 3 }` for INVALID_MNEMONIC. */
  details?: Record<string, unknown>;
};

export type MessageErrorType = MessageError;

/** Thrown by `send()` in the UI, and by background handlers to answer with a typed error. */
export class MessageError extends Error {
  override name = 'MessageError';
  readonly code: MessageErrorCode;
  readonly retryAfterMs?: number;
  readonly details?: Record<string, unknown>;

  constructor(
    code: MessageErrorCode,
    message: string,
    opts: { retryAfterMs?: number; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
    if (opts.details !== undefined) this.details = opts.details;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.details !== undefined) payload.details = this.details;
    return payload;
  }

  static fromPayload(payload: ErrorPayload): MessageError {
    return new MessageError(payload.code, payload.message, {
      ...(payload.retryAfterMs !== undefined ? { retryAfterMs: payload.retryAfterMs } : {}),
      ...(payload.details !== undefined ? { details: payload.details } : {}),
    });
  }
}
