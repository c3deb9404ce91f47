/** Reads of the rollups for a day range and a set of units: each statement seeks the units, then ranges over days. */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { type CountDim, ORG_UNIT, TOTAL_SUMS } from './rollups.js';

export interface Window {
  fromDay: number;
  toDay: number;
  /** null: every unit */
  unitIds: number[] | null;
}

export type TotalSums = Record<(typeof TOTAL_SUMS)[number], number>;

const numbers = <K extends string>(row: Record<string, unknown>, names: readonly K[]) =>
  Object.fromEntries(names.map((n) => [n, Number(row[n] ?? 0)])) as Record<K, number>;

export interface Compared<T> {
  now: T;
  previous: T;
  lastYear: T;
}

const between = (w: Window) => sql`day >= ${w.fromDay} and day <= ${w.toDay}`;
/** The whole organisation's rows, or the units'; the primary keys lead with the unit, then the day. */
const units = (w: Window) =>
  w.unitIds ? sql`unit_id in (${sql.join(w.unitIds.length ? w.unitIds : [0])})` : sql`unit_id = ${ORG_UNIT}`;
const inWindow = (w: Window) => sql`${units(w)} and ${between(w)}`;

/** One statement, three index ranges: the period, the one before and the same days last year. */
function threePeriods(
  windows: [Window, Window, Window],
  select: (w: Window) => RawBuilder<unknown>,
): RawBuilder<Record<string, unknown>> {
  const [now, previous, lastYear] = windows;
  return sql`select 'now' as p, q.* from (${select(now)}) q
    union all select 'previous', q.* from (${select(previous)}) q
    union all select 'lastYear', q.* from (${select(lastYear)}) q`;
}

/** The period's sums over the scope, with those of the previous period and of the same days last year. */
export async function totals(db: Db, windows: [Window, Window, Window]): Promise<Compared<TotalSums>> {
  const sums = sql.raw(TOTAL_SUMS.map((c) => `sum(${c}) as ${c}`).join(', '));
  const { rows } = await threePeriods(
    windows,
    (w) => sql`select ${sums} from stats_totals where ${inWindow(w)}`,
  ).execute(db);
  const of = (p: string) => numbers(rows.find((r) => r.p === p) ?? {}, TOTAL_SUMS);
  return { now: of('now'), previous: of('previous'), lastYear: of('lastYear') };
}

/**
 * Complaints by one dimension's value — or by handling unit (`unit`, among `unitIds`) — in the period,
 * the previous period and the same days last year.
 */
export async function countsBy(
  db: Db,
  windows: [Window, Window, Window],
  by: CountDim | { unit: number[] },
): Promise<Map<string, Compared<number>>> {
  const { rows } = await threePeriods(windows, (w) =>
    typeof by === 'string'
      ? sql`select key as k, sum(complaints) as n from stats_counts
          where dim = ${by} and ${inWindow(w)} group by key`
      : sql`select unit_id as k, sum(complaints) as n from stats_totals
          where ${inWindow({ ...w, unitIds: by.unit })} group by unit_id`,
  ).execute(db);
  const out = new Map<string, Compared<number>>();
  for (const r of rows) {
    const key = String(r.k);
    const c = out.get(key) ?? { now: 0, previous: 0, lastYear: 0 };
    c[r.p as keyof Compared<number>] = Number(r.n);
    out.set(key, c);
  }
  return out;
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

/** The stages met in the window and how many of them on time, per unit (each unit's own complaints). */
export async function stageSumsByUnit(
  db: Db,
  w: Window,
): Promise<Map<number, { met: number; onTime: number }>> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select unit_id, sum(complaints) as met, sum(on_time) as on_time
    from stats_stages where ${inWindow(w)} group by unit_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), { met: Number(r.met), onTime: Number(r.on_time) }]));
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
    from stats_totals where ${inWindow(w)} group by day`.execute(db);
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
