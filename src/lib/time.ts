const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
// `format` is about three times faster than `formatToParts`; its en-US shape is "1/31/2026, 23:05:09".
const FORMATTED = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** Offset of the zone from UTC at an instant, read from the runtime's time-zone data (~2 µs). */
function measuredOffset(epochMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    // Building a formatter is costly (tens of µs); one per zone serves every call.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const instant = Math.floor(epochMs / 1000) * 1000;
  const m = FORMATTED.exec(format.format(instant));
  let fields: number[];
  if (m) {
    fields = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
  } else {
    const parts = format.formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    fields = [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
  }
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0] = fields;
  return Date.UTC(y, mo - 1, d, h % 24, mi, sec) - instant;
}

/** Per zone: the offset of each UTC day that has one all day (null: it changes that day), and of quarter hours. */
const knownOffsets = new Map<string, { days: Map<number, number | null>; quarters: Map<number, number> }>();

/**
 * Offset of the zone from UTC at an instant, in ms (local − UTC; Shanghai: +8 h). A RangeError for a
 * zone this runtime does not know. A zone changes its offset at most a few times a year, on a quarter
 * hour: a UTC day whose first and last quarter hour have the same offset is read from the runtime
 * once, and only a day with a change is looked up by quarter hour. Statistics compute a day and an
 * hour for every complaint they follow, so this is on their path.
 */
export function zoneOffset(epochMs: number, timeZone: string): number {
  let known = knownOffsets.get(timeZone);
  if (!known) {
    known = { days: new Map(), quarters: new Map() };
    knownOffsets.set(timeZone, known);
  }
  const day = Math.floor(epochMs / DAY);
  let offset = known.days.get(day);
  if (offset === undefined) {
    if (known.days.size > 100_000) known.days.clear();
    const first = measuredOffset(day * DAY, timeZone);
    offset = first === measuredOffset(day * DAY + DAY - QUARTER_HOUR, timeZone) ? first : null;
    known.days.set(day, offset);
  }
  if (offset !== null) return offset;
  const quarter = Math.floor(epochMs / QUARTER_HOUR);
  let exact = known.quarters.get(quarter);
  if (exact === undefined) {
    if (known.quarters.size > 100_000) known.quarters.clear();
    exact = measuredOffset(quarter * QUARTER_HOUR, timeZone);
    known.quarters.set(quarter, exact);
  }
  return exact;
}

/** Calendar and clock fields (month 1–12) of an instant in a time zone. */
export function localFields(epochMs: number, timeZone: string) {
  const d = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Calendar date 'YYYY-MM-DD' of an instant in a time zone (`dateKey` is the same without dashes). */
export function localDate(epochMs: number, timeZone: string): string {
  const f = localFields(epochMs, timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** The instant of local midnight starting a calendar date (month 1–12) in a time zone. */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // The offset at the guess is right except within hours of a change; one more look settles it.
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

/** Calendar date `yyyymmdd` of an instant in a time zone (e.g. Asia/Shanghai). */
export function dateKey(epochMs: number, timeZone: string): string {
  const f = localFields(epochMs, timeZone);
  return `${f.year}${pad(f.month)}${pad(f.day)}`;
}

/** `00:00` … `23:59`, by minute of the day. */
let clock: string[] | undefined;

/**
 * `2026-11-23 18:05` in the zone, fast enough for a million rows: the offset known by UTC day
 * (`zoneOffset`), the date part kept for the last local day and the time looked up by minute.
 */
export function localFormatter(timeZone: string): (epochMs: number) => string {
  clock ??= Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  const minutes = clock;
  let dayStart = Number.NaN;
  let date = '';
  return (epochMs) => {
    const local = epochMs + zoneOffset(epochMs, timeZone);
    if (!(local >= dayStart && local < dayStart + DAY)) {
      dayStart = Math.floor(local / DAY) * DAY;
      const d = new Date(dayStart);
      date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `;
    }
    return date + minutes[Math.floor((local - dayStart) / 60_000)];
  };
}

const formatters = new Map<string, (epochMs: number) => string>();

/** `2026-11-23 18:05` in the given time zone, as notices and letters show times (one formatter per zone). */
export function formatLocal(epochMs: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = localFormatter(timeZone);
    formatters.set(timeZone, format);
  }
  return format(epochMs);
}
