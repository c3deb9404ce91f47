/**
 * A generated year of daily complaint counts for one scope, for detector simulations and forecast
 * backtests: a base level × weekday pattern × day kind (holidays low, make-up days like workdays,
 * the backlog after a long holiday) × festival lift, with over-dispersed noise (gamma–Poisson, i.e.
 * negative binomial) and optional spikes injected at random days. Seeded: the same options give the
 * same year.
 */
import {
  chinaCalendar,
  type DayFeatures,
  dateRange,
  dayFeatures,
  defaultFestivals,
} from '../../src/modules/sla/index.js';
import { type Random, seededRandom } from '../../src/seed/history/random.js';

export interface SyntheticDay extends DayFeatures {
  /** The level the generator drew around (without noise or spike). */
  expected: number;
  count: number;
  /** The spike multiplier on this day (1 when none). */
  spike: number;
}

export interface SyntheticYearOptions {
  seed: number;
  year?: number;
  /** Mean complaints on an ordinary Wednesday. */
  base: number;
  /** Negative-binomial shape: smaller is noisier; Infinity gives Poisson. Default DISPERSION. */
  dispersion?: number;
  /** Number of spikes to inject (each 1–3 days, ×1.8–3 of the expected level). Default 0. */
  spikes?: number;
}

/** The default negative-binomial shape of the noise (variance = mean + mean² / 30). */
export const DISPERSION = 30;

const WEEKDAY = [0.72, 1.25, 1.12, 1.0, 0.98, 0.94, 0.78];
const KIND = { workday: 1, makeup: 1.05, weekend: 1, holiday: 0.45 } as const;
const AFTER_HOLIDAY = [1, 1.6, 1.35, 1.15];
const FESTIVAL: Record<string, number> = { '618': 1.5, double11: 1.9, double12: 1.3, spring: 0.7 };

function gamma(rng: Random, shape: number): number {
  // Marsaglia–Tsang (shape ≥ 1).
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = rng.next() || 1e-12;
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (Math.log(u || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function poisson(rng: Random, lambda: number): number {
  if (lambda > 60) {
    const u1 = rng.next() || 1e-12;
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.next());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

export function expectedLevel(base: number, f: DayFeatures): number {
  const weekday = f.kind === 'makeup' ? WEEKDAY[1] : WEEKDAY[f.weekday];
  return (
    base *
    (weekday ?? 1) *
    KIND[f.kind] *
    (AFTER_HOLIDAY[f.afterHoliday] ?? 1) *
    (f.festival ? (FESTIVAL[f.festival] ?? 1) : 1)
  );
}

export function syntheticYear(options: SyntheticYearOptions): SyntheticDay[] {
  const year = options.year ?? 2025;
  const rng = seededRandom(options.seed);
  const cal = chinaCalendar();
  const festivals = defaultFestivals([year]);
  const dispersion = options.dispersion ?? DISPERSION;
  const days = dateRange(`${year}-01-01`, `${year}-12-31`).map((date) => {
    const f = dayFeatures(cal, festivals, date);
    return { ...f, expected: expectedLevel(options.base, f), count: 0, spike: 1 };
  });
  for (let s = 0; s < (options.spikes ?? 0); s++) {
    const start = rng.int(14, days.length - 4);
    const length = rng.int(1, 3);
    const lift = 1.8 + rng.next() * 1.2;
    for (let i = start; i < start + length; i++) {
      const day = days[i];
      if (day) day.spike = lift;
    }
  }
  for (const day of days) {
    const lambda = day.expected * day.spike;
    const mean = Number.isFinite(dispersion) ? (lambda * gamma(rng, dispersion)) / dispersion : lambda;
    day.count = poisson(rng, mean);
  }
  return days;
}
