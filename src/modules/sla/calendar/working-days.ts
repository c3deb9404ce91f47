/**
 * Which local days of a calendar work, and when: each day's working intervals as instants.
 * The results for each day are cached per calendar object (see `calendar.ts`: calendars are
 * immutable), so the engine steps per working interval and per day, never per minute.
 */
import { assertInstant, type BusinessCalendar, type Minutes, normalizeCalendar } from './calendar.js';
import { DAY_MS, formatEpochDay, MINUTE_MS, parseLocalDate, weekdayOf } from './civil-date.js';
import { epochDayAt, offsetAt, wallToInstant } from './time-zone.js';

/** Days of working intervals kept per calendar before the cache is dropped. */
const DAY_CACHE_LIMIT = 4096;

/** A calendar checked once, with its days' intervals cached. */
export interface Compiled {
  cal: BusinessCalendar;
  minutes: Minutes[];
  /** Epoch day → flat list of instants [start0, end0, start1, end1, …]. */
  days: Map<number, readonly number[]>;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

export function compile(cal: BusinessCalendar): Compiled {
  let c = compiledCache.get(cal);
  if (!c) {
    c = { cal, minutes: normalizeCalendar(cal), days: new Map() };
    compiledCache.set(cal, c);
  }
  return c;
}

const NONE: readonly number[] = Object.freeze([]);

/** Holidays and make-up days decide first, then the weekday. */
function minutesOfDay(c: Compiled, epochDay: number, date = formatEpochDay(epochDay)): Minutes {
  const { cal, minutes } = c;
  if (cal.workdays.has(date)) return minutes[cal.workdayHoursFrom] ?? [];
  if (cal.holidays.has(date)) return [];
  return minutes[weekdayOf(epochDay)] ?? [];
}

/** Working intervals of a local day, as increasing, non-overlapping instants. */
export function intervalsOf(c: Compiled, epochDay: number): readonly number[] {
  const cached = c.days.get(epochDay);
  if (cached) return cached;
  const mins = minutesOfDay(c, epochDay);
  let out: readonly number[] = NONE;
  if (mins.length > 0) {
    const tz = c.cal.timeZone;
    const midnight = epochDay * DAY_MS;
    // One offset for the whole day unless it changes near this day.
    const before = offsetAt(tz, midnight - DAY_MS);
    const steady = before === offsetAt(tz, midnight + 2 * DAY_MS);
    const toInstant = (minute: number) => {
      const wall = midnight + minute * MINUTE_MS;
      return steady ? wall - before : wallToInstant(tz, wall);
    };
    const list: number[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    for (const [a, b] of mins) {
      const start = Math.max(toInstant(a), floor);
      const end = toInstant(b);
      if (end > start) {
        list.push(start, end);
        floor = end;
      }
    }
    out = list;
  }
  if (c.days.size >= DAY_CACHE_LIMIT) c.days.clear();
  c.days.set(epochDay, out);
  return out;
}

/** Whether a local date `YYYY-MM-DD` has working hours (make-up days yes, holidays no). */
export function isWorkingDay(cal: BusinessCalendar, localDate: string): boolean {
  const c = compile(cal);
  const epochDay = parseLocalDate(localDate);
  return minutesOfDay(c, epochDay, localDate).length > 0;
}

/** The local date `YYYY-MM-DD` of an instant in the calendar's time zone. */
export function localDateOf(cal: Pick<BusinessCalendar, 'timeZone'>, ms: number): string {
  assertInstant(ms, 'ms');
  return formatEpochDay(epochDayAt(cal.timeZone, ms));
}
