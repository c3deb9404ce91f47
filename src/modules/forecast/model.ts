/**
 * The forecast of daily complaint counts: a negative-binomial regression on each day's calendar
 * features (weekday, holiday, make-up day, the backlog after a long holiday, festivals) and a linear
 * trend, fitted on up to the last 53 weeks of daily counts, then read off for the days ahead with an
 * 80 % and a 95 % interval that count the coefficients' uncertainty too. Pure: the caller gives the counts and what each day is.
 */
import type { DayFeatures } from '../sla/index.js';
import { designRow } from './design.js';
import { countInterval, type Interval } from './intervals.js';
import { fitNegativeBinomial, logMeanVariance, predictMean } from './nb-regression.js';

/** Days of history the model is fitted on, at most (a year and a week: last year's festivals are in it). */
export const HISTORY_DAYS = 371;
/** Fewer days of history than this: no forecast (a weekday pattern needs a few weeks). */
export const MIN_HISTORY_DAYS = 21;
/** The trend is fitted only from this much history (a short window would extrapolate noise). */
const TREND_FROM_DAYS = 56;

export interface DayCount {
  date: string;
  count: number;
}

export interface ForecastDay extends Interval {
  date: string;
  /** Expected complaints (the model's mean). */
  expected: number;
}

/**
 * Forecast `ahead` (dates after the last history day) from `history` (consecutive days, oldest
 * first). Returns [] when the history is shorter than MIN_HISTORY_DAYS.
 */
export function forecastCounts(
  history: readonly DayCount[],
  ahead: readonly string[],
  features: (date: string) => DayFeatures,
): ForecastDay[] {
  const days = history.slice(-HISTORY_DAYS);
  if (days.length < MIN_HISTORY_DAYS) return [];
  if (days.every((d) => d.count === 0))
    return ahead.map((date) => ({ date, expected: 0, lo80: 0, hi80: 0, lo95: 0, hi95: 0 }));
  const trend = days.length >= TREND_FROM_DAYS ? 1 : 0;
  const origin = days.length;
  const row = (date: string, index: number) => designRow(features(date), (trend * (index - origin)) / 365);
  const rows = days.map((d, i) => row(d.date, i));
  const fit = fitNegativeBinomial(
    rows,
    days.map((d) => d.count),
  );
  return ahead.map((date, h) => {
    const x = row(date, origin + h);
    const expected = predictMean(x, fit.beta);
    // The mean is itself uncertain (log-normal with the variance of x·β): a count then varies as a
    // negative binomial whose over-dispersion is (1 + α)·e^v − 1 — wider for a festival not yet seen.
    const spread = (1 + fit.alpha) * Math.exp(logMeanVariance(x, fit)) - 1;
    return { date, expected, ...countInterval(expected, spread) };
  });
}
