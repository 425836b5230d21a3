/** Failed-unlock bookkeeping, persisted by the background so a worker restart does not reset it. */
export type UnlockThrottleState = { failures: number; lastFailureAt: number };

export const INITIAL_UNLOCK_THROTTLE: UnlockThrottleState = { failures: 0, lastFailureAt: 0 };

/** Free attempts before delays start; then 1 s, 2 s, 4 s … capped at 5 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60_000;

export function unlockDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Milliseconds until the next attempt is allowed (0 = now). */
export function unlockRetryAfterMs(state: UnlockThrottleState, now: number): number {
  return Math.max(0, state.lastFailureAt + unlockDelayMs(state.failures) - now);
}

export function recordUnlockFailure(state: UnlockThrottleState, now: number): UnlockThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now };
}
