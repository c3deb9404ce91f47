/**
 * The expected complaints of a day for one scope: a level (the recent days, with the calendar taken
 * out) times calendar factors — the day type (weekday 0–6, public holiday, make-up working day), the
 * first working days after a long holiday, and the festival — fitted by backfitting ratios of sums
 * on the history before the day. Past spikes are left out of the fit, and the uncertainty of the
 * fitted level and factors widens the count distribution the day is judged against.
 */
import type { DayFeatures } from '../sla/index.js';
import { upperTail } from './tail.js';

export interface DayCount {
  features: DayFeatures;
  count: number;
}

export interface Expectation {
  /** Expected complaints on the day. */
  mean: number;
  /** Negative-binomial size of the predictive distribution (noise and estimation error together). */
  size: number;
}

export interface BaselineOptions {
  /** Days of history the calendar factors are fitted on (a year covers every festival once). */
  fitDays: number;
  /** Days the current level is measured over. */
  levelDays: number;
}

export const DEFAULT_BASELINE: BaselineOptions = { fitDays: 371, levelDays: 42 };

/** A past day this unlikely under the fit is a spike: kept out of the fit. */
const OUTLIER_P = 1e-3;
/** Pseudo-days pulling a factor seen on few days towards 1. */
const SHRINK_DAYS = 2;
const HALF_WINDOW = 28;
const ROUNDS = 6;
/**
 * From this round on, each round marks the outliers again: the calendar factors are in place by
 * then, and the noise measured without the spikes marked before uncovers those they hid (a past spike
 * left in widens the noise, which in turn keeps it from being marked).
 */
const OUTLIER_ROUND = 2;

/** A day's factor keys, one per slot: day type, holiday or the backlog after one, festival. */
const keysOf = (f: DayFeatures): Array<string | null> => [
  f.kind === 'makeup' ? 'makeup' : `wd${f.weekday}`,
  f.kind === 'holiday' ? 'holiday' : f.afterHoliday > 0 ? `after${f.afterHoliday}` : null,
  f.festival ? `festival:${f.festival}` : null,
];
const SLOTS = [0, 1, 2] as const;

export interface Baseline {
  expect(features: DayFeatures): Expectation;
}

/** Fit on `history` (oldest first, all before the days to judge). */
export function fitBaseline(history: readonly DayCount[], options = DEFAULT_BASELINE): Baseline {
  const days = history.slice(-options.fitDays);
  const n = days.length;
  const keys = days.map((d) => keysOf(d.features));
  const factor = new Map<string, number>();
  const profile = (k: ReadonlyArray<string | null>) =>
    k.reduce((p, key) => (key === null ? p : p * (factor.get(key) ?? 1)), 1);
  const kept = days.map(() => true);
  let levels: number[] = days.map(() => 0);

  const centredLevels = () => {
    const c = [0];
    const e = [0];
    for (let i = 0; i < n; i++) {
      const day = days[i] as DayCount;
      const use = kept[i] ? 1 : 0;
      c.push((c[i] ?? 0) + use * day.count);
      e.push((e[i] ?? 0) + use * profile(keys[i] ?? []));
    }
    return days.map((_, i) => {
      const lo = Math.max(0, i - HALF_WINDOW);
      const hi = Math.min(n, i + HALF_WINDOW + 1);
      const sumE = (e[hi] ?? 0) - (e[lo] ?? 0);
      return sumE > 0 ? ((c[hi] ?? 0) - (c[lo] ?? 0)) / sumE : 0;
    });
  };
  // The mean day (at least a tenth of a complaint, so that an empty history fits factors of 1).
  const mean = Math.max(n ? days.reduce((s, d) => s + d.count, 0) / n : 0, 0.1);

  for (let round = 0; round < ROUNDS; round++) {
    levels = centredLevels();
    if (round >= OUTLIER_ROUND) {
      const size = dispersion(days, keys, levels, profile, kept);
      for (let i = 0; i < n; i++) {
        const mu = (levels[i] ?? 0) * profile(keys[i] ?? []);
        const c = (days[i] as DayCount).count;
        const sd = Math.sqrt(mu + (Number.isFinite(size) ? (mu * mu) / size : 0));
        // Only a day well above its level can be this unlikely: the tail is summed for those alone.
        kept[i] = c < mu + 2.5 * sd || upperTail(c, mu, size) >= OUTLIER_P;
      }
      levels = centredLevels();
    }
    for (const slot of SLOTS) {
      const num = new Map<string, number>();
      const den = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const k = keys[i] ?? [];
        const own = k[slot];
        if (!own || !kept[i]) continue;
        const others = profile(k) / (factor.get(own) ?? 1);
        num.set(own, (num.get(own) ?? 0) + (days[i] as DayCount).count);
        den.set(own, (den.get(own) ?? 0) + (levels[i] ?? 0) * others);
      }
      for (const [key, sum] of num) {
        const pseudo = SHRINK_DAYS * mean;
        factor.set(key, (sum + pseudo) / ((den.get(key) ?? 0) + pseudo));
      }
    }
  }
  const size = dispersion(days, keys, levels, profile, kept);
  // Counts behind each factor, for its estimation error.
  const support = new Map<string, number>();
  for (let i = 0; i < n; i++)
    if (kept[i])
      for (const key of keys[i] ?? [])
        if (key !== null) support.set(key, (support.get(key) ?? 0) + (days[i] as DayCount).count);

  let levelCount = 0;
  let levelProfile = 0;
  let levelDays = 0;
  for (let i = n - 1; i >= 0 && levelDays < options.levelDays; i--) {
    if (!kept[i]) continue;
    levelCount += (days[i] as DayCount).count;
    levelProfile += profile(keys[i] ?? []);
    levelDays++;
  }
  const level = levelProfile > 0 ? levelCount / levelProfile : 0;

  return {
    expect(features) {
      const k = keysOf(features);
      const mu = Math.max(level * profile(k), 0.05);
      // Relative variance of the fitted mean: the level's and each factor's, as Poisson counts.
      let relVar =
        1 / Math.max(levelCount, 1) + (Number.isFinite(size) ? 1 / (size * Math.max(levelDays, 1)) : 0);
      for (const key of k) if (key !== null) relVar += 1 / (SHRINK_DAYS * mean + (support.get(key) ?? 0));
      const noise = Number.isFinite(size) ? 1 / size : 0;
      return { mean: mu, size: 1 / (noise + relVar) };
    },
  };
}

/** The negative-binomial size by moments on the kept days (Infinity when no extra-Poisson variation shows). */
function dispersion(
  days: readonly DayCount[],
  keys: ReadonlyArray<ReadonlyArray<string | null>>,
  levels: readonly number[],
  profile: (k: ReadonlyArray<string | null>) => number,
  kept: readonly boolean[],
): number {
  let excess = 0;
  let squares = 0;
  for (let i = 0; i < days.length; i++) {
    if (!kept[i]) continue;
    const mu = (levels[i] ?? 0) * profile(keys[i] ?? []);
    const c = (days[i] as DayCount).count;
    excess += (c - mu) ** 2 - mu;
    squares += mu * mu;
  }
  return excess > 0 && squares > 0 ? squares / excess : Number.POSITIVE_INFINITY;
}
