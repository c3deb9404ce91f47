/**
 * Is the last day of a series a spike? The day alone and the last two days together are each
 * compared with the baseline fitted on the days before them (so a spike is found on its first day
 * when it is sharp, on its second when it is moderate but lasting); the smaller tail probability
 * counts, against half the scope's threshold each (two tests a day).
 */
import { type DayCount, DEFAULT_BASELINE, type Expectation, fitBaseline } from './baseline.js';
import { ALPHA, type Sensitivity } from './sensitivity.js';
import { upperQuantile, upperTail } from './tail.js';

/** Too few complaints above the expected level is no warning, however unlikely. */
export const MIN_EXCESS = 3;

export interface SpikeFigures {
  observed: number;
  expected: number;
  /** The upper end of the expected band (its 99th percentile). */
  upper: number;
  pValue: number;
  /** 1: the day alone; 2: the last two days together. */
  windowDays: 1 | 2;
}

/** The 99th percentile of the predictive distribution (for the band drawn with the series). */
export const upperBand = (e: Expectation, q = 0.01): number => upperQuantile(e.mean, e.size, q);

/** Judge the last day of `series` (oldest first); null when there is too little history or no spike. */
export function judgeLastDay(
  series: readonly DayCount[],
  sensitivity: Sensitivity,
  minHistory = 28,
): SpikeFigures | null {
  if (series.length < minHistory + 2) return null;
  const baseline = fitBaseline(series.slice(0, -2), DEFAULT_BASELINE);
  const [prev, last] = series.slice(-2) as [DayCount, DayCount];
  return testLastTwo(
    [prev.count, last.count],
    [baseline.expect(prev.features), baseline.expect(last.features)],
    sensitivity,
  );
}

/** The tests of judgeLastDay on the counts of the last two days and what was expected of each. */
export function testLastTwo(
  [prevCount, lastCount]: readonly [number, number],
  [ePrev, eLast]: readonly [Expectation, Expectation],
  sensitivity: Sensitivity,
): SpikeFigures | null {
  const alpha = ALPHA[sensitivity] / 2;
  const p1 = lastCount - eLast.mean >= MIN_EXCESS ? upperTail(lastCount, eLast.mean, eLast.size) : 1;
  const mean2 = ePrev.mean + eLast.mean;
  const var2 = ePrev.mean + ePrev.mean ** 2 / ePrev.size + eLast.mean + eLast.mean ** 2 / eLast.size;
  const size2 = var2 > mean2 ? mean2 ** 2 / (var2 - mean2) : Number.POSITIVE_INFINITY;
  const observed2 = prevCount + lastCount;
  const p2 =
    observed2 - mean2 >= MIN_EXCESS && lastCount > eLast.mean ? upperTail(observed2, mean2, size2) : 1;
  const one = p1 < alpha;
  const two = p2 < alpha;
  if (!one && !two) return null;
  const round = (x: number) => Math.round(x * 10) / 10;
  if (one && (!two || p1 <= p2))
    return {
      observed: lastCount,
      expected: round(eLast.mean),
      upper: upperBand(eLast),
      pValue: p1,
      windowDays: 1,
    };
  return {
    observed: observed2,
    expected: round(mean2),
    upper: upperBand({ mean: mean2, size: size2 }),
    pValue: p2,
    windowDays: 2,
  };
}

/** The fixed-threshold rule the detector is measured against: more than 1.5 × the mean of the last four weeks. */
export function fixedThreshold(series: readonly DayCount[]): boolean {
  if (series.length < 29) return false;
  const past = series.slice(-29, -1);
  const mean = past.reduce((s, d) => s + d.count, 0) / past.length;
  return (series.at(-1)?.count ?? 0) > 1.5 * mean;
}
