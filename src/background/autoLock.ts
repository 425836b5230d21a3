import type { Platform } from './platform';

export const AUTO_LOCK_ALARM = 'era-auto-lock';
const DEADLINE_KEY = 'lock.deadline';
/** Activity within this long of the last extension does not rewrite the deadline. */
const TOUCH_GRANULARITY_MS = 15_000;

/**
 * Locks after N idle minutes. The deadline lives in session storage and the alarm in chrome.alarms,
 * so a stopped-and-restarted worker still locks on time.
 */
export type AutoLock = {
  /** Starts (or extends) the idle timer after unlock or activity. */
  arm(): Promise<void>;
  touch(): Promise<void>;
  disarm(): Promise<void>;
  /** Alarm fired or worker started: lock if the deadline has passed. */
  check(): Promise<void>;
};

export function createAutoLock(deps: {
  platform: Pick<Platform, 'alarms' | 'session' | 'now'>;
  minutes(): Promise<number>;
  isUnlocked(): Promise<boolean>;
  lock(): Promise<void>;
}): AutoLock {
  const { alarms, session } = deps.platform;
  let lastArmed = 0;
  const arm = async () => {
    const now = deps.platform.now();
    const deadline = now + (await deps.minutes()) * 60_000;
    lastArmed = now;
    await session.set(DEADLINE_KEY, deadline);
    await alarms.create(AUTO_LOCK_ALARM, deadline);
  };
  return {
    arm,
    touch: async () => {
      if (deps.platform.now() - lastArmed < TOUCH_GRANULARITY_MS) return;
      if (await deps.isUnlocked()) await arm();
    },
    disarm: async () => {
      lastArmed = 0;
      await session.remove(DEADLINE_KEY);
      await alarms.clear(AUTO_LOCK_ALARM);
    },
    check: async () => {
      if (!(await deps.isUnlocked())) return;
      const deadline = await session.get<number>(DEADLINE_KEY);
      if (typeof deadline !== 'number') return void (await arm());
      if (deps.platform.now() >= deadline) await deps.lock();
      else await alarms.create(AUTO_LOCK_ALARM, deadline);
    },
  };
}
