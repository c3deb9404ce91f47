import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS, hasHolidayData, isWorkingDay, KNOWN_YEARS, workingTimeBetween } from './index.js';
import { cal, cst, days, H, utcWeekday } from './test-helpers.js';

describe('PRC holiday data (国务院办公厅 notices)', () => {
  // Restated independently of the data file, date by date.
  const expected: Record<number, { holidays: string[]; workdays: string[] }> = {
    2024: {
      holidays: [
        '2024-01-01',
        ...days('2024-02-10', '2024-02-17'),
        ...days('2024-04-04', '2024-04-06'),
        ...days('2024-05-01', '2024-05-05'),
        '2024-06-10',
        ...days('2024-09-15', '2024-09-17'),
        ...days('2024-10-01', '2024-10-07'),
      ],
      workdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
    },
    2025: {
      holidays: [
        '2025-01-01',
        ...days('2025-01-28', '2025-02-04'),
        ...days('2025-04-04', '2025-04-06'),
        ...days('2025-05-01', '2025-05-05'),
        ...days('2025-05-31', '2025-06-02'),
        ...days('2025-10-01', '2025-10-08'),
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    2026: {
      holidays: [
        ...days('2026-01-01', '2026-01-03'),
        ...days('2026-02-15', '2026-02-23'),
        ...days('2026-04-04', '2026-04-06'),
        ...days('2026-05-01', '2026-05-05'),
        ...days('2026-06-19', '2026-06-21'),
        ...days('2026-09-25', '2026-09-27'),
        ...days('2026-10-01', '2026-10-07'),
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  };

  it('covers 2024–2026', () => {
    expect(KNOWN_YEARS).toEqual([2024, 2025, 2026]);
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2030)).toBe(false);
  });

  it.each([2024, 2025, 2026])('%i matches the published notice', (year) => {
    const data = CN_HOLIDAYS[year];
    expect(data?.holidays).toEqual(expected[year]?.holidays);
    expect(data?.workdays).toEqual(expected[year]?.workdays);
  });

  it.each([2024, 2025, 2026])('%i is consistent: make-up days are weekends, every date named', (year) => {
    const data = CN_HOLIDAYS[year];
    if (!data) throw new Error('no data');
    for (const d of data.workdays) {
      expect([0, 6], d).toContain(utcWeekday(d));
      expect(data.holidays).not.toContain(d);
    }
    for (const d of [...data.holidays, ...data.workdays]) {
      expect(d.startsWith(String(year)), d).toBe(true);
      expect(data.names[d], d).toBeTruthy();
    }
    expect(new Set(data.holidays).size).toBe(data.holidays.length);
  });

  it('names the days', () => {
    expect(CN_HOLIDAYS[2026]?.names['2026-02-17']).toBe('春节');
    expect(CN_HOLIDAYS[2026]?.names['2026-02-28']).toBe('春节');
    expect(CN_HOLIDAYS[2026]?.names['2026-10-01']).toBe('国庆节');
  });

  it('counts the working days of each year', () => {
    const count = (year: number) =>
      days(`${year}-01-01`, `${year}-12-31`).filter((d) => isWorkingDay(cal, d)).length;
    expect(count(2024)).toBe(251);
    expect(count(2025)).toBe(248);
    expect(count(2026)).toBe(248);
    // The same, measured as working time over the year.
    expect(workingTimeBetween(cal, cst('2026-01-01T00:00'), cst('2027-01-01T00:00'))).toBe(248 * 9 * H);
  });
});
