const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Calendar date `yyyymmdd` of an instant in a time zone (e.g. Asia/Shanghai). */
export function dateKey(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // Building a formatter is costly; one per zone serves every call.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-23 18:05` in the given time zone, as notices and letters show times. */
export function formatLocal(epochMs: number, timeZone: string): string {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    minuteFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(epochMs).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
