/**
 * The portal's per-address counters for @fastify/rate-limit, kept in this process.
 *
 * The plugin's own LocalStore hands every caller the counter object itself; requests that reach it
 * in the same tick (a burst from one address) all read it after the last increment and are all
 * refused, the first few included. This store answers each increment with its own snapshot.
 */
interface Window {
  count: number;
  startedAt: number;
}

type Answer = (error: Error | null, result: { current: number; ttl: number }) => void;

/** Addresses remembered per route; the least recently seen are forgotten first. */
const MAX_ADDRESSES = 5000;

export class SnapshotRateLimitStore {
  private readonly windows = new Map<string, Window>();

  incr(key: string, answer: Answer, timeWindow: number): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (w) this.windows.delete(key);
    if (!w || w.startedAt + timeWindow <= now) w = { count: 0, startedAt: now };
    w.count += 1;
    this.windows.set(key, w);
    if (this.windows.size > MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value as string);
    answer(null, { current: w.count, ttl: w.startedAt + timeWindow - now });
  }

  read(key: string, answer: Answer, timeWindow: number): void {
    const now = Date.now();
    const w = this.windows.get(key);
    const live = w && w.startedAt + timeWindow > now;
    answer(
      null,
      live ? { current: w.count, ttl: w.startedAt + timeWindow - now } : { current: 0, ttl: timeWindow },
    );
  }

  /** Each rate-limited route counts on its own. */
  child(): SnapshotRateLimitStore {
    return new SnapshotRateLimitStore();
  }
}
