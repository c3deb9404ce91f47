/**
 * Public holidays (放假) and make-up working days (调休上班) of the People's Republic of China,
 * as published each year by the General Office of the State Council in
 * 《国务院办公厅关于YYYY年部分节假日安排的通知》.
 *
 * These are facts, not rules: each entry below is copied from that year's notice and was
 * cross-checked against the `chinese-days` npm package (v1.5.7). When the next notice is
 * published (usually in November of the year before), add the year here; until then dates of
 * that year fall back to plain weekends (see `hasHolidayData`).
 *
 * Dates are local calendar dates `YYYY-MM-DD` in the calendar's business time zone.
 */
import { dateRange } from './civil-date.js';

export interface HolidayPeriod {
  /** Chinese name as in the notice, e.g. `春节`. */
  name: string;
  /** English name, for the en locale. */
  nameEn: string;
  /** First and last day off, inclusive. */
  off: readonly [first: string, last: string];
  /** Weekend days worked in exchange (调休上班). */
  work: readonly string[];
}

/** The notices, one list of periods per year. */
export const CN_HOLIDAY_PERIODS: Readonly<Record<number, readonly HolidayPeriod[]>> = {
  // 国务院办公厅关于2024年部分节假日安排的通知
  2024: [
    { name: '元旦', nameEn: "New Year's Day", off: ['2024-01-01', '2024-01-01'], work: [] },
    {
      name: '春节',
      nameEn: 'Spring Festival',
      off: ['2024-02-10', '2024-02-17'],
      work: ['2024-02-04', '2024-02-18'],
    },
    { name: '清明节', nameEn: 'Qingming Festival', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] },
    {
      name: '劳动节',
      nameEn: 'Labour Day',
      off: ['2024-05-01', '2024-05-05'],
      work: ['2024-04-28', '2024-05-11'],
    },
    { name: '端午节', nameEn: 'Dragon Boat Festival', off: ['2024-06-10', '2024-06-10'], work: [] },
    {
      name: '中秋节',
      nameEn: 'Mid-Autumn Festival',
      off: ['2024-09-15', '2024-09-17'],
      work: ['2024-09-14'],
    },
    {
      name: '国庆节',
      nameEn: 'National Day',
      off: ['2024-10-01', '2024-10-07'],
      work: ['2024-09-29', '2024-10-12'],
    },
  ],
  // 国务院办公厅关于2025年部分节假日安排的通知 (first year with the two extra statutory days of
  // the 2024 revision: 除夕 and 5月2日)
  2025: [
    { name: '元旦', nameEn: "New Year's Day", off: ['2025-01-01', '2025-01-01'], work: [] },
    {
      name: '春节',
      nameEn: 'Spring Festival',
      off: ['2025-01-28', '2025-02-04'],
      work: ['2025-01-26', '2025-02-08'],
    },
    { name: '清明节', nameEn: 'Qingming Festival', off: ['2025-04-04', '2025-04-06'], work: [] },
    { name: '劳动节', nameEn: 'Labour Day', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
    { name: '端午节', nameEn: 'Dragon Boat Festival', off: ['2025-05-31', '2025-06-02'], work: [] },
    {
      name: '国庆节、中秋节',
      nameEn: 'National Day and Mid-Autumn Festival',
      off: ['2025-10-01', '2025-10-08'],
      work: ['2025-09-28', '2025-10-11'],
    },
  ],
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: [
    { name: '元旦', nameEn: "New Year's Day", off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
    {
      name: '春节',
      nameEn: 'Spring Festival',
      off: ['2026-02-15', '2026-02-23'],
      work: ['2026-02-14', '2026-02-28'],
    },
    { name: '清明节', nameEn: 'Qingming Festival', off: ['2026-04-04', '2026-04-06'], work: [] },
    { name: '劳动节', nameEn: 'Labour Day', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
    { name: '端午节', nameEn: 'Dragon Boat Festival', off: ['2026-06-19', '2026-06-21'], work: [] },
    { name: '中秋节', nameEn: 'Mid-Autumn Festival', off: ['2026-09-25', '2026-09-27'], work: [] },
    {
      name: '国庆节',
      nameEn: 'National Day',
      off: ['2026-10-01', '2026-10-07'],
      work: ['2026-09-20', '2026-10-10'],
    },
  ],
};

export interface HolidayYear {
  /** Every day off, sorted. */
  holidays: string[];
  /** Every make-up working day, sorted. */
  workdays: string[];
  /** Date → name of the holiday it belongs to (for days off and make-up days alike). */
  names: Record<string, string>;
}

function expand(periods: readonly HolidayPeriod[]): HolidayYear {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const names: Record<string, string> = {};
  for (const p of periods) {
    for (const d of dateRange(p.off[0], p.off[1])) {
      holidays.push(d);
      names[d] = p.name;
    }
    for (const d of p.work) {
      workdays.push(d);
      names[d] = p.name;
    }
  }
  return { holidays: holidays.sort(), workdays: workdays.sort(), names };
}

/** Per year: days off, make-up working days and their names. */
export const CN_HOLIDAYS: Readonly<Record<number, HolidayYear>> = Object.fromEntries(
  Object.entries(CN_HOLIDAY_PERIODS).map(([year, periods]) => [Number(year), expand(periods)]),
);

/** Years for which the official schedule is known, ascending. */
export const KNOWN_YEARS: readonly number[] = Object.keys(CN_HOLIDAY_PERIODS)
  .map(Number)
  .sort((a, b) => a - b);

/** Whether the shipped data covers `year`; outside it only weekends are days off. */
export function hasHolidayData(year: number): boolean {
  return KNOWN_YEARS.includes(year);
}
