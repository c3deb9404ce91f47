/**
 * The PRC business calendar: the official holiday schedules (see `holidays-cn.ts`) with the
 * administrator's overrides — company days off, extra working days, official holidays that do
 * not apply.
 */
import {
  type BusinessCalendar,
  DEFAULT_HOURS,
  DEFAULT_TIME_ZONE,
  normalizeCalendar,
  type WorkingHours,
} from './calendar.js';
import { parseLocalDate } from './civil-date.js';
import { CN_HOLIDAYS, KNOWN_YEARS } from './holidays-cn.js';

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

/** The set of an override list's dates, each checked to be a real `YYYY-MM-DD`. */
function dateSet(list: string[] | undefined, what: string): Set<string> {
  return new Set(
    (list ?? []).map((d) => {
      try {
        parseLocalDate(d);
      } catch {
        throw new RangeError(`invalid date ${JSON.stringify(d)} in ${what}: expected YYYY-MM-DD`);
      }
      return d;
    }),
  );
}

/**
 * The PRC business calendar: the State Council holiday schedules of `KNOWN_YEARS` plus the
 * administrator's overrides. Overrides win over the official data; an override list that
 * contradicts another (the same date an extra holiday and an extra workday) is rejected.
 * Years without official data have weekends only (see `hasHolidayData`).
 */
export function chinaCalendar(options: ChinaCalendarOptions = {}): BusinessCalendar {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const workdayHoursFrom = options.workdayHoursFrom ?? 1;
  const normalized = normalizeCalendar({ timeZone, hours: options.hours ?? DEFAULT_HOURS, workdayHoursFrom });
  const hours: WorkingHours = {};
  normalized.forEach((list, wd) => {
    if (list.length > 0) hours[wd] = list;
  });

  const extraHolidays = dateSet(options.extraHolidays, 'extraHolidays');
  const extraWorkdays = dateSet(options.extraWorkdays, 'extraWorkdays');
  const removeHolidays = dateSet(options.removeHolidays, 'removeHolidays');
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
