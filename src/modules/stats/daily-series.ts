/** Daily complaint counts by one dimension from the rollups, for detectors (early warning). */
import type { Db, Tx } from '../../db/database.js';
import { ORG_UNIT } from './rollups.js';

export const SERIES_DIMENSIONS = ['category_id', 'unit_id', 'region', 'channel'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export interface DailyCount {
  key: string;
  /** The rollups' day key, 20261201. */
  day: number;
  complaints: number;
}

/**
 * Complaints received per day and value of `dimension` over `[fromDay, toDay]` (day keys): a unit's
 * from the units' totals, any other dimension from the organisation's counts (unit −1), each read by
 * its primary key. Rows without a value ('' or id 0) are left out.
 */
export async function dailyCounts(
  db: Db | Tx,
  dimension: SeriesDimension,
  fromDay: number,
  toDay: number,
): Promise<DailyCount[]> {
  const rows =
    dimension === 'unit_id'
      ? await db
          .selectFrom('stats_totals')
          .select(['unit_id as key', 'day', 'complaints'])
          .where('unit_id', '>', 0)
          .where('day', '>=', fromDay)
          .where('day', '<=', toDay)
          .execute()
      : await db
          .selectFrom('stats_counts')
          .select(['key', 'day', 'complaints'])
          .where('dim', '=', dimension)
          .where('unit_id', '=', ORG_UNIT)
          .where('day', '>=', fromDay)
          .where('day', '<=', toDay)
          .where('key', 'not in', ['', '0'])
          .execute();
  return rows.map((r) => ({ key: String(r.key), day: Number(r.day), complaints: Number(r.complaints) }));
}
