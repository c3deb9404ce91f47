import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, rulesFrom, type ScoreInput, score } from '../../src/modules/assessment/rules.js';

const none = { major: 0, service_conduct: 0, business_error: 0, minor_slip: 0 };
/** A handler's month: `handled` complaints with 8 stages each, at the given rates. */
function month(
  handled: number,
  rates: { onTime: number; reopened: number; firstContact: number },
): ScoreInput {
  const stages = handled * 8;
  const of = (rate: number, whole: number) => ({ rate, count: Math.round(rate * whole) });
  return {
    validByKind: none,
    majorValid: 0,
    onTime: { rate: rates.onTime, count: Math.round((1 - rates.onTime) * stages) },
    reopened: of(rates.reopened, handled),
    unsatisfied: of(0, handled),
    firstContact: of(rates.firstContact, handled),
    highSatisfaction: { rate: null, count: 0 },
    qualityAverage: null,
  };
}

describe('assessment score (考核得分)', () => {
  it('marks the handling figures by rate, so that a busy handler scores as a quiet one at the same rates', () => {
    const rates = { onTime: 0.85, reopened: 0.1, firstContact: 0 };
    const quiet = score(month(10, rates), DEFAULT_RULES);
    const busy = score(month(400, rates), DEFAULT_RULES);
    // 10 points below the on-time target, 5 above the reopen target: 100 − 10 − 5.
    expect(busy.total).toBe(85);
    expect(quiet.total).toBe(busy.total);
    expect(busy.lines).toEqual([
      { code: 'base', count: null, points: 100 },
      { code: 'on_time', count: 480, points: -10, rate: 0.85, target: 0.95 },
      { code: 'reopened', count: 40, points: -5, rate: 0.1, target: 0.05 },
    ]);
  });

  it('holds each rate line to its cap, and gives nothing for a rate on the right side of its target', () => {
    const worst = score(month(400, { onTime: 0.2, reopened: 0.9, firstContact: 0.9 }), DEFAULT_RULES);
    expect(worst.lines.map((l) => [l.code, l.points])).toEqual([
      ['base', 100],
      ['on_time', -20],
      ['reopened', -10],
      ['first_contact', 5],
    ]);
    expect(worst.total).toBe(75);
    const good = score(month(400, { onTime: 0.99, reopened: 0.01, firstContact: 0 }), DEFAULT_RULES);
    expect(good.lines).toEqual([{ code: 'base', count: null, points: 100 }]);
  });

  it('still deducts per valid complaint judged against the person', () => {
    const input = { ...month(40, { onTime: 1, reopened: 0, firstContact: 0 }), majorValid: 1 };
    const total = score({ ...input, validByKind: { ...none, major: 1, minor_slip: 3 } }, DEFAULT_RULES).total;
    expect(total).toBe(100 - 20 - 6 - 10);
  });

  it('reads rules saved before the rates with their own base and points, and the default rates', () => {
    const saved = {
      base: 90,
      validPoints: { major: 30, service_conduct: 10, business_error: 5, minor_slip: 2 },
      majorGradeExtra: 10,
      deductions: { overdueStage: 1, reopened: 2, unsatisfied: 2 },
      bonuses: { firstContact: 0.5, highSatisfaction: 1, highSatisfactionFrom: 9 },
      qualityWeight: 0.3,
    };
    expect(rulesFrom(saved)).toEqual({ ...DEFAULT_RULES, base: 90, validPoints: saved.validPoints });
    expect(rulesFrom(DEFAULT_RULES)).toBe(DEFAULT_RULES);
  });
});
