import { localFields } from '../../lib/time.js';

/** The kinds of report: three periodic ones, made by the schedule, and those asked for. */
export const PERIODIC_KINDS = ['weekly', 'monthly', 'quarterly'] as const;
export type PeriodicKind = (typeof PERIODIC_KINDS)[number];
export const REPORT_KINDS = [...PERIODIC_KINDS, 'on_demand'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The local hour at which a period's report is due: Monday 09:00, the 1st at 09:00. */
export const RELEASE_HOUR = 9;

export interface DayPeriod {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const iso = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/**
 * The period whose report is due at `now` for a kind: the latest one whose release time (the next
 * Monday, or the next month's or quarter's 1st, at 09:00 in the zone) has come. Weekly: Monday to
 * Sunday; monthly: a calendar month; quarterly: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec.
 */
export function duePeriod(kind: PeriodicKind, now: number, timeZone: string): DayPeriod {
  const f = localFields(now, timeZone);
  const before9 = f.hour < RELEASE_HOUR;
  const today = Date.UTC(f.year, f.month - 1, f.day);
  if (kind === 'weekly') {
    const weekday = (new Date(today).getUTCDay() + 6) % 7; // 0 Monday
    const monday = today - weekday * DAY - (weekday === 0 && before9 ? 7 * DAY : 0);
    return { from: iso(monday - 7 * DAY), to: iso(monday - DAY) };
  }
  const months = kind === 'monthly' ? 1 : 3;
  // The first month of the current period, counted from year 0; one period back when it is the 1st before 09:00.
  let start = f.year * 12 + Math.floor((f.month - 1) / months) * months;
  if (f.day === 1 && before9 && (f.month - 1) % months === 0) start -= months;
  const first = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);
  return { from: iso(first(start - months)), to: iso(first(start) - DAY) };
}
