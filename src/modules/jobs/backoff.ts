/** How long a failed job waits before its next attempt. */
export interface BackoffOptions {
  /** Delay after the first failed attempt, before jitter (default 2 s). */
  baseMs?: number;
  /** Upper bound of any delay (default 1 h). */
  capMs?: number;
  /** Source of randomness in [0, 1) for the jitter (default Math.random); tests fix it. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 2_000, capMs: 3_600_000 } as const;

/**
 * Exponential backoff with jitter: the ceiling doubles per attempt (base, 2·base, 4·base … capped),
 * and the delay is drawn from the upper half of it, so that jobs failing together spread out
 * without any of them retrying much sooner than planned.
 * `attempts` is the number of attempts made so far (1 after the first failure).
 */
export function backoffDelay(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(attempts - 1, 0), 52);
  const ceiling = Math.min(cap, base * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
