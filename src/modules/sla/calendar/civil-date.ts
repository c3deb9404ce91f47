/**
 * Civil-date arithmetic: proleptic Gregorian dates as whole days since 1970-01-01 ("epoch
 * days"), after H. Hinnant's algorithms, and their `YYYY-MM-DD` spelling. No time zones here:
 * an epoch day is a local calendar day wherever it is used.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const DAY_MINUTES = 1440;

export function daysFromCivil(year: number, month: number, day: number): number {
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
export const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of an epoch day. */
export function formatEpochDay(epochDay: number): string {
  const [y, m, d] = civilFromDays(epochDay);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; RangeError when it is not a real date. */
export function parseLocalDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const epochDay = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
    if (formatEpochDay(epochDay) === date) return epochDay;
  }
  throw new RangeError(`invalid local date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
}

/** Every date from `first` to `last` inclusive, as `YYYY-MM-DD`. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  const end = parseLocalDate(last);
  for (let day = parseLocalDate(first); day <= end; day++) out.push(formatEpochDay(day));
  return out;
}

/** The local date `n` days after `date` (n may be negative). */
export const addDays = (date: string, n: number): string => formatEpochDay(parseLocalDate(date) + n);
