/**
 * Daily counts per scope and series from the statistics rollup (`stats_counts`), never from the
 * complaints: one grouped read per kind of series over the history window, summed up the unit tree
 * (a unit's scope is its subtree; unit 0 is the whole organisation) and folded to level-1 categories.
 */
import type { Db, Tx } from '../../db/database.js';
import { categoriesById } from '../categories/index.js';

export type SeriesKind = 'total' | 'category' | 'region';

/** "unit|series|key" → day (yyyymmdd) → complaints. */
export type SeriesCounts = Map<string, Map<number, number>>;

export const seriesKey = (unitId: number, series: SeriesKind, key: string) => `${unitId}|${series}|${key}`;

const ancestors = (path: string) => [0, ...path.split('/').filter(Boolean).map(Number)];

/** Counts of every scope's series on days [from, to] (yyyymmdd), the unit paths given. */
export async function readSeries(db: Db | Tx, from: number, to: number): Promise<SeriesCounts> {
  const [units, categories] = await Promise.all([
    db.selectFrom('units').select(['id', 'path']).execute(),
    categoriesById(db),
  ]);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const levelOne = (categoryId: number) => {
    const path = categories.get(categoryId)?.path ?? '';
    return path.split('/').filter(Boolean)[0] ?? '';
  };
  const out: SeriesCounts = new Map();
  const add = (unitId: number, series: SeriesKind, key: string, day: number, n: number) => {
    for (const scope of ancestors(pathOf.get(unitId) ?? '')) {
      const k = seriesKey(scope, series, key);
      const days = out.get(k) ?? new Map<number, number>();
      days.set(day, (days.get(day) ?? 0) + n);
      out.set(k, days);
    }
  };
  // The units' rows (the organisation's own, unit −1, would count everything twice up the tree), and
  // those of complaints without a unit (0). Named one by one, so that each is a seek to its unit, then
  // a range of days, where `unit_id >= 0` would read every day ever counted and keep the window's.
  const unitIds = [0, ...units.map((u) => u.id)];
  const byDim = (dim: 'category_id' | 'region') =>
    db
      .selectFrom('stats_counts')
      .select(['day', 'unit_id', 'key', 'complaints'])
      .where('dim', '=', dim)
      .where('unit_id', 'in', unitIds)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
  const [byCategory, byRegion] = await Promise.all([byDim('category_id'), byDim('region')]);
  for (const r of byCategory) {
    const n = Number(r.complaints);
    add(r.unit_id, 'total', '', r.day, n);
    add(r.unit_id, 'category', levelOne(Number(r.key)), r.day, n);
  }
  for (const r of byRegion) add(r.unit_id, 'region', r.key, r.day, Number(r.complaints));
  return out;
}
