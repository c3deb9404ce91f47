import { describe, expect, it } from 'vitest';
import { DAY_MS, dateRange, daysFromCivil, formatEpochDay, parseLocalDate, weekdayOf } from './civil-date.js';

describe('civil-date arithmetic', () => {
  it('agrees with Date for every day from 1899 to 2101', () => {
    const first = daysFromCivil(1899, 1, 1);
    const last = daysFromCivil(2101, 12, 31);
    expect(first * DAY_MS).toBe(Date.UTC(1899, 0, 1));
    for (let day = first; day <= last; day++) {
      const date = new Date(day * DAY_MS);
      const iso = date.toISOString().slice(0, 10);
      if (formatEpochDay(day) !== iso) expect(formatEpochDay(day)).toBe(iso);
      if (parseLocalDate(iso) !== day) expect(parseLocalDate(iso)).toBe(day);
      if (weekdayOf(day) !== date.getUTCDay()) expect(weekdayOf(day)).toBe(date.getUTCDay());
    }
  });

  it('accepts real dates only', () => {
    expect(parseLocalDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
    expect(parseLocalDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-3-1', '2026/03/01', ''])
      expect(() => parseLocalDate(bad), bad).toThrow(RangeError);
  });

  it('lists the dates of a range, across months and years', () => {
    expect(dateRange('2024-12-30', '2025-01-02')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(dateRange('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dateRange('2026-10-01', '2026-10-01')).toEqual(['2026-10-01']);
    expect(dateRange('2026-10-02', '2026-10-01')).toEqual([]);
    expect(() => dateRange('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
