import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/time.js';
import type { ReturnVisitSettings } from '../../src/modules/return-visits/schemas.js';
import {
  addDays,
  type ClosedComplaint,
  DEFAULT_RETURN_VISIT_SETTINGS,
  visitDelay,
} from '../../src/modules/return-visits/selection.js';

const complaint = (overrides: Partial<ClosedComplaint> = {}): ClosedComplaint => ({
  id: 7,
  grade: 'general',
  categoryPath: '/1/12/120/',
  status: 'resolved',
  reopenCount: 0,
  ...overrides,
});
const settings = (overrides: Partial<ReturnVisitSettings> = {}): ReturnVisitSettings => ({
  ...DEFAULT_RETURN_VISIT_SETTINGS,
  ...overrides,
});

describe('which closed complaints get a return visit, and when', () => {
  it('takes the grade’s delay by default and visits neither merged nor withdrawn complaints', () => {
    expect(visitDelay(settings(), complaint())).toBe(45);
    expect(visitDelay(settings(), complaint({ grade: 'major' }))).toBe(30);
    expect(visitDelay(settings(), complaint({ status: 'merged' }))).toBeNull();
    expect(visitDelay(settings(), complaint({ status: 'withdrawn' }))).toBeNull();
  });

  it('lets the deepest category rule win, and a rule for the grade beat one for either grade', () => {
    const rules: ReturnVisitSettings['rules'] = [
      { categoryId: null, grade: null, days: 60, never: false },
      { categoryId: 1, grade: null, days: 20, never: false },
      { categoryId: 1, grade: 'general', days: 25, never: false },
      { categoryId: 12, grade: null, days: 10, never: false },
      { categoryId: 99, grade: null, days: 1, never: true },
    ];
    expect(visitDelay(settings({ rules }), complaint())).toBe(10);
    expect(visitDelay(settings({ rules }), complaint({ categoryPath: '/1/13/' }))).toBe(25);
    expect(visitDelay(settings({ rules }), complaint({ categoryPath: '/1/13/', grade: 'major' }))).toBe(20);
    expect(visitDelay(settings({ rules }), complaint({ categoryPath: '/2/' }))).toBe(60);
    expect(visitDelay(settings({ rules }), complaint({ categoryPath: '/99/5/', grade: 'major' }))).toBeNull();
  });

  it('samples a stable share of the satisfied general complaints, never skipping major or reopened ones', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const sampled = ids.filter(
      (id) => visitDelay(settings({ sharePercent: 30 }), complaint({ id })) !== null,
    );
    expect(sampled.length).toBeGreaterThan(250);
    expect(sampled.length).toBeLessThan(350);
    expect(
      ids.filter((id) => visitDelay(settings({ sharePercent: 30 }), complaint({ id })) !== null),
    ).toEqual(sampled);
    const none = settings({ sharePercent: 0 });
    expect(ids.every((id) => visitDelay(none, complaint({ id })) === null)).toBe(true);
    expect(ids.every((id) => visitDelay(none, complaint({ id, grade: 'major' })) === 30)).toBe(true);
    expect(ids.every((id) => visitDelay(none, complaint({ id, reopenCount: 1 })) === 45)).toBe(true);
  });

  it('counts calendar days on the organisation’s day', () => {
    expect(addDays('2026-12-31', 45)).toBe('2027-02-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    // 23:30 UTC on 31 December is already 1 January in Shanghai.
    expect(localDate(Date.parse('2026-12-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDate(Date.parse('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31');
  });
});
