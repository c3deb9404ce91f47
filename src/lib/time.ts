const formats = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour and minute of an instant in a time zone; one cached formatter per zone. */
function localParts(epochMs: number, timeZone: string): Record<string, string> {
  let format = formats.get(timeZone);
  if (!format) {
    // Building a formatter is costly; one per zone serves every call.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(epochMs).map((x) => [x.type, x.value]));
}

/** Calendar date `yyyymmdd` of an instant in a time zone (e.g. Asia/Shanghai). */
export function dateKey(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}${p.month}${p.day}`;
}

/** `2026-11-23 18:05` in the given time zone, as notices and letters show times. */
export function formatLocal(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
