/** Calendar days 'YYYY-MM-DD' of the organisation's zone: ranges, the previous range, a year back. */
import { localMidnight } from '../../lib/time.js';

export interface DayRange {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const utc = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The rollups' day key: 20261201. */
export const dayKey = (day: string) => Number(day.replaceAll('-', ''));
export const dayOfKey = (key: number) => {
  const s = String(key);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/** A real calendar day written 'YYYY-MM-DD' in the years statistics cover (2000–2099, as assessment periods). */
export const isRealDay = (day: string) => /^20\d\d-\d\d-\d\d$/.test(day) && iso(utc(day)) === day;
export const dayCount = (r: DayRange) => Math.round((utc(r.to) - utc(r.from)) / DAY) + 1;

/** 环比: as many days just before. */
export function previousRange(r: DayRange): DayRange {
  const n = dayCount(r);
  return { from: iso(utc(r.from) - n * DAY), to: iso(utc(r.from) - DAY) };
}

/** 同比: the same days a year before (29 February becomes the 28th). */
export function lastYearRange(r: DayRange): DayRange {
  const back = (day: string) => {
    const d = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    return iso(utc(d)) === d ? d : `${d.slice(0, 8)}28`;
  };
  return { from: back(r.from), to: back(r.to) };
}

export function daysOf(r: DayRange): string[] {
  const out: string[] = [];
  for (let t = utc(r.from); t <= utc(r.to); t += DAY) out.push(iso(t));
  return out;
}

/** Local midnight starting the day, epoch ms. */
export const dayStart = (day: string, timeZone: string) =>
  localMidnight(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)), timeZone);

/** [start, end) of the range in epoch ms. */
export const rangeBounds = (r: DayRange, timeZone: string) => ({
  start: dayStart(r.from, timeZone),
  end: dayStart(iso(utc(r.to) + DAY), timeZone),
});

/** 1 Monday … 7 Sunday. */
export const weekdayOf = (day: string) => ((new Date(utc(day)).getUTCDay() + 6) % 7) + 1;

/** The months 'YYYY-MM' the range covers whole, or null when it starts or ends inside a month. */
export function wholeMonths(r: DayRange): string[] | null {
  const end = iso(utc(r.to) + DAY);
  if (r.from.slice(8) !== '01' || end.slice(8) !== '01') return null;
  const months = new Set(daysOf(r).map((d) => d.slice(0, 7)));
  return [...months];
}
