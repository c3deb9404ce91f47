import { zoneOffset } from '../../lib/time.js';

/** Midnight at the start of a local calendar day, as epoch ms. */
function localMidnight(year: number, month: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, 1);
  return guess - zoneOffset(guess - zoneOffset(guess, timeZone), timeZone);
}

/** The instants [from, to) of an assessment period 'YYYY-MM' in the organisation's time zone. */
export function periodRange(period: string, timeZone: string): { from: number; to: number } {
  const [year = 0, month = 1] = period.split('-').map(Number);
  return {
    from: localMidnight(year, month, timeZone),
    to: month === 12 ? localMidnight(year + 1, 1, timeZone) : localMidnight(year, month + 1, timeZone),
  };
}
