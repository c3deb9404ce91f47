/** Shared by the calendar's tests beside this file (not used by the application). */
import { chinaCalendar } from './china-calendar.js';

export const M = 60_000;
export const H = 60 * M;
export const D = 24 * H;

/** Instant of a local time `YYYY-MM-DDTHH:mm` in Asia/Shanghai (UTC+8, no DST). */
export const cst = (local: string) => Date.parse(`${local}:00+08:00`);
/** Instant as ISO 8601 in Asia/Shanghai, for readable failures. */
export const inCst = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16);

/** The default calendar: Asia/Shanghai, Monday–Friday 09:00–18:00, official holidays. */
export const cal = chinaCalendar();

/** Every date from `first` to `last` inclusive (computed with `Date`, independently of the calendar). */
export function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += D)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export const utcWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
