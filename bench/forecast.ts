/**
 * The forecast backtest (issue 16): on generated years of daily complaints (weekday pattern, PRC
 * holidays and make-up days, festivals, negative-binomial noise) of several seeds and base levels,
 * a rolling origin every day from the ninth week on: fit on the days before, forecast the next 7,
 * and compare the mean absolute percentage error with the seasonal naive forecast (same weekday last
 * week). Pure computation, no database: it runs once, not per database.
 * `npx tsx bench/forecast.ts`
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BacktestResult, backtest } from '../src/modules/forecast/backtest.js';
import { syntheticYear } from '../test/support/synthetic-year.js';
import type { BenchModule } from './lib/context.js';

const SEEDS = [1, 2, 3, 4, 5];
const BASES = [10, 40, 150, 600];

interface ForecastBench {
  mape: number;
  naiveMape: number;
  covered80: number;
  covered95: number;
  days: number;
  years: number;
}

export function runForecastBacktest(): ForecastBench {
  const results: BacktestResult[] = [];
  for (const seed of SEEDS)
    for (const base of BASES) {
      const year = syntheticYear({ seed, base });
      results.push(
        backtest(
          year.map((d) => ({ date: d.date, count: d.count, features: d })),
          { step: 1 },
        ),
      );
    }
  const days = results.reduce((s, r) => s + r.days, 0);
  const weighted = (pick: (r: BacktestResult) => number) =>
    results.reduce((s, r) => s + pick(r) * r.days, 0) / days;
  return {
    mape: weighted((r) => r.mape),
    naiveMape: weighted((r) => r.naiveMape),
    covered80: weighted((r) => r.covered80),
    covered95: weighted((r) => r.covered95),
    days,
    years: results.length,
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
export const summaryOf = (r: ForecastBench) =>
  `forecast mape 7d: ${percent(r.mape)} (seasonal naive: ${percent(r.naiveMape)}; 80 % interval held ${percent(r.covered80)}, 95 % ${percent(r.covered95)} of ${r.days} days in ${r.years} years)`;

export const forecastBench: BenchModule = {
  name: 'forecast',
  async run(ctx) {
    ctx.log('forecast: rolling-origin backtest on generated years');
    const r = runForecastBacktest();
    return { section: { ...r }, summary: [summaryOf(r)], ok: r.mape < r.naiveMape };
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  console.log(summaryOf(runForecastBacktest()));
