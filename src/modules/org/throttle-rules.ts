/**
 * Sign-in throttling, as pure rules: how many failures a key (an account as typed, or a client
 * address) may have before each further attempt must wait (backoff), and when it is locked out.
 * Every attempt counts as a failure until it succeeds (so that parallel guesses are counted before
 * the password is checked); attempts refused while waiting count too, so hammering ends in a lockout.
 */
export interface ThrottlePolicy {
  /** Attempts in a window that need not wait. */
  free: number;
  /** Failures in one window that lock the key. */
  lockAfter: number;
  windowMs: number;
  lockMs: number;
  /** The longest backoff between two attempts. */
  maxDelayMs: number;
}

const MINUTE = 60_000;

/** 5 failures for one account in 15 minutes lock it for 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  free: 3,
  lockAfter: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxDelayMs: MINUTE,
};

/** One address may fail more (colleagues behind one NAT), but a spray of usernames locks it. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 10,
  lockAfter: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxDelayMs: MINUTE,
};

export interface ThrottleState {
  failures: number;
  windowStart: number;
  lastAttemptAt: number;
  lockedUntil: number | null;
}

/** The same account however it is typed: `Alice `, `alice` and `ａｌｉｃｅ` share one counter. */
export const accountKey = (username: string) => `account:${username.normalize('NFKC').trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** How long after the last attempt the one after `failures` failures must wait: nothing, then 1 s, 2 s, 4 s … */
export function backoffMs(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(1000 * 2 ** (failures - policy.free), policy.maxDelayMs);
}

export interface AttemptVerdict {
  next: ThrottleState;
  /** 0 when the attempt may go ahead; otherwise how long the caller must wait. */
  retryAfterMs: number;
  /** This attempt locked the key. */
  locked: boolean;
}

/** Count one attempt against a key: refused while locked or backing off, counted either way. */
export function countAttempt(
  policy: ThrottlePolicy,
  state: ThrottleState | undefined,
  now: number,
): AttemptVerdict {
  if (state?.lockedUntil && state.lockedUntil > now)
    return { next: state, retryAfterMs: state.lockedUntil - now, locked: false };
  const fresh = !state || state.lockedUntil !== null || now - state.windowStart >= policy.windowMs;
  const before = fresh ? { failures: 0, windowStart: now, lastAttemptAt: now, lockedUntil: null } : state;
  const failures = before.failures + 1;
  if (before.lastAttemptAt + backoffMs(policy, before.failures) <= now)
    return { next: { ...before, failures, lastAttemptAt: now }, retryAfterMs: 0, locked: false };
  if (failures >= policy.lockAfter) {
    const next = { ...before, failures, lockedUntil: now + policy.lockMs };
    return { next, retryAfterMs: policy.lockMs, locked: true };
  }
  // A refused attempt counts but does not restart the wait: waiting as told is enough.
  const next = { ...before, failures };
  return { next, retryAfterMs: next.lastAttemptAt + backoffMs(policy, failures) - now, locked: false };
}

/** After a failed attempt that was let through: lock the key when it has failed often enough. */
export const shouldLock = (policy: ThrottlePolicy, state: ThrottleState, now: number) =>
  state.failures >= policy.lockAfter && !(state.lockedUntil && state.lockedUntil > now);
