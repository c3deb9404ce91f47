import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  chinaCalendar,
  hasHolidayData,
  isWorkingDay,
  type WorkingHours,
  workingTimeBetween,
} from './index.js';
import { cal, cst, H, inCst } from './test-helpers.js';

describe('administrator overrides', () => {
  it('an extra holiday is a day off', () => {
    const c = chinaCalendar({ extraHolidays: ['2026-03-16'] });
    expect(isWorkingDay(c, '2026-03-16')).toBe(false);
    expect(inCst(addWorkingTime(c, cst('2026-03-13T17:50'), H))).toBe('2026-03-17T09:50');
  });

  it('an extra holiday cancels an official make-up day', () => {
    const c = chinaCalendar({ extraHolidays: ['2026-02-14'] });
    expect(isWorkingDay(c, '2026-02-14')).toBe(false);
    expect(inCst(addWorkingTime(c, cst('2026-02-13T17:30'), H))).toBe('2026-02-24T09:30');
  });

  it('a removed holiday becomes an ordinary day of its weekday', () => {
    const c = chinaCalendar({ removeHolidays: ['2026-10-05', '2026-10-03'] });
    expect(isWorkingDay(c, '2026-10-05')).toBe(true); // Monday
    expect(isWorkingDay(c, '2026-10-03')).toBe(false); // Saturday
    expect(inCst(addWorkingTime(c, cst('2026-09-30T20:00'), H))).toBe('2026-10-05T10:00');
  });

  it('an extra workday works with the make-up hours', () => {
    const c = chinaCalendar({ extraWorkdays: ['2026-03-14', '2026-10-02'] });
    expect(inCst(addWorkingTime(c, cst('2026-03-13T17:50'), H))).toBe('2026-03-14T09:50');
    expect(inCst(addWorkingTime(c, cst('2026-09-30T20:00'), H))).toBe('2026-10-02T10:00');
    const halfDays = chinaCalendar({
      extraWorkdays: ['2026-03-14'],
      hours: { 1: [[540, 1080]], 3: [[540, 720]] },
      workdayHoursFrom: 3,
    });
    expect(workingTimeBetween(halfDays, cst('2026-03-14T00:00'), cst('2026-03-15T00:00'))).toBe(3 * H);
  });

  it('keeps the official data when there are no overrides', () => {
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.holidays.has('2026-10-01')).toBe(true);
    expect(cal.workdays.has('2026-10-10')).toBe(true);
    expect(cal.workdayHoursFrom).toBe(1);
  });

  it('rejects contradictions and malformed settings', () => {
    expect(() => chinaCalendar({ extraHolidays: ['2026-03-16'], extraWorkdays: ['2026-03-16'] })).toThrow(
      RangeError,
    );
    expect(() => chinaCalendar({ extraHolidays: ['2026-03-16'], removeHolidays: ['2026-03-16'] })).toThrow(
      RangeError,
    );
    expect(() => chinaCalendar({ extraHolidays: ['2026-02-30'] })).toThrow(/invalid date/);
    expect(() => chinaCalendar({ extraWorkdays: ['2026/03/14'] })).toThrow(/invalid date/);
    expect(() => chinaCalendar({ timeZone: 'Mars/Olympus_Mons' })).toThrow(/unknown time zone/);
    expect(() => chinaCalendar({ hours: { 1: [[1080, 540]] } })).toThrow(RangeError);
    expect(() => chinaCalendar({ hours: { 1: [[0, 1441]] } })).toThrow(RangeError);
    expect(() => chinaCalendar({ hours: { 7: [[540, 1080]] } })).toThrow(/weekday/);
    expect(() => chinaCalendar({ workdayHoursFrom: 7 })).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026-13-01')).toThrow(RangeError);
  });

  it('accepts hours read back from JSON settings (string keys)', () => {
    const c = chinaCalendar(
      JSON.parse('{"hours":{"1":[[540,1080]],"6":[[600,720]]}}') as { hours: WorkingHours },
    );
    expect(isWorkingDay(c, '2026-03-14')).toBe(true);
    expect(workingTimeBetween(c, cst('2026-03-14T00:00'), cst('2026-03-15T00:00'))).toBe(2 * H);
  });
});

describe('years without official data', () => {
  it('fall back to plain weekends', () => {
    expect(hasHolidayData(2030)).toBe(false);
    expect(isWorkingDay(cal, '2030-10-01')).toBe(true); // a Tuesday: National Day unknown here
    expect(isWorkingDay(cal, '2030-10-05')).toBe(false); // a Saturday
    expect(inCst(addWorkingTime(cal, cst('2030-09-27T17:50'), H))).toBe('2030-09-30T09:50');
    expect(isWorkingDay(cal, '2023-01-02')).toBe(true); // a Monday before the data begins
  });
});
