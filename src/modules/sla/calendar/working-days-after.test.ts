import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysAgo } from './index.js';
import { cal, cst, inCst } from './test-helpers.js';

describe('working days after an instant, Asia/Shanghai', () => {
  it('Friday 15:00 + 2 working days is Tuesday 15:00, across the weekend', () => {
    expect(inCst(addWorkingDays(cal, cst('2026-03-13T15:00'), 2))).toBe('2026-03-17T15:00');
  });

  it('skips the National Day holidays and works the make-up Saturday', () => {
    expect(inCst(addWorkingDays(cal, cst('2026-09-30T10:00'), 1))).toBe('2026-10-08T10:00');
    expect(inCst(addWorkingDays(cal, cst('2026-10-09T10:00'), 1))).toBe('2026-10-10T10:00');
  });

  it('counts a day off from the beginning of the next working day, so a later instant is never earlier', () => {
    expect(inCst(addWorkingDays(cal, cst('2026-03-14T15:00'), 1))).toBe('2026-03-17T00:00');
    expect(addWorkingDays(cal, cst('2026-03-15T10:00'), 1)).toBeGreaterThanOrEqual(
      addWorkingDays(cal, cst('2026-03-14T15:00'), 1),
    );
    expect(inCst(addWorkingDays(cal, cst('2026-03-13T23:59'), 1))).toBe('2026-03-16T23:59');
  });

  it('zero days is the instant itself on a working day', () => {
    expect(addWorkingDays(cal, cst('2026-03-16T11:00'), 0)).toBe(cst('2026-03-16T11:00'));
  });
});

describe('working days ago', () => {
  it('is the latest instant that is that many working days old', () => {
    const now = cst('2026-03-16T10:00');
    // Monday 10:00: one working day ago is Friday 10:00 (Saturday and Sunday count from Monday 00:00).
    expect(inCst(workingDaysAgo(cal, now, 1))).toBe('2026-03-13T10:00');
    expect(addWorkingDays(cal, workingDaysAgo(cal, now, 1), 1)).toBeLessThanOrEqual(now);
    expect(addWorkingDays(cal, workingDaysAgo(cal, now, 1) + 1, 1)).toBeGreaterThan(now);
    expect(inCst(workingDaysAgo(cal, cst('2026-03-17T00:00'), 1))).toBe('2026-03-16T00:00');
  });
});
