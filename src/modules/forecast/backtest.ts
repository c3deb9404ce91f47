/**
 * A rolling-origin backtest of the forecast against the seasonal naive forecast (the same weekday a
 * week before): at every `step`-th day from `minHistory` on, fit on the days before and forecast the
 * next `horizon` days; the mean absolute percentage error over every forecast day with a count.
 */
import type { DayFeatures } from '../sla/index.js';
import { type DayCount, forecastCounts } from './model.js';

export interface BacktestResult {
  /** Mean absolute percentage error of the model, 0–1. */
  mape: number;
  /** The same of the seasonal naive forecast. */
  naiveMape: number;
  /** Forecast days scored. */
  days: number;
  /** Share of the scored days whose count fell inside the 80 % interval. */
  covered80: number;
  /** The same for the 95 % interval. */
  covered95: number;
}

export interface BacktestOptions {
  horizon?: number;
  minHistory?: number;
  step?: number;
}

export function backtest(
  series: readonly (DayCount & { features: DayFeatures })[],
  { horizon = 7, minHistory = 56, step = 7 }: BacktestOptions = {},
): BacktestResult {
  const byDate = new Map(series.map((d) => [d.date, d.features]));
  const featuresOf = (date: string) => {
    const f = byDate.get(date);
    if (!f) throw new Error(`no features for ${date}`);
    return f;
  };
  let model = 0;
  let naive = 0;
  let covered = 0;
  let covered95 = 0;
  let scored = 0;
  for (let origin = minHistory; origin + horizon <= series.length; origin += step) {
    const future = series.slice(origin, origin + horizon);
    const forecast = forecastCounts(
      series.slice(0, origin),
      future.map((d) => d.date),
      featuresOf,
    );
    future.forEach((actual, h) => {
      const f = forecast[h];
      const lastWeek = series[origin + h - 7];
      if (!f || !lastWeek || actual.count === 0) return;
      model += Math.abs(actual.count - f.expected) / actual.count;
      naive += Math.abs(actual.count - lastWeek.count) / actual.count;
      if (f.lo80 <= actual.count && actual.count <= f.hi80) covered++;
      if (f.lo95 <= actual.count && actual.count <= f.hi95) covered95++;
      scored++;
    });
  }
  const per = (sum: number) => (scored ? sum / scored : 0);
  return {
    mape: per(model),
    naiveMape: per(naive),
    days: scored,
    covered80: per(covered),
    covered95: per(covered95),
  };
}
