/** The rollup rows a complaint's facts add, and applying a difference of them in one transaction. */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ComplaintFacts } from './facts.js';

/** The unit id of the whole organisation's rows: every rollup row is kept per unit and once more for all. */
export const ORG_UNIT = -1;

/** The dimensions counted per unit and day in `stats_counts` (one row per value). */
export const COUNT_DIMS = [
  'category_id',
  'intake_unit_id',
  'channel',
  'priority',
  'grade',
  'validity',
  'liable_party',
  'region',
  'repeat_flag',
] as const;
export type CountDim = (typeof COUNT_DIMS)[number];

export const TOTAL_SUMS = [
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

/**
 * One rollup table: its key columns (the first ones, `lead`, are those a clean-up of emptied rows can
 * seek on), the columns summed, and the one whose zero means the row counts nothing.
 */
export const ROLLUPS = {
  stats_totals: { keys: ['unit_id', 'day'], lead: ['unit_id', 'day'], sums: TOTAL_SUMS, count: 'complaints' },
  stats_counts: {
    keys: ['dim', 'unit_id', 'day', 'key'],
    lead: ['dim', 'unit_id', 'day'],
    sums: ['complaints'],
    count: 'complaints',
  },
  stats_hours: {
    keys: ['unit_id', 'day', 'hour'],
    lead: ['unit_id', 'day'],
    sums: ['complaints'],
    count: 'complaints',
  },
  stats_stages: {
    keys: ['unit_id', 'day', 'stage', 'bucket'],
    lead: ['unit_id', 'day'],
    sums: ['complaints', 'on_time'],
    count: 'complaints',
  },
  stats_remedies: {
    keys: ['unit_id', 'day', 'kinds', 'level'],
    lead: ['unit_id', 'day'],
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
    for (const unit_id of [f.unit_id, ORG_UNIT]) {
      const at = { unit_id, day: f.day };
      this.put('stats_totals', { ...f, ...at, complaints: 1 }, sign);
      for (const dim of COUNT_DIMS)
        this.put('stats_counts', { dim, ...at, key: String(f[dim]), complaints: 1 }, sign);
      this.put('stats_hours', { ...at, hour: f.hour, complaints: 1 }, sign);
      for (const s of facts.stages)
        this.put(
          'stats_stages',
          { ...at, stage: s.stage, bucket: s.bucket, complaints: 1, on_time: s.on_time },
          sign,
        );
      for (const r of facts.remedies)
        this.put(
          'stats_remedies',
          { ...at, kinds: r.kinds, level: r.level, remedies: 1, amount: r.amount },
          sign,
        );
    }
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
      const { keys, lead, sums, count } = ROLLUPS[table];
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
      let clean = tx.deleteFrom(table).where(count, '<=', 0);
      for (const column of lead)
        clean = clean.where(column as never, 'in', [...new Set(changed.map((r) => r[column]))] as never);
      await clean.execute();
    }
  }
}
