/**
 * The business calendar's shape, its defaults and its validation.
 *
 * A calendar is working hours per weekday in the business time zone, minus public holidays,
 * plus make-up working days (调休). Instants are epoch milliseconds; local dates are
 * `YYYY-MM-DD` in the calendar's time zone. A calendar is treated as immutable: the engine
 * caches its days per calendar object, so build a new one (e.g. with `chinaCalendar`) rather
 * than mutating one.
 */
import { DAY_MINUTES } from './civil-date.js';
import { assertTimeZone } from './time-zone.js';

/**
 * Working hours per weekday (0 = Sunday … 6 = Saturday) as minutes from local midnight,
 * e.g. `{ 1: [[540, 1080]] }` = Monday 09:00–18:00. Several intervals per day are allowed (a
 * lunch break); an end of 1440 means midnight at the end of the day.
 */
export interface WorkingHours {
  [weekday: number]: Array<[startMinute: number, endMinute: number]>;
}

export interface BusinessCalendar {
  /** IANA time zone of the business, e.g. `Asia/Shanghai`. */
  timeZone: string;
  hours: WorkingHours;
  /** Local dates that are days off although their weekday has working hours. */
  holidays: ReadonlySet<string>;
  /** Local dates that are working days whatever their weekday (make-up days, 调休上班). */
  workdays: ReadonlySet<string>;
  /** Make-up working days use the hours of this weekday. */
  workdayHoursFrom: number;
}

export type TimeMode = 'working' | 'clock';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const nineToSix = (): Array<[number, number]> => [[540, 1080]];

/** Monday to Friday, 09:00–18:00. */
export const DEFAULT_HOURS: WorkingHours = Object.freeze({
  1: nineToSix(),
  2: nineToSix(),
  3: nineToSix(),
  4: nineToSix(),
  5: nineToSix(),
});

/** One weekday's working intervals in minutes from local midnight: sorted, merged, disjoint. */
export type Minutes = ReadonlyArray<readonly [number, number]>;

/** Sorted, merged, clipped to [0, 1440]; invalid pairs rejected. */
function normalizeIntervals(weekday: number, list: unknown): Array<[number, number]> {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list))
    throw new RangeError(`working hours of weekday ${weekday} must be a list of [start, end]`);
  const pairs: Array<[number, number]> = [];
  for (const pair of list) {
    const [start, end] = Array.isArray(pair) ? pair : [];
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > DAY_MINUTES ||
      start >= end ||
      (pair as unknown[]).length !== 2
    ) {
      throw new RangeError(
        `invalid working interval ${JSON.stringify(pair)} on weekday ${weekday}: expected [startMinute, endMinute] with 0 <= start < end <= 1440`,
      );
    }
    pairs.push([start, end]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of pairs) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function normalizeHours(hours: WorkingHours): Array<Array<[number, number]>> {
  if (typeof hours !== 'object' || hours === null) throw new RangeError('working hours must be an object');
  for (const key of Object.keys(hours)) {
    if (!/^[0-6]$/.test(key))
      throw new RangeError(`invalid weekday ${JSON.stringify(key)} in working hours: use 0 (Sunday) … 6`);
  }
  return Array.from({ length: 7 }, (_, wd) => normalizeIntervals(wd, hours[wd]));
}

/**
 * Checks a calendar's time zone, working hours and make-up weekday (RangeError naming the
 * first fault) and gives its hours normalized, one list per weekday 0 … 6.
 */
export function normalizeCalendar(
  cal: Pick<BusinessCalendar, 'timeZone' | 'hours' | 'workdayHoursFrom'>,
): Array<Array<[number, number]>> {
  assertTimeZone(cal.timeZone);
  const minutes = normalizeHours(cal.hours);
  const wd = cal.workdayHoursFrom;
  if (!Number.isInteger(wd) || wd < 0 || wd > 6)
    throw new RangeError(`workdayHoursFrom must be a weekday 0 (Sunday) … 6, got ${wd}`);
  return minutes;
}

export function assertInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms))
    throw new RangeError(`${what} must be a finite number of milliseconds, got ${ms}`);
}
