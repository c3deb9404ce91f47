/** Daily complaint counts by one dimension from the daily rollup, for detectors (early warning). */
import type { Db, Tx } from '../../db/database.js';

export const SERIES_DIMENSIONS = ['category_id', 'unit_id', 'region', 'channel'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export interface DailyCount {
  key: string;
  /** The rollups' day key, 20261201. */
  day: number;
  complaints: number;
}

/**
 * Complaints received per day and value of `dimension` over `[fromDay, toDay]` (day keys), read from
 * `stats_daily` by its primary key's leading `day` column. Rows without a value are left out.
 */
export async function dailyCounts(
  db: Db | Tx,
  dimension: SeriesDimension,
  fromDay: number,
  toDay: number,
): Promise<DailyCount[]> {
  const rows = await db
    .selectFrom('stats_daily')
    .select((eb) => [
      eb.ref(dimension).as('key'),
      'day',
      eb.fn.sum<number | string>('complaints').as('complaints'),
    ])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .where(dimension, 'is not', null)
    .groupBy([dimension, 'day'])
    .execute();
  return rows.map((r) => ({ key: String(r.key), day: Number(r.day), complaints: Number(r.complaints) }));
}
