/** A short, human sentence for an error crossing from the background (MessageError) or thrown locally. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

/** The background's error code (e.g. 'WRONG_PASSWORD'), when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error) return String(error.code);
  return undefined;
}

/** Milliseconds the background asks us to wait before the next unlock attempt (0 when none). */
export function retryAfterMs(error: unknown): number {
  if (!error || typeof error !== 'object') return 0;
  const direct = 'retryAfterMs' in error ? Number(error.retryAfterMs) : NaN;
  if (Number.isFinite(direct)) return direct;
  const data = 'data' in error && error.data && typeof error.data === 'object' ? error.data : null;
  const nested = data && 'retryAfterMs' in data ? Number(data.retryAfterMs) : NaN;
  return Number.isFinite(nested) ? nested : 0;
}
