/**
 * Instants and local wall-clock time in an IANA time zone, with `Intl.DateTimeFormat` (one
 * cached formatter per zone), so any zone works, including zones with daylight-saving time.
 * Local times that do not exist (spring forward) move forward by the gap and repeated local
 * times (fall back) take the earlier instant, as Temporal's `compatible` disambiguation does.
 */
import { zoneOffset } from '../../../lib/time.js';
import { DAY_MS } from './civil-date.js';

/** RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    zoneOffset(0, timeZone);
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

/** Offset of local time from UTC (local − UTC) in ms at the instant `ms`. */
export const offsetAt = (timeZone: string, ms: number): number => zoneOffset(ms, timeZone);

/** Local calendar day (days since 1970-01-01) of the instant `ms`. */
export function epochDayAt(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS);
}

/**
 * The instant of local wall-clock time `wall` (local time written as if it were UTC ms).
 * Assumes at most one offset change within a day either side, as every real zone has.
 */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // repeated time: the first one
  if (earlyValid) return early;
  if (lateValid) return late;
  return wall - before; // skipped time: moved forward by the gap
}
