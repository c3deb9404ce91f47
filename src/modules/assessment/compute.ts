import type { Db, Tx } from '../../db/database.js';
import { monthsOf, type PeriodRange, periodBounds } from '../../lib/periods.js';
import { type Figures, handlerFigures, responsibleFigures, withScore } from './figures.js';
import {
  handledRows,
  judgedCounts,
  qualitySums,
  receivedCounts,
  remediesPaid,
  stageCounts,
  surveySums,
} from './queries.js';
import type { ScoringRules } from './rules.js';
import type { Scope } from './scope.js';

export interface Window {
  start: number;
  end: number;
  months: string[];
}

export const windowOf = (range: PeriodRange, timeZone: string): Window => ({
  ...periodBounds(range, timeZone),
  months: monthsOf(range),
});

/**
 * The figures of a scope, by key (a person's id; 0 for a unit as a whole): seven statements whatever
 * the number of people. Keys with no figure at all are absent (read them as zero with `figuresOf`).
 */
export async function computeFigures(
  db: Db | Tx,
  scope: Scope,
  w: Window,
  rules: ScoringRules,
): Promise<(key: number) => Figures> {
  const [received, judged, remedies, handled, stages, surveys, quality] = await Promise.all([
    receivedCounts(db, scope, w),
    judgedCounts(db, scope, w),
    remediesPaid(db, scope, w),
    handledRows(db, scope, w),
    stageCounts(db, scope, w),
    surveySums(db, scope, w, rules.highSatisfactionFrom),
    qualitySums(db, scope, w),
  ]);
  return (key) =>
    withScore(
      responsibleFigures(received.get(key) ?? 0, judged.get(key) ?? [], remedies.get(key) ?? 0),
      handlerFigures(handled.get(key) ?? [], stages.get(key) ?? [], surveys.get(key), quality.get(key)),
      rules,
    );
}
