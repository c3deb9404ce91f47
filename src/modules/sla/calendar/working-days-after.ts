/**
 * Whole working days: "N working days after" an instant, for extensions of time limits and for
 * progress notices, whatever the clock's own kind of time.
 */
import { assertInstant, type BusinessCalendar } from './calendar.js';
import { DAY_MS } from './civil-date.js';
import { epochDayAt, offsetAt, wallToInstant } from './time-zone.js';
import { compile, intervalsOf } from './working-days.js';

/** More days than any real calendar goes without work (a calendar without working days fails). */
const SEARCH_DAYS = 366;

function nextWorkingDay(cal: BusinessCalendar, epochDay: number): number {
  const c = compile(cal);
  for (let day = epochDay + 1, n = 0; n < SEARCH_DAYS; day++, n++) if (intervalsOf(c, day).length) return day;
  throw new RangeError('the business calendar has no working day within a year');
}

/**
 * The same local time of day on the `days`-th working day after the local day of `ms`. From a day
 * off, counting starts at the beginning of the next working day (a Saturday + 1 is Tuesday 00:00,
 * one whole working day later), so that a later instant never gives an earlier result.
 */
export function addWorkingDays(cal: BusinessCalendar, ms: number, days: number): number {
  assertInstant(ms, 'ms');
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`invalid number of working days ${days}`);
  const c = compile(cal);
  let day = epochDayAt(cal.timeZone, ms);
  let timeOfDay = ms + offsetAt(cal.timeZone, ms) - day * DAY_MS;
  if (!intervalsOf(c, day).length) {
    day = nextWorkingDay(cal, day);
    timeOfDay = 0;
  }
  for (let i = 0; i < days; i++) day = nextWorkingDay(cal, day);
  return wallToInstant(cal.timeZone, day * DAY_MS + timeOfDay);
}

/**
 * The latest instant `t` with `addWorkingDays(cal, t, days) <= now`: whatever happened at or before it
 * is `days` working days old by `now` (addWorkingDays never goes back as `t` goes forward, and is at
 * least `days` whole days later, so a binary search over the year before finds it to the millisecond).
 */
export function workingDaysAgo(cal: BusinessCalendar, now: number, days: number): number {
  let lo = now - (days + SEARCH_DAYS) * DAY_MS;
  let hi = now - days * DAY_MS;
  if (addWorkingDays(cal, lo, days) > now) return lo - 1;
  if (addWorkingDays(cal, hi, days) <= now) return hi;
  // Invariant: addWorkingDays(lo) <= now < addWorkingDays(hi).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (addWorkingDays(cal, mid, days) <= now) lo = mid;
    else hi = mid;
  }
  return lo;
}
