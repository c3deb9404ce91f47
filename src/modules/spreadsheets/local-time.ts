/**
 * Wall-clock times of the business time zone, both ways. A spreadsheet holds times without a zone
 * ("2026-11-20 14:30" means Shanghai time), and an export shows them the same way.
 */
const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at an instant, in ms (Shanghai: +8 h). */
function zoneOffset(epochMs: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
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
    formats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(epochMs).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock time of the zone names (the earlier one when a DST change repeats it). */
export function wallClockToEpoch(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}

/** `00:00` … `23:59`, by minute of the day. */
let clock: string[] | undefined;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `2026-11-23 18:05` in the zone, fast enough for a million rows: a zone changes its offset at most
 * a few times a year, so a UTC day whose first and last instant have the same offset is looked up
 * once; only a day with a change is looked up by quarter hour (offsets change on a quarter hour).
 * The date part is kept for the last local day and the time looked up by minute.
 */
export function localFormatter(timeZone: string): (epochMs: number) => string {
  const days = new Map<number, number | null>();
  const quarters = new Map<number, number>();
  const offsetAt = (epochMs: number) => {
    const day = Math.floor(epochMs / DAY);
    let offset = days.get(day);
    if (offset === undefined) {
      if (days.size > 100_000) days.clear();
      const first = zoneOffset(day * DAY, timeZone);
      offset = first === zoneOffset(day * DAY + DAY - QUARTER_HOUR, timeZone) ? first : null;
      days.set(day, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(epochMs / QUARTER_HOUR);
    let exact = quarters.get(quarter);
    if (exact === undefined) {
      exact = zoneOffset(quarter * QUARTER_HOUR, timeZone);
      quarters.set(quarter, exact);
    }
    return exact;
  };
  clock ??= Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  const minutes = clock;
  let dayStart = Number.NaN;
  let date = '';
  return (epochMs) => {
    const local = epochMs + offsetAt(epochMs);
    if (!(local >= dayStart && local < dayStart + DAY)) {
      dayStart = Math.floor(local / DAY) * DAY;
      const d = new Date(dayStart);
      date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `;
    }
    return date + minutes[Math.floor((local - dayStart) / 60_000)];
  };
}
