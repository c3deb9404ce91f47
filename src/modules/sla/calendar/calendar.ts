/**
 * Business calendar for complaint time limits (处理时限).
 *
 * A limit runs either on the clock (24/7) or in working time: working hours per weekday in the
 * business time zone, minus public holidays, plus make-up working days (调休). Everything here
 * is pure: no I/O and no reading of the current time. Instants are epoch milliseconds; local
 * dates are `YYYY-MM-DD` in the calendar's time zone.
 *
 * Time zones are handled with `Intl.DateTimeFormat` (one cached formatter per zone), so any
 * IANA zone works, including zones with daylight-saving time: a working day that contains a
 * DST change is shorter or longer by the change. Local times that do not exist (spring
 * forward) move forward by the gap and repeated local times (fall back) take the earlier
 * instant, as Temporal's `compatible` disambiguation does.
 *
 * The engine steps per working interval and per day, never per minute. A calendar is treated
 * as immutable: the results for each day are cached per calendar object, so build a new
 * calendar (e.g. with `chinaCalendar`) rather than mutating one.
 */
import { CN_HOLIDAYS, KNOWN_YEARS } from './holidays-cn.js';

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

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
/** With no working time at all in this many consecutive days the calendar is misconfigured. */
const MAX_IDLE_DAYS = 3 * 366;
/** Days of working intervals kept per calendar before the cache is dropped. */
const DAY_CACHE_LIMIT = 4096;

// ---------------------------------------------------------------------------------------------
// Civil-date arithmetic (proleptic Gregorian, days since 1970-01-01), after H. Hinnant.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatEpochDay(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; RangeError when it is not a real date. */
function parseLocalDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const epochDay = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
    if (formatEpochDay(epochDay) === date) return epochDay;
  }
  throw new RangeError(`invalid local date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
}

// ---------------------------------------------------------------------------------------------
// Time zones.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Building a formatter is costly (tens of µs); one per zone serves every call.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// `format` is about three times faster than `formatToParts`; its en-US shape is "1/31/2026, 23:05:09".
const FORMATTED_RE = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Offset of local time from UTC (local − UTC) in ms at the instant `ms`. */
function offsetAt(timeZone: string, ms: number): number {
  const instant = Math.floor(ms / 1000) * 1000;
  const f = formatterFor(timeZone);
  const m = FORMATTED_RE.exec(f.format(instant));
  let fields: number[];
  if (m) {
    fields = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
  } else {
    const parts = f.formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    fields = [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
  }
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
  const local = daysFromCivil(y, mo, d) * DAY_MS + ((h % 24) * 3600 + mi * 60 + s) * 1000;
  return local - instant;
}

/** Local calendar day (days since 1970-01-01) of the instant `ms`. */
function epochDayAt(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS);
}

/**
 * The instant of local wall-clock time `wall` (local time written as if it were UTC ms).
 * Assumes at most one offset change within a day either side, as every real zone has.
 */
function wallToInstant(timeZone: string, wall: number): number {
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

function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

/** The local date `YYYY-MM-DD` of an instant in the calendar's time zone. */
export function localDateOf(cal: Pick<BusinessCalendar, 'timeZone'>, ms: number): string {
  assertInstant(ms, 'ms');
  return formatEpochDay(epochDayAt(cal.timeZone, ms));
}

// ---------------------------------------------------------------------------------------------
// Working hours.

type Minutes = ReadonlyArray<readonly [number, number]>;

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

function normalizeHours(hours: WorkingHours): Minutes[] {
  if (typeof hours !== 'object' || hours === null) throw new RangeError('working hours must be an object');
  for (const key of Object.keys(hours)) {
    if (!/^[0-6]$/.test(key))
      throw new RangeError(`invalid weekday ${JSON.stringify(key)} in working hours: use 0 (Sunday) … 6`);
  }
  return Array.from({ length: 7 }, (_, wd) => normalizeIntervals(wd, hours[wd]));
}

function assertWeekday(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 6)
    throw new RangeError(`${what} must be a weekday 0 (Sunday) … 6, got ${n}`);
}

function assertInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms))
    throw new RangeError(`${what} must be a finite number of milliseconds, got ${ms}`);
}

// ---------------------------------------------------------------------------------------------
// Per-calendar compiled state.

interface Compiled {
  cal: BusinessCalendar;
  minutes: Minutes[];
  /** Epoch day → flat list of instants [start0, end0, start1, end1, …]. */
  days: Map<number, readonly number[]>;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

function compile(cal: BusinessCalendar): Compiled {
  let c = compiledCache.get(cal);
  if (!c) {
    assertTimeZone(cal.timeZone);
    assertWeekday(cal.workdayHoursFrom, 'workdayHoursFrom');
    c = { cal, minutes: normalizeHours(cal.hours), days: new Map() };
    compiledCache.set(cal, c);
  }
  return c;
}

const NONE: readonly number[] = Object.freeze([]);

function minutesOfDay(c: Compiled, epochDay: number, date = formatEpochDay(epochDay)): Minutes {
  const { cal, minutes } = c;
  if (cal.workdays.has(date)) return minutes[cal.workdayHoursFrom] ?? [];
  if (cal.holidays.has(date)) return [];
  return minutes[weekdayOf(epochDay)] ?? [];
}

/** Working intervals of a local day, as increasing, non-overlapping instants. */
function intervalsOf(c: Compiled, epochDay: number): readonly number[] {
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

// ---------------------------------------------------------------------------------------------
// Public API.

/** Whether a local date `YYYY-MM-DD` has working hours (make-up days yes, holidays no). */
export function isWorkingDay(cal: BusinessCalendar, localDate: string): boolean {
  const c = compile(cal);
  const epochDay = parseLocalDate(localDate);
  return minutesOfDay(c, epochDay, localDate).length > 0;
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
  const c = compile(cal);
  let idle = 0;
  for (let day = epochDayAt(cal.timeZone, ms) - 1; ; day++) {
    const iv = intervalsOf(c, day);
    if (iv.length === 0 && ++idle > MAX_IDLE_DAYS) throw noWorkingTime(cal);
    if (iv.length > 0) idle = 0;
    for (let i = 0; i < iv.length; i += 2) {
      const start = iv[i] as number;
      const end = iv[i + 1] as number;
      if (end > ms) return Math.max(start, ms);
    }
  }
}

function noWorkingTime(cal: BusinessCalendar): Error {
  return new RangeError(
    `business calendar (${cal.timeZone}) has no working time in ${MAX_IDLE_DAYS} consecutive days: check its working hours and holidays`,
  );
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
  const c = compile(cal);
  let remaining = durationMs;
  let cursor = startMs;
  let idle = 0;
  for (let day = epochDayAt(cal.timeZone, startMs) - 1; ; day++) {
    const iv = intervalsOf(c, day);
    if (iv.length === 0) {
      if (++idle > MAX_IDLE_DAYS) throw noWorkingTime(cal);
      continue;
    }
    idle = 0;
    for (let i = 0; i < iv.length; i += 2) {
      const end = iv[i + 1] as number;
      if (end <= cursor) continue;
      const from = Math.max(iv[i] as number, cursor);
      const available = end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
      cursor = end;
    }
  }
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

/** `startMs` plus `durationMs` of working time or of clock time. */
export function addTime(cal: BusinessCalendar, mode: TimeMode, startMs: number, durationMs: number): number {
  if (mode === 'working') return addWorkingTime(cal, startMs, durationMs);
  if (mode === 'clock') return addClockTime(startMs, durationMs);
  throw new RangeError(`unknown time mode ${JSON.stringify(mode)}`);
}

/** Working or clock time in [fromMs, toMs); 0 when `toMs <= fromMs` in both modes. */
export function timeBetween(cal: BusinessCalendar, mode: TimeMode, fromMs: number, toMs: number): number {
  if (mode === 'working') return workingTimeBetween(cal, fromMs, toMs);
  if (mode === 'clock') {
    assertInstant(fromMs, 'fromMs');
    assertInstant(toMs, 'toMs');
    return Math.max(0, toMs - fromMs);
  }
  throw new RangeError(`unknown time mode ${JSON.stringify(mode)}`);
}

export interface ChinaCalendarOptions {
  /** IANA zone; default Asia/Shanghai. */
  timeZone?: string;
  /** Default Monday–Friday 09:00–18:00. */
  hours?: WorkingHours;
  /** Company days off on top of the official ones (also cancels an official make-up day). */
  extraHolidays?: string[];
  /** Days worked although off (a weekend or an official holiday); they use `workdayHoursFrom`'s hours. */
  extraWorkdays?: string[];
  /** Official or extra holidays that do not apply: the date becomes an ordinary day of its weekday. */
  removeHolidays?: string[];
  /** Weekday whose hours make-up working days use; default 1 (Monday). */
  workdayHoursFrom?: number;
}

/**
 * The PRC business calendar: the State Council holiday schedules of `KNOWN_YEARS` plus the
 * administrator's overrides. Overrides win over the official data; an override list that
 * contradicts another (the same date an extra holiday and an extra workday) is rejected.
 * Years without official data have weekends only (see `hasHolidayData`).
 */
export function chinaCalendar(options: ChinaCalendarOptions = {}): BusinessCalendar {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const normalized = normalizeHours(options.hours ?? DEFAULT_HOURS);
  const hours: WorkingHours = {};
  normalized.forEach((list, wd) => {
    if (list.length > 0) hours[wd] = list.map(([s, e]) => [s, e]);
  });
  const workdayHoursFrom = options.workdayHoursFrom ?? 1;
  assertWeekday(workdayHoursFrom, 'workdayHoursFrom');

  const dates = (list: string[] | undefined, what: string) =>
    new Set(
      (list ?? []).map((d) => {
        try {
          parseLocalDate(d);
        } catch {
          throw new RangeError(`invalid date ${JSON.stringify(d)} in ${what}: expected YYYY-MM-DD`);
        }
        return d;
      }),
    );
  const extraHolidays = dates(options.extraHolidays, 'extraHolidays');
  const extraWorkdays = dates(options.extraWorkdays, 'extraWorkdays');
  const removeHolidays = dates(options.removeHolidays, 'removeHolidays');
  for (const d of extraHolidays) {
    if (extraWorkdays.has(d)) throw new RangeError(`${d} is both an extra holiday and an extra workday`);
    if (removeHolidays.has(d)) throw new RangeError(`${d} is both an extra holiday and a removed holiday`);
  }

  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const year of KNOWN_YEARS) {
    const data = CN_HOLIDAYS[year];
    for (const d of data?.holidays ?? []) holidays.add(d);
    for (const d of data?.workdays ?? []) workdays.add(d);
  }
  for (const d of extraHolidays) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of removeHolidays) holidays.delete(d);
  for (const d of extraWorkdays) {
    workdays.add(d);
    holidays.delete(d);
  }
  return Object.freeze({ timeZone, hours: Object.freeze(hours), holidays, workdays, workdayHoursFrom });
}
