/**
 * The daily series of the spike scopes from the statistics rollups: categories of every level (a
 * complaint counts for its category and each ancestor), handling units, regions and channels.
 */
import type { Db, Tx } from '../../db/database.js';
import { type BusinessCalendar, dateRange, dayFeatures, type Festival } from '../sla/index.js';
import { dailyCounts, type SeriesDimension } from '../stats/index.js';
import type { DayCount } from './baseline.js';
import type { ScopeKind } from './rules.js';

export const SPIKE_SCOPES = ['category', 'unit', 'region', 'channel'] as const;
export type SpikeScope = (typeof SPIKE_SCOPES)[number];
export const DIMENSION: Record<SpikeScope, SeriesDimension> = {
  category: 'category_id',
  unit: 'unit_id',
  region: 'region',
  channel: 'channel',
};

export const dayNumber = (date: string) => Number(date.replaceAll('-', ''));

export interface ScopeSeries {
  scope: SpikeScope;
  key: string;
  /** Oldest first, one entry per calendar day of the range. */
  days: DayCount[];
}

/** Category id → the ids of it and its ancestors (from the materialised path `/1/5/`). */
async function categoryAncestors(db: Db | Tx): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('categories').select(['id', 'path']).execute();
  return new Map(rows.map((r) => [String(r.id), r.path.split('/').filter(Boolean)]));
}

/** Every scope of `scopes` with complaints in `[from, to]` (local dates), as dense daily series. */
export async function scopeSeries(
  db: Db | Tx,
  scopes: readonly SpikeScope[],
  from: string,
  to: string,
  calendar: BusinessCalendar,
  festivals: readonly Festival[],
  only?: { scope: SpikeScope; key: string },
): Promise<ScopeSeries[]> {
  const dates = dateRange(from, to);
  const index = new Map(dates.map((d, i) => [dayNumber(d), i]));
  const features = dates.map((d) => dayFeatures(calendar, festivals, d));
  const out: ScopeSeries[] = [];
  const ancestors = scopes.includes('category') ? await categoryAncestors(db) : null;
  for (const scope of scopes) {
    const counts = new Map<string, number[]>();
    for (const row of await dailyCounts(db, DIMENSION[scope], dayNumber(from), dayNumber(to))) {
      const i = index.get(row.day);
      if (i === undefined || row.key === '') continue;
      const keys = scope === 'category' ? (ancestors?.get(row.key) ?? [row.key]) : [row.key];
      for (const key of keys) {
        if (only && (only.scope !== scope || only.key !== key)) continue;
        const series = counts.get(key) ?? dates.map(() => 0);
        series[i] = (series[i] ?? 0) + row.complaints;
        counts.set(key, series);
      }
    }
    for (const [key, series] of counts)
      out.push({
        scope,
        key,
        days: series.map((count, i) => ({ features: features[i] as DayCount['features'], count })),
      });
  }
  return out;
}

export const isSpikeScope = (s: ScopeKind): s is SpikeScope =>
  (SPIKE_SCOPES as readonly string[]).includes(s);
