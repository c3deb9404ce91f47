import { describe, expect, it } from 'vitest';
import { dateKey, formatLocal, zoneOffset } from './time.js';

/** The offset as the runtime's time-zone data gives it, read field by field (no cache). */
function reference(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const instant = Math.floor(epochMs / 1000) * 1000;
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant
  );
}

const HOUR = 3_600_000;

describe('zoneOffset', () => {
  // Shanghai (no change), New York and Lord Howe (half-hour summer time), Kathmandu (+5:45).
  const zones = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

  it('gives the runtime’s offset at every instant of a year, across the changes', () => {
    const start = Date.UTC(2026, 0, 1);
    for (const zone of zones)
      for (let t = start; t < start + 366 * 24 * HOUR; t += 7 * 60_000 + 13_000)
        if (zoneOffset(t, zone) !== reference(t, zone))
          expect({ zone, at: new Date(t).toISOString(), offset: zoneOffset(t, zone) }).toEqual({
            zone,
            at: new Date(t).toISOString(),
            offset: reference(t, zone),
          });
  });

  it('changes at the instant of the change, not at the UTC day', () => {
    // New York springs forward at 2026-03-08 07:00 UTC (02:00 EST → 03:00 EDT).
    const change = Date.UTC(2026, 2, 8, 7);
    expect(zoneOffset(change - 1, 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(change, 'America/New_York')).toBe(-4 * HOUR);
    expect(formatLocal(change - 60_000, 'America/New_York')).toBe('2026-03-08 01:59');
    expect(formatLocal(change, 'America/New_York')).toBe('2026-03-08 03:00');
  });

  it('dates an instant by the zone’s calendar', () => {
    expect(dateKey(Date.UTC(2026, 11, 31, 16), 'Asia/Shanghai')).toBe('20270101');
    expect(dateKey(Date.UTC(2026, 11, 31, 15, 59), 'Asia/Shanghai')).toBe('20261231');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => zoneOffset(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
