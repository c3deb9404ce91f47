import { describe, expect, it } from 'vitest';
import { syntheticYear } from '../../../../test/support/synthetic-year.js';
import { chinaCalendar, dayFeatures, defaultFestivals } from './index.js';

const cal = chinaCalendar();
const festivals = defaultFestivals([2025]);

describe('day features', () => {
  it('knows the 2025 Spring Festival days off, its make-up Sunday and the backlog days after it', () => {
    expect(dayFeatures(cal, festivals, '2025-01-29')).toMatchObject({ kind: 'holiday', festival: 'spring' });
    expect(dayFeatures(cal, festivals, '2025-01-26')).toMatchObject({ kind: 'makeup', weekday: 0 });
    expect(dayFeatures(cal, festivals, '2025-02-05')).toMatchObject({ kind: 'workday', afterHoliday: 1 });
    expect(dayFeatures(cal, festivals, '2025-02-06').afterHoliday).toBe(2);
    expect(dayFeatures(cal, festivals, '2025-03-12')).toMatchObject({
      kind: 'workday',
      afterHoliday: 0,
      festival: null,
    });
  });

  it('puts 11 November in the 双十一 window and an ordinary weekend in none', () => {
    expect(dayFeatures(cal, festivals, '2025-11-11').festival).toBe('double11');
    expect(dayFeatures(cal, festivals, '2025-03-15')).toMatchObject({ kind: 'weekend', festival: null });
  });
});

describe('a synthetic year', () => {
  it('is the same for the same seed, has the weekday and festival pattern, and marks its spikes', () => {
    const a = syntheticYear({ seed: 7, base: 100, spikes: 6 });
    expect(syntheticYear({ seed: 7, base: 100, spikes: 6 })).toEqual(a);
    expect(a).toHaveLength(365);
    const mean = (days: typeof a) => days.reduce((s, d) => s + d.count, 0) / days.length;
    const quiet = a.filter((d) => d.spike === 1 && !d.festival && d.afterHoliday === 0);
    expect(mean(quiet.filter((d) => d.weekday === 1 && d.kind === 'workday'))).toBeGreaterThan(
      mean(quiet.filter((d) => d.weekday === 0 && d.kind === 'weekend')) * 1.4,
    );
    expect(mean(a.filter((d) => d.festival === 'double11'))).toBeGreaterThan(mean(quiet) * 1.5);
    expect(a.filter((d) => d.spike > 1).length).toBeGreaterThanOrEqual(6);
  });
});
