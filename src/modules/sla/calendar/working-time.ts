/**
 * Time limits (处理时限) in working time or on the clock: adding a duration to an instant and
 * measuring the time between two instants. Pure: no I/O and no reading of the current time.
 * A working day that contains a daylight-saving change is shorter or longer by the change.
 */
import { assertInstant, type BusinessCalendar, type TimeMode } from './calendar.js';
import { epochDayAt } from './time-zone.js';
import { type Compiled, compile, intervalsOf } from './working-days.js';

/** With no working time at all in this many consecutive days the calendar is misconfigured. */
const MAX_IDLE_DAYS = 3 * 366;

function noWorkingTime(cal: BusinessCalendar): Error {
  return new RangeError(
    `business calendar (${cal.timeZone}) has no working time in ${MAX_IDLE_DAYS} consecutive days: check its working hours and holidays`,
  );
}

/**
 * Walks the working periods from `ms` on, in order, each clipped to begin no earlier than `ms`
 * and than the end of the one before, and gives the first answer `visit` gives. Throws when the
 * calendar has no working time in 3 years (a misconfiguration).
 */
function findForward(
  c: Compiled,
  ms: number,
  visit: (start: number, end: number) => number | undefined,
): number {
  let cursor = ms;
  let idle = 0;
  for (let day = epochDayAt(c.cal.timeZone, ms) - 1; ; day++) {
    const iv = intervalsOf(c, day);
    if (iv.length === 0) {
      if (++idle > MAX_IDLE_DAYS) throw noWorkingTime(c.cal);
      continue;
    }
    idle = 0;
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1] as number;
      if (end <= cursor) continue;
      const found = visit(Math.max(iv[i] as number, cursor), end);
      if (found !== undefined) return found;
      cursor = end;
    }
  }
}

/** Whether the instant `ms` lies inside a working period. */
export function isWorkingTime(cal: BusinessCalendar, ms: number): boolean {
  return workingTimeBetween(cal, ms, ms + 1) > 0;
}

/**
 * `ms` itself when it lies in working time, otherwise the start of the next working period.
 * Throws when the calendar has no working time in 3 years (a misconfiguration).
 */
export function nextWorkingTime(cal: BusinessCalendar, ms: number): number {
  assertInstant(ms, 'ms');
  return findForward(compile(cal), ms, (start) => start);
}

/**
 * The instant at which `durationMs` of working time has elapsed after `startMs`. When the
 * start lies outside working hours, counting begins at the next working period; a deadline
 * that uses up a period exactly ends at that period's end (17:50 + 10 min = 18:00, not the
 * next morning). A zero duration returns `startMs`.
 */
export function addWorkingTime(cal: BusinessCalendar, startMs: number, durationMs: number): number {
  assertInstant(startMs, 'startMs');
  assertInstant(durationMs, 'durationMs');
  if (durationMs < 0) throw new RangeError(`durationMs must not be negative, got ${durationMs}`);
  if (durationMs === 0) return startMs;
  let remaining = durationMs;
  return findForward(compile(cal), startMs, (from, end) => {
    if (remaining <= end - from) return from + remaining;
    remaining -= end - from;
    return undefined;
  });
}

/** Working time in ms within [fromMs, toMs); 0 when `toMs <= fromMs`. */
export function workingTimeBetween(cal: BusinessCalendar, fromMs: number, toMs: number): number {
  assertInstant(fromMs, 'fromMs');
  assertInstant(toMs, 'toMs');
  if (toMs <= fromMs) return 0;
  const c = compile(cal);
  const tz = cal.timeZone;
  const lastDay = epochDayAt(tz, toMs) + 1;
  let total = 0;
  let cursor = fromMs;
  for (let day = epochDayAt(tz, fromMs) - 1; day <= lastDay; day++) {
    const iv = intervalsOf(c, day);
    for (let i = 0; i < iv.length; i += 2) {
      const start = iv[i] as number;
      if (start >= toMs) return total;
      const lo = Math.max(start, cursor);
      const hi = Math.min(iv[i + 1] as number, toMs);
      if (hi > lo) {
        total += hi - lo;
        cursor = hi;
      }
    }
  }
  return total;
}

/** Plain elapsed time: the clock runs 24/7. */
export function addClockTime(startMs: number, durationMs: number): number {
  assertInstant(startMs, 'startMs');
  assertInstant(durationMs, 'durationMs');
  return startMs + durationMs;
}

/** Clock time in [fromMs, toMs); 0 when `toMs <= fromMs`. */
function clockTimeBetween(fromMs: number, toMs: number): number {
  assertInstant(fromMs, 'fromMs');
  assertInstant(toMs, 'toMs');
  return Math.max(0, toMs - fromMs);
}

function unknownMode(mode: never): RangeError {
  return new RangeError(`unknown time mode ${JSON.stringify(mode)}`);
}

/** `startMs` plus `durationMs` of working time or of clock time. */
export function addTime(cal: BusinessCalendar, mode: TimeMode, startMs: number, durationMs: number): number {
  if (mode === 'working') return addWorkingTime(cal, startMs, durationMs);
  if (mode === 'clock') return addClockTime(startMs, durationMs);
  throw unknownMode(mode);
}

/** Working or clock time in [fromMs, toMs); 0 when `toMs <= fromMs` in both modes. */
export function timeBetween(cal: BusinessCalendar, mode: TimeMode, fromMs: number, toMs: number): number {
  if (mode === 'working') return workingTimeBetween(cal, fromMs, toMs);
  if (mode === 'clock') return clockTimeBetween(fromMs, toMs);
  throw unknownMode(mode);
}
