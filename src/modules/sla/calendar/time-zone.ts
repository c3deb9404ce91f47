/**
 * Instants and local wall-clock time in an IANA time zone, with `Intl.DateTimeFormat` (one
 * cached formatter per zone), so any zone works, including zones with daylight-saving time.
 * Local times that do not exist (spring forward) move forward by the gap and repeated local
 * times (fall back) take the earlier instant, as Temporal's `compatible` disambiguation does.
 */
import { DAY_MS, daysFromCivil } from './civil-date.js';

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

/** RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

// `format` is about three times faster than `formatToParts`; its en-US shape is "1/31/2026, 23:05:09".
const FORMATTED_RE = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Offset of local time from UTC (local − UTC) in ms at the instant `ms`. */
export function offsetAt(timeZone: string, ms: number): number {
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
export function epochDayAt(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS);
}

/**
 * The instant of local wall-clock time `wall` (local time written as if it were UTC ms).
 * Assumes at most one offset change within a day either side, as every real zone has.
 */
export function wallToInstant(timeZone: string, wall: number): number {
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
