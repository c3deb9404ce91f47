import { localFields, localMidnight } from './time.js';

/**
 * An assessment period is a month 'YYYY-MM' in the organisation's time zone; a sheet covers one or a
 * range. Years 2000–2099: complaints are dated, and far years only make date arithmetic fail.
 */
export const PERIOD_PATTERN = '^20\\d{2}-(0[1-9]|1[0-2])$';
const PERIOD = new RegExp(PERIOD_PATTERN);

export interface PeriodRange {
  from: string;
  to: string;
}

export const isPeriod = (value: string) => PERIOD.test(value);

/** The month an instant falls in, in the zone. */
export function periodOf(epochMs: number, timeZone: string): string {
  const f = localFields(epochMs, timeZone);
  return `${f.year}-${String(f.month).padStart(2, '0')}`;
}

const parts = (period: string): [number, number] => [Number(period.slice(0, 4)), Number(period.slice(5, 7))];

const monthStart = (year: number, month: number, timeZone: string) => localMidnight(year, month, 1, timeZone);

/** [start, end) of the months from..to in epoch ms. */
export function periodBounds(range: PeriodRange, timeZone: string): { start: number; end: number } {
  const [fy, fm] = parts(range.from);
  const [ty, tm] = parts(range.to);
  return {
    start: monthStart(fy, fm, timeZone),
    end: monthStart(tm === 12 ? ty + 1 : ty, (tm % 12) + 1, timeZone),
  };
}

/** Every month of the range, in order. */
export function monthsOf(range: PeriodRange): string[] {
  const months: string[] = [];
  let [y, m] = parts(range.from);
  for (;;) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p > range.to) return months;
    months.push(p);
    m = (m % 12) + 1;
    if (m === 1) y++;
  }
}
