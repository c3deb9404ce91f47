/** The rollup rows a complaint's facts add, and applying a difference of them in one transaction. */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ComplaintFacts } from './facts.js';

export const DAILY_KEYS = [
  'day',
  'category_id',
  'unit_id',
  'intake_unit_id',
  'channel',
  'priority',
  'grade',
  'validity',
  'liable_party',
  'region',
  'repeat_flag',
] as const;
export const DAILY_SUMS = [
  'complaints',
  'closed',
  'first_contact',
  'reopened',
  'reopens',
  'surveys',
  'speed',
  'effectiveness',
  'attitude',
  'transparency',
  'recommendation',
  'promoters',
  'detractors',
] as const;

/** One rollup table: its key columns and the columns summed; `complaints`/`remedies` counts rows. */
export const ROLLUPS = {
  stats_daily: { keys: DAILY_KEYS, sums: DAILY_SUMS, count: 'complaints' },
  stats_hours: { keys: ['day', 'unit_id', 'hour'], sums: ['complaints'], count: 'complaints' },
  stats_stages: {
    keys: ['day', 'unit_id', 'category_id', 'stage', 'bucket'],
    sums: ['complaints', 'on_time'],
    count: 'complaints',
  },
  stats_remedies: {
    keys: ['day', 'unit_id', 'kinds', 'level'],
    sums: ['remedies', 'amount'],
    count: 'remedies',
  },
} as const;
export type RollupTable = keyof typeof ROLLUPS;
type Row = Record<string, string | number>;

/** Sums by table and key, built up from contributions with a sign. */
export class RollupDelta {
  private readonly rows = new Map<RollupTable, Map<string, Row>>();

  add(facts: ComplaintFacts, sign: 1 | -1): void {
    const f = facts.fact;
    if (!f) return;
    this.put('stats_daily', { ...f, complaints: 1 }, sign);
    this.put('stats_hours', { day: f.day, unit_id: f.unit_id, hour: f.hour, complaints: 1 }, sign);
    for (const s of facts.stages)
      this.put(
        'stats_stages',
        {
          day: f.day,
          unit_id: f.unit_id,
          category_id: f.category_id,
          stage: s.stage,
          bucket: s.bucket,
          complaints: 1,
          on_time: s.on_time,
        },
        sign,
      );
    for (const r of facts.remedies)
      this.put(
        'stats_remedies',
        { day: f.day, unit_id: f.unit_id, kinds: r.kinds, level: r.level, remedies: 1, amount: r.amount },
        sign,
      );
  }

  private put(table: RollupTable, row: Row, sign: 1 | -1): void {
    const { keys, sums } = ROLLUPS[table];
    const key = JSON.stringify(keys.map((k) => row[k]));
    const rows = this.rows.get(table) ?? new Map<string, Row>();
    this.rows.set(table, rows);
    const sum =
      rows.get(key) ?? Object.fromEntries([...keys.map((k) => [k, row[k]]), ...sums.map((s) => [s, 0])]);
    for (const s of sums) sum[s] = Number(sum[s]) + sign * Number(row[s] ?? 0);
    rows.set(key, sum);
  }

  /** Adds the differences to the rollups and removes the rows left counting nothing. */
  async apply(tx: Tx): Promise<void> {
    for (const [table, rows] of this.rows) {
      const { keys, sums, count } = ROLLUPS[table];
      const changed = [...rows.values()].filter((r) => sums.some((s) => r[s] !== 0));
      if (changed.length === 0) continue;
      const updates = Object.fromEntries(
        sums.map((s) => [s, sql`${sql.ref(`${table}.${s}`)} + excluded.${sql.ref(s)}`]),
      );
      for (let i = 0; i < changed.length; i += 200) {
        await tx
          .insertInto(table)
          .values(changed.slice(i, i + 200) as never)
          .onConflict((oc) => oc.columns([...keys] as never).doUpdateSet(updates as never))
          .execute();
      }
      const days = [...new Set(changed.map((r) => Number(r.day)))];
      await tx.deleteFrom(table).where('day', 'in', days).where(count, '<=', 0).execute();
    }
  }
}
