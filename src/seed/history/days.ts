import { localFields, localMidnight } from '../../lib/time.js';
import { CN_HOLIDAYS } from '../../modules/sla/index.js';
import type { Random } from './random.js';

const DAY = 24 * 3600_000;

/** One local day of the generated history and how many complaints arrive on it. */
export interface HistoryDay {
  /** `YYYY-MM-DD` in the organisation's zone. */
  date: string;
  /** The day's local midnight. */
  start: number;
  /** The day's end, or `until` on the last (current) day. */
  end: number;
  /** Complaints over the whole day (on the current day, those after `until` are left out). */
  count: number;
}

/** Arrivals by local weekday, Sunday first: fewer at the weekend, a Monday backlog. */
const WEEKDAY = [0.55, 1.2, 1.05, 1, 1, 0.95, 0.8];
/** Shopping festivals and the days after them (the parcels arrive late): more complaints. */
const FESTIVALS: Record<string, number> = {
  '11-11': 2.2,
  '11-12': 2.6,
  '11-13': 2,
  '11-14': 1.5,
  '12-12': 1.8,
  '12-13': 1.6,
  '06-18': 1.8,
  '06-19': 1.6,
};
/** On a public holiday (法定节假日) fewer people write in. */
const HOLIDAY = 0.6;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local midnight of the day that contains `ms`. */
function midnight(ms: number, timeZone: string): number {
  const f = localFields(ms, timeZone);
  return localMidnight(f.year, f.month, f.day, timeZone);
}

/** How busy a local date is compared with an ordinary weekday (without noise). */
export function dayFactor(date: string, weekday: number): number {
  const year = Number(date.slice(0, 4));
  const holiday = CN_HOLIDAYS[year]?.holidays.includes(date) ?? false;
  return (WEEKDAY[weekday] ?? 1) * (FESTIVALS[date.slice(5)] ?? 1) * (holiday ? HOLIDAY : 1);
}

/**
 * The `days` local days up to and including the one of `until`, each with its number of complaints:
 * `perDay` times the day's factor, with ±15 % noise.
 */
export function historyDays(
  { until, days, perDay, timeZone }: { until: number; days: number; perDay: number; timeZone: string },
  random: Random,
): HistoryDay[] {
  const today = midnight(until, timeZone);
  const out: HistoryDay[] = [];
  for (let back = days - 1; back >= 0; back--) {
    // Noon keeps a day's midnight right across an offset change.
    const start = midnight(today - back * DAY + DAY / 2, timeZone);
    const end = back === 0 ? until : midnight(start + DAY + DAY / 2, timeZone);
    const f = localFields(start, timeZone);
    const date = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
    const weekday = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
    const noise = 0.85 + random.next() * 0.3;
    out.push({ date, start, end, count: Math.round(perDay * dayFactor(date, weekday) * noise) });
  }
  return out;
}
