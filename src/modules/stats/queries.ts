/** Reads of the rollups for a day range and a set of units: every statement filters on the day first. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { DAILY_SUMS } from './rollups.js';

export interface Window {
  fromDay: number;
  toDay: number;
  /** null: every unit */
  unitIds: number[] | null;
}

export type DailyColumn =
  | 'category_id'
  | 'unit_id'
  | 'channel'
  | 'priority'
  | 'grade'
  | 'validity'
  | 'liable_party'
  | 'region'
  | 'repeat_flag';
export type DailySums = Record<(typeof DAILY_SUMS)[number], number>;

const inWindow = (w: Window) => sql`${between(w)}${units(w)}`;
const numbers = <K extends string>(row: Record<string, unknown>, names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, Number(row[n] ?? 0)])) as Record<K, number>;

export interface Compared {
  now: DailySums;
  previous: number;
  lastYear: number;
}

const between = (w: Window) => sql`day >= ${w.fromDay} and day <= ${w.toDay}`;
const units = (w: Window) =>
  w.unitIds ? sql` and unit_id in (${sql.join(w.unitIds.length ? w.unitIds : [0])})` : sql``;

/**
 * The period's sums by one dimension (or in total, key ''), with the counts of the previous period
 * and of the same days last year: one statement over the three day ranges of the primary key.
 */
export async function dailyBy(
  db: Db,
  [now, previous, lastYear]: [Window, Window, Window],
  by: DailyColumn | null,
): Promise<Map<string, Compared>> {
  const key = by ? sql.raw(by) : sql`''`;
  const inNow = (col: string) =>
    sql`sum(case when ${between(now)} then ${sql.raw(col)} else 0 end) as ${sql.raw(col)}`;
  const { rows } = await sql<Record<string, unknown>>`select ${key} as k, ${sql.join(DAILY_SUMS.map(inNow))},
      sum(case when ${between(previous)} then complaints else 0 end) as previous_n,
      sum(case when ${between(lastYear)} then complaints else 0 end) as last_year_n
    from stats_daily where (${between(now)} or ${between(previous)} or ${between(lastYear)})${units(now)}
    ${by ? sql`group by ${key}` : sql``}`.execute(db);
  return new Map(
    rows
      .filter((r) => r.previous_n !== null)
      .map((r) => [
        String(r.k),
        { now: numbers(r, DAILY_SUMS), previous: Number(r.previous_n), lastYear: Number(r.last_year_n) },
      ]),
  );
}

export async function stageHistograms(db: Db, w: Window) {
  const { rows } = await sql<
    Record<string, unknown>
  >`select stage, bucket, sum(complaints) as n, sum(on_time) as on_time
    from stats_stages where ${inWindow(w)} group by stage, bucket`.execute(db);
  return rows.map((r) => ({
    stage: String(r.stage),
    bucket: Number(r.bucket),
    n: Number(r.n),
    onTime: Number(r.on_time),
  }));
}

export async function remedySums(db: Db, w: Window) {
  const { rows } = await sql<
    Record<string, unknown>
  >`select kinds, level, sum(remedies) as n, sum(amount) as amount
    from stats_remedies where ${inWindow(w)} group by kinds, level`.execute(db);
  return rows.map((r) => ({
    kinds: String(r.kinds),
    level: String(r.level),
    n: Number(r.n),
    amount: Number(r.amount),
  }));
}

export async function hourCounts(db: Db, w: Window) {
  const { rows } = await sql<Record<string, unknown>>`select day, hour, sum(complaints) as n
    from stats_hours where ${inWindow(w)} group by day, hour`.execute(db);
  return rows.map((r) => ({ day: Number(r.day), hour: Number(r.hour), n: Number(r.n) }));
}

export async function dayCounts(db: Db, w: Window) {
  const { rows } = await sql<Record<string, unknown>>`select day, sum(complaints) as n
    from stats_hours where ${inWindow(w)} group by day`.execute(db);
  return new Map(rows.map((r) => [Number(r.day), Number(r.n)]));
}

/** Parcels and orders of the units in the months; null when none are loaded. */
export async function volumeSums(db: Db, unitIds: number[] | null, months: string[]) {
  if (months.length === 0) return null;
  let q = db
    .selectFrom('unit_volumes')
    .select((eb) => [eb.fn.sum<number>('parcels').as('parcels'), eb.fn.sum<number>('orders').as('orders')])
    .where('period', 'in', months);
  if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : [0]);
  const r = await q.executeTakeFirst();
  const parcels = r?.parcels === null || r?.parcels === undefined ? null : Number(r.parcels);
  const orders = r?.orders === null || r?.orders === undefined ? null : Number(r.orders);
  return parcels === null && orders === null ? null : { parcels, orders };
}
