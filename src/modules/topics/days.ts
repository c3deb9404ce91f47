/** The local days a topic run looks at: the current period (7 days to today) and the 7 before. */
import { localDate, localMidnight } from '../../lib/time.js';
import { addDays, dateRange } from '../sla/index.js';

export const PERIOD_DAYS = 7;

export interface RunDays {
  today: string;
  /** The 14 local dates, oldest first; the last 7 are the current period. */
  dates: string[];
  /** Local midnight starting the first date, and starting the current period. */
  from: number;
  periodFrom: number;
}

const midnight = (date: string, timeZone: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localMidnight(y, m, d, timeZone);
};

export function runDays(now: number, timeZone: string): RunDays {
  const today = localDate(now, timeZone);
  const dates = dateRange(addDays(today, 1 - 2 * PERIOD_DAYS), today);
  return {
    today,
    dates,
    from: midnight(dates[0] as string, timeZone),
    periodFrom: midnight(dates[PERIOD_DAYS] as string, timeZone),
  };
}

export const dayNumber = (date: string) => Number(date.replaceAll('-', ''));
export const dateOfDay = (day: number) => {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};
/** Whole days from `first` to `last` (local dates). */
export const daysBetween = (first: string, last: string) => dateRange(first, last).length - 1;
