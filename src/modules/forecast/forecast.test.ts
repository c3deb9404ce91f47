import { describe, expect, it } from 'vitest';
import { syntheticYear } from '../../../test/support/synthetic-year.js';
import { chinaCalendar, dateRange, dayFeatures, defaultFestivals } from '../sla/index.js';
import { backtest } from './backtest.js';
import { countInterval } from './intervals.js';
import { forecastCounts } from './model.js';

const asSeries = (year: ReturnType<typeof syntheticYear>) =>
  year.map((d) => ({ date: d.date, count: d.count, features: d }));

describe('forecast of daily complaints', () => {
  it('beats the seasonal naive forecast (same weekday last week) on generated years', () => {
    const results = [
      { seed: 3, base: 40 },
      { seed: 11, base: 150 },
    ].map((o) => backtest(asSeries(syntheticYear(o)), { step: 14 }));
    const mape = results.reduce((s, r) => s + r.mape, 0) / results.length;
    const naive = results.reduce((s, r) => s + r.naiveMape, 0) / results.length;
    console.log(
      `forecast mape 7d: ${(mape * 100).toFixed(1)} % (seasonal naive: ${(naive * 100).toFixed(1)} %)`,
    );
    expect(mape).toBeLessThan(naive);
    for (const r of results) expect(r.mape).toBeLessThan(r.naiveMape);
  });

  it('has intervals that hold as often as they say: about 80 % and 95 % of the days forecast', () => {
    const results = [
      { seed: 2, base: 10 },
      { seed: 4, base: 40 },
      { seed: 6, base: 150 },
      { seed: 8, base: 600 },
    ].map((o) => backtest(asSeries(syntheticYear(o)), { step: 1 }));
    const days = results.reduce((s, r) => s + r.days, 0);
    const held = (pick: (r: (typeof results)[number]) => number) =>
      results.reduce((s, r) => s + pick(r) * r.days, 0) / days;
    // Without the coefficients' own uncertainty the 80 % interval held 75 % (a festival seen once).
    expect(held((r) => r.covered80)).toBeGreaterThan(0.77);
    expect(held((r) => r.covered80)).toBeLessThan(0.85);
    expect(held((r) => r.covered95)).toBeGreaterThan(0.93);
    expect(held((r) => r.covered95)).toBeLessThan(0.98);
  });

  it('expects fewer complaints on the National Day holiday and more after it', () => {
    const cal = chinaCalendar();
    const festivals = defaultFestivals([2025]);
    const year = syntheticYear({ seed: 5, base: 80, dispersion: Number.POSITIVE_INFINITY });
    const history = year.filter((d) => d.date < '2025-09-25');
    const ahead = dateRange('2025-09-25', '2025-10-15');
    const f = forecastCounts(history, ahead, (date) => dayFeatures(cal, festivals, date));
    const on = (date: string) => f.find((d) => d.date === date)?.expected ?? Number.NaN;
    // 2025-10-02 (Thursday) is a holiday; 2025-10-09 (Thursday) the first working day after it.
    expect(on('2025-10-02')).toBeLessThan(on('2025-09-25') * 0.7);
    expect(on('2025-10-09')).toBeGreaterThan(on('2025-09-25') * 1.2);
  });

  it('gives no forecast from fewer than three weeks and zeros from a silent history', () => {
    const cal = chinaCalendar();
    const festivals = defaultFestivals([2025]);
    const features = (date: string) => dayFeatures(cal, festivals, date);
    const days = dateRange('2025-03-01', '2025-03-31');
    expect(
      forecastCounts(
        days.slice(0, 20).map((date) => ({ date, count: 5 })),
        ['2025-04-01'],
        features,
      ),
    ).toEqual([]);
    const silent = forecastCounts(
      days.map((date) => ({ date, count: 0 })),
      ['2025-04-01'],
      features,
    );
    expect(silent[0]?.expected).toBe(0);
  });

  it('puts a count inside its intervals as often as they claim', () => {
    const i = countInterval(100, 0);
    expect(i.lo95).toBeLessThan(i.lo80);
    expect(i.lo80).toBeLessThan(100);
    expect(i.hi80).toBeGreaterThan(100);
    expect(i.hi95).toBeGreaterThan(i.hi80);
    // Poisson(100): 80 % interval about 87–113.
    expect(i.lo80).toBeGreaterThanOrEqual(85);
    expect(i.hi80).toBeLessThanOrEqual(115);
    const wide = countInterval(100, 0.1);
    expect(wide.hi95 - wide.lo95).toBeGreaterThan(i.hi95 - i.lo95);
    expect(countInterval(5000, 0.02).hi80).toBeGreaterThan(5000);
  });
});
