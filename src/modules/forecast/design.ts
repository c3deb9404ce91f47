/**
 * The design row of a day for the count regression: what the model knows about a day — its weekday
 * (a make-up working day counts as a Monday, the day the week's backlog arrives), whether it is a
 * holiday or a make-up day, the first three working days after a long holiday, the festival it falls
 * in, and a linear trend in years from the forecast origin.
 */
import type { DayFeatures } from '../sla/index.js';

/** The festivals the model has a coefficient for (the keys of `defaultFestivals`). */
export const FESTIVAL_KEYS = ['618', 'double11', 'double12', 'spring'] as const;

/** Column names, in the order of `designRow` (for reading coefficients). */
export const COLUMNS = [
  'intercept',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'holiday',
  'makeup',
  'after1',
  'after2',
  'after3',
  ...FESTIVAL_KEYS.map((k) => `festival:${k}`),
  'trend',
] as const;

/** `yearsFromOrigin`: (day − origin) / 365, negative for the training days. */
export function designRow(f: DayFeatures, yearsFromOrigin: number): number[] {
  const weekday = f.kind === 'makeup' ? 1 : f.weekday;
  return [
    1,
    ...[1, 2, 3, 4, 5, 6].map((d) => (weekday === d ? 1 : 0)),
    f.kind === 'holiday' ? 1 : 0,
    f.kind === 'makeup' ? 1 : 0,
    ...[1, 2, 3].map((n) => (f.afterHoliday === n ? 1 : 0)),
    ...FESTIVAL_KEYS.map((k) => (f.festival === k ? 1 : 0)),
    yearsFromOrigin,
  ];
}
