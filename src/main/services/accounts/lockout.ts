/**
 * Sign-in throttling (docs/accounts.md), as pure functions over one account's counters: 5 failures inside
 * 15 minutes lock the account; each lockout in a row lasts twice the previous (1 min, 2, 4 … capped
 * at 1 h). A successful sign-in or an admin's unlock clears everything.
 */
export const FAILURES_BEFORE_LOCKOUT = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const FIRST_LOCKOUT_MS = 60_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

export interface ThrottleState {
  failedLoginCount: number;
  failedWindowStartedAt: number | null;
  lockedUntil: number | null;
  lockoutCount: number;
}

export const CLEARED_THROTTLE: ThrottleState = {
  failedLoginCount: 0,
  failedWindowStartedAt: null,
  lockedUntil: null,
  lockoutCount: 0,
};

export function lockedUntil(state: ThrottleState, now: number): number | null {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

export function lockoutDurationMs(lockoutCount: number): number {
  return Math.min(FIRST_LOCKOUT_MS * 2 ** Math.max(0, lockoutCount - 1), MAX_LOCKOUT_MS);
}

/** The counters after one more failure; `lockedNowUntil` is set when this failure starts a lockout. */
export function afterFailure(state: ThrottleState, now: number): { state: ThrottleState; lockedNowUntil: number | null } {
  const windowOpen = state.failedWindowStartedAt !== null && now - state.failedWindowStartedAt < FAILURE_WINDOW_MS;
  const failedLoginCount = windowOpen ? state.failedLoginCount + 1 : 1;
  const failedWindowStartedAt = windowOpen ? state.failedWindowStartedAt : now;
  if (failedLoginCount < FAILURES_BEFORE_LOCKOUT) {
    return { state: { ...state, failedLoginCount, failedWindowStartedAt }, lockedNowUntil: null };
  }
  const lockoutCount = state.lockoutCount + 1;
  const until = now + lockoutDurationMs(lockoutCount);
  return {
    state: { failedLoginCount: 0, failedWindowStartedAt: null, lockedUntil: until, lockoutCount },
    lockedNowUntil: until,
  };
}

/**
 * The same counters for emails that have no account, kept in memory: without them, "locked" would
 * only ever be said about real accounts and a few attempts would tell which emails exist.
 */
export class PhantomThrottle {
  private readonly states = new Map<string, ThrottleState>();

  constructor(private readonly maxEntries = 10_000) {}

  lockedUntil(key: string, now: number): number | null {
    const state = this.states.get(key);
    return state ? lockedUntil(state, now) : null;
  }

  fail(key: string, now: number): number | null {
    const { state, lockedNowUntil } = afterFailure(this.states.get(key) ?? CLEARED_THROTTLE, now);
    this.states.delete(key);
    if (this.states.size >= this.maxEntries) {
      // forget the oldest entry (Map keeps insertion order) so a flood of emails cannot grow memory
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
    this.states.set(key, state);
    return lockedNowUntil;
  }
}
