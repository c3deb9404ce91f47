import { describe, expect, it } from 'vitest';
// The classifier's seeded generator (mulberry32), so that the property tests are reproducible.
import { seededRandom } from '../../classifier/random.js';
import {
  addClockTime,
  addTime,
  addWorkingTime,
  type BusinessCalendar,
  chinaCalendar,
  isWorkingDay,
  isWorkingTime,
  localDateOf,
  nextWorkingTime,
  timeBetween,
  type WorkingHours,
  workingTimeBetween,
} from './index.js';
import { cal, cst, D, H, inCst, M, utcWeekday } from './test-helpers.js';

describe('working time, Asia/Shanghai 09:00–18:00', () => {
  it('Friday 17:50 + 1 h is Monday 09:50', () => {
    // 2026-03-13 is an ordinary Friday, no holiday nearby.
    expect(utcWeekday('2026-03-13')).toBe(5);
    expect(inCst(addWorkingTime(cal, cst('2026-03-13T17:50'), H))).toBe('2026-03-16T09:50');
    expect(workingTimeBetween(cal, cst('2026-03-13T17:50'), cst('2026-03-16T09:50'))).toBe(H);
  });

  it('the evening before National Day 2026 + 1 h is 10:00 on the first day back', () => {
    expect(isWorkingDay(cal, '2026-10-07')).toBe(false);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
    expect(inCst(addWorkingTime(cal, cst('2026-09-30T20:00'), H))).toBe('2026-10-08T10:00');
  });

  it('a make-up Saturday is a working day', () => {
    for (const d of ['2026-02-14', '2026-02-28', '2026-10-10']) {
      expect(utcWeekday(d)).toBe(6);
      expect(isWorkingDay(cal, d)).toBe(true);
    }
    expect(isWorkingDay(cal, '2026-03-14')).toBe(false); // an ordinary Saturday
    expect(inCst(addWorkingTime(cal, cst('2026-02-27T17:30'), H))).toBe('2026-02-28T09:30');
    expect(isWorkingTime(cal, cst('2026-02-28T12:00'))).toBe(true);
  });

  it('spans the Spring Festival', () => {
    // 2026: make-up Saturday 02-14, off 02-15…02-23, back Tuesday 02-24.
    expect(inCst(addWorkingTime(cal, cst('2026-02-13T17:00'), 2 * H))).toBe('2026-02-14T10:00');
    expect(inCst(addWorkingTime(cal, cst('2026-02-14T17:00'), 2 * H))).toBe('2026-02-24T10:00');
    expect(workingTimeBetween(cal, cst('2026-02-14T00:00'), cst('2026-02-25T00:00'))).toBe(18 * H);
    // 2024: off 02-10…02-17, make-up Sunday 02-18.
    expect(inCst(addWorkingTime(cal, cst('2024-02-09T17:00'), 2 * H))).toBe('2024-02-18T10:00');
    // 2025: off 01-28…02-04, make-up Sunday 01-26 and Saturday 02-08.
    expect(inCst(addWorkingTime(cal, cst('2025-01-27T17:00'), 2 * H))).toBe('2025-02-05T10:00');
    // Three working days from the last afternoon before the 2026 holiday.
    expect(inCst(addWorkingTime(cal, cst('2026-02-13T15:00'), 3 * 9 * H))).toBe('2026-02-25T15:00');
  });

  it('counts from the next working period when received outside hours', () => {
    expect(inCst(addWorkingTime(cal, cst('2026-03-16T07:00'), H))).toBe('2026-03-16T10:00');
    expect(inCst(addWorkingTime(cal, cst('2026-03-14T12:00'), H))).toBe('2026-03-16T10:00');
    expect(inCst(nextWorkingTime(cal, cst('2026-03-14T12:00')))).toBe('2026-03-16T09:00');
    expect(inCst(nextWorkingTime(cal, cst('2026-03-16T11:00')))).toBe('2026-03-16T11:00');
  });

  it('ends at the end of a period when the time is used up exactly', () => {
    expect(inCst(addWorkingTime(cal, cst('2026-03-13T17:50'), 10 * M))).toBe('2026-03-13T18:00');
    expect(addWorkingTime(cal, cst('2026-03-14T12:00'), 0)).toBe(cst('2026-03-14T12:00'));
  });

  it('measures 0 for an empty or reversed range', () => {
    expect(workingTimeBetween(cal, cst('2026-03-16T10:00'), cst('2026-03-16T10:00'))).toBe(0);
    expect(workingTimeBetween(cal, cst('2026-03-16T12:00'), cst('2026-03-16T10:00'))).toBe(0);
    expect(workingTimeBetween(cal, cst('2026-10-01T00:00'), cst('2026-10-08T00:00'))).toBe(0);
  });

  it('rejects a negative duration and non-finite instants', () => {
    expect(() => addWorkingTime(cal, 0, -1)).toThrow(RangeError);
    expect(() => addWorkingTime(cal, Number.NaN, H)).toThrow(RangeError);
    expect(() => workingTimeBetween(cal, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('gives local dates in the calendar zone', () => {
    expect(localDateOf(cal, Date.parse('2026-03-13T16:30:00Z'))).toBe('2026-03-14');
    expect(localDateOf(cal, Date.parse('2026-03-13T15:59:59Z'))).toBe('2026-03-13');
  });
});

describe('lunch break (two intervals a day)', () => {
  const lunch: Array<[number, number]> = [
    [540, 720],
    [780, 1080],
  ];
  const hours: WorkingHours = { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch };
  const withLunch = chinaCalendar({ hours });

  it('starts counting after lunch when received during it', () => {
    expect(inCst(addWorkingTime(withLunch, cst('2026-03-16T12:30'), H))).toBe('2026-03-16T14:00');
    expect(inCst(addWorkingTime(withLunch, cst('2026-03-16T12:00'), H))).toBe('2026-03-16T14:00');
  });

  it('skips lunch inside a span', () => {
    expect(inCst(addWorkingTime(withLunch, cst('2026-03-16T11:30'), H))).toBe('2026-03-16T13:30');
    expect(workingTimeBetween(withLunch, cst('2026-03-16T11:30'), cst('2026-03-16T13:30'))).toBe(H);
    expect(workingTimeBetween(withLunch, cst('2026-03-16T00:00'), cst('2026-03-17T00:00'))).toBe(8 * H);
    // Friday afternoon to Monday morning.
    expect(inCst(addWorkingTime(withLunch, cst('2026-03-13T17:00'), 4 * H))).toBe('2026-03-16T12:00');
    expect(inCst(addWorkingTime(withLunch, cst('2026-03-13T17:00'), 5 * H))).toBe('2026-03-16T14:00');
  });

  it('merges overlapping or touching intervals', () => {
    const messy = chinaCalendar({
      hours: {
        1: [
          [600, 720],
          [540, 660],
          [720, 780],
        ],
      },
    });
    expect(messy.hours[1]).toEqual([[540, 780]]);
  });
});

describe('workingTimeBetween is the inverse of addWorkingTime', () => {
  const lunch: Array<[number, number]> = [
    [510, 720],
    [810, 1050],
  ];
  const calendars: Array<[string, BusinessCalendar]> = [
    ['Asia/Shanghai default', cal],
    [
      'Asia/Shanghai with lunch and a Saturday morning',
      chinaCalendar({ hours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch, 6: [[540, 720]] } }),
    ],
    ['Europe/Berlin', chinaCalendar({ timeZone: 'Europe/Berlin' })],
    [
      'America/New_York, 24 h on weekdays',
      chinaCalendar({
        timeZone: 'America/New_York',
        hours: { 1: [[0, 1440]], 2: [[0, 1440]], 3: [[0, 1440]], 4: [[0, 1440]], 5: [[0, 1440]] },
      }),
    ],
  ];
  const from = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-12-01T00:00:00Z') - from;

  it.each(calendars)('%s', (_name, c) => {
    const random = seededRandom(20261124);
    for (let i = 0; i < 400; i++) {
      const start = from + Math.floor(random() * span);
      // Mostly short limits, sometimes weeks; whole minutes or arbitrary milliseconds.
      const scale = random() < 0.7 ? 8 * H : 30 * 9 * H;
      const duration = random() < 0.5 ? Math.floor(random() * scale) : Math.floor((random() * scale) / M) * M;
      const due = addWorkingTime(c, start, duration);
      expect(due).toBeGreaterThanOrEqual(start);
      expect(workingTimeBetween(c, start, due)).toBe(duration);
      if (duration > 0) expect(isWorkingTime(c, due - 1)).toBe(true);

      // The other way round: from the measured time back to the end.
      const end = start + Math.floor(random() * 20 * D);
      const worked = workingTimeBetween(c, start, end);
      const back = addWorkingTime(c, start, worked);
      expect(back).toBeLessThanOrEqual(end);
      expect(workingTimeBetween(c, back, end)).toBe(0);
      // Additivity over a split point.
      const mid = start + Math.floor(random() * (end - start));
      expect(workingTimeBetween(c, start, mid) + workingTimeBetween(c, mid, end)).toBe(worked);
    }
  });
});

describe('clock time', () => {
  it('is plain addition', () => {
    const start = cst('2026-09-30T20:00');
    expect(addClockTime(start, H)).toBe(start + H);
    expect(addTime(cal, 'clock', start, 24 * H)).toBe(start + 24 * H);
    expect(timeBetween(cal, 'clock', start, start + 90 * M)).toBe(90 * M);
    expect(timeBetween(cal, 'clock', start + H, start)).toBe(0);
  });

  it('addTime and timeBetween dispatch on the mode', () => {
    const start = cst('2026-09-30T20:00');
    expect(addTime(cal, 'working', start, H)).toBe(cst('2026-10-08T10:00'));
    expect(timeBetween(cal, 'working', start, cst('2026-10-08T10:00'))).toBe(H);
    expect(() => addTime(cal, 'weekly' as 'clock', start, H)).toThrow(RangeError);
  });
});

describe('time zones with daylight-saving time', () => {
  const allDay: Array<[number, number]> = [[0, 1440]];
  const always = (timeZone: string): BusinessCalendar => ({
    timeZone,
    hours: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay },
    holidays: new Set(),
    workdays: new Set(),
    workdayHoursFrom: 1,
  });

  it('a working day of 24 local hours lasts 23 h in spring and 25 h in autumn (Europe/Berlin)', () => {
    const berlin = always('Europe/Berlin');
    // 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    expect(
      workingTimeBetween(
        berlin,
        Date.parse('2026-03-29T00:00:00+01:00'),
        Date.parse('2026-03-30T00:00:00+02:00'),
      ),
    ).toBe(23 * H);
    expect(
      workingTimeBetween(
        berlin,
        Date.parse('2026-10-25T00:00:00+02:00'),
        Date.parse('2026-10-26T00:00:00+01:00'),
      ),
    ).toBe(25 * H);
    expect(
      workingTimeBetween(
        berlin,
        Date.parse('2026-03-28T00:00:00+01:00'),
        Date.parse('2026-03-29T00:00:00+01:00'),
      ),
    ).toBe(24 * H);
    // With 24/7 hours, working time equals clock time, across the change too.
    const start = Date.parse('2026-03-28T12:00:00+01:00');
    expect(addWorkingTime(berlin, start, 36 * H)).toBe(start + 36 * H);
  });

  it('America/New_York: the spring day is 23 h', () => {
    const ny = always('America/New_York');
    expect(
      workingTimeBetween(
        ny,
        Date.parse('2026-03-08T00:00:00-05:00'),
        Date.parse('2026-03-09T00:00:00-04:00'),
      ),
    ).toBe(23 * H);
  });

  it('working hours stay at local 09:00–18:00 across the change', () => {
    const berlin = chinaCalendar({ timeZone: 'Europe/Berlin' });
    // Friday 17:00 CET + 2 h → Monday 10:00 CEST.
    expect(addWorkingTime(berlin, Date.parse('2026-03-27T17:00:00+01:00'), 2 * H)).toBe(
      Date.parse('2026-03-30T10:00:00+02:00'),
    );
    expect(
      workingTimeBetween(
        berlin,
        Date.parse('2026-03-30T00:00:00+02:00'),
        Date.parse('2026-03-31T00:00:00+02:00'),
      ),
    ).toBe(9 * H);
    expect(localDateOf(berlin, Date.parse('2026-03-29T23:30:00+02:00'))).toBe('2026-03-29');
  });

  it('hours through the skipped and the repeated hour', () => {
    // Sunday 02:00–04:00 local: in spring 02:00–03:00 does not exist, in autumn it happens twice.
    const night: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      hours: { 0: [[120, 240]] },
      holidays: new Set(),
      workdays: new Set(),
      workdayHoursFrom: 1,
    };
    const spring = Date.parse('2026-03-29T00:00:00+01:00');
    expect(workingTimeBetween(night, spring, spring + D)).toBe(H);
    expect(nextWorkingTime(night, spring)).toBe(Date.parse('2026-03-29T03:00:00+02:00'));
    const autumn = Date.parse('2026-10-25T00:00:00+02:00');
    expect(workingTimeBetween(night, autumn, autumn + D)).toBe(3 * H);
    expect(nextWorkingTime(night, autumn)).toBe(Date.parse('2026-10-25T02:00:00+02:00'));
  });

  it('a zone east of UTC+12 and one west of UTC', () => {
    const kiritimati = chinaCalendar({ timeZone: 'Pacific/Kiritimati' }); // UTC+14
    expect(addWorkingTime(kiritimati, Date.parse('2026-03-13T17:50:00+14:00'), H)).toBe(
      Date.parse('2026-03-16T09:50:00+14:00'),
    );
    const honolulu = chinaCalendar({ timeZone: 'Pacific/Honolulu' }); // UTC−10
    expect(addWorkingTime(honolulu, Date.parse('2026-03-13T17:50:00-10:00'), H)).toBe(
      Date.parse('2026-03-16T09:50:00-10:00'),
    );
  });
});

describe('misconfiguration and efficiency', () => {
  it('throws when there is no working time in three years', () => {
    const never = chinaCalendar({ hours: {} });
    expect(() => addWorkingTime(never, cst('2026-03-16T10:00'), H)).toThrow(/no working time/);
    expect(() => nextWorkingTime(never, cst('2026-03-16T10:00'))).toThrow(/no working time/);
    expect(workingTimeBetween(never, cst('2026-01-01T00:00'), cst('2027-01-01T00:00'))).toBe(0);
  });

  it('steps per interval, not per minute', () => {
    const c = chinaCalendar({ timeZone: 'Europe/Berlin' });
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) {
      const start = Date.parse('2025-01-01T00:00:00Z') + i * 7 * H;
      addWorkingTime(c, start, 3 * 9 * H);
      workingTimeBetween(c, start, start + 31 * D);
    }
    // A per-minute walk would take tens of seconds here.
    expect(performance.now() - t0).toBeLessThan(2000);
    // A whole year of working time, far ahead.
    const start = cst('2026-01-01T00:00');
    expect(workingTimeBetween(cal, start, addWorkingTime(cal, start, 248 * 9 * H))).toBe(248 * 9 * H);
  });
});
