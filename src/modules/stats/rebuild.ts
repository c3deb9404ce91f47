import { type RawBuilder, sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { GAP_GRACE_MS, saveWatermark } from './follow-history.js';
import { currentFacts, insertFacts } from './load-facts.js';
import { COUNT_DIMS, ORG_UNIT, TOTAL_SUMS } from './rollups.js';

const BATCH = 2_000;

export interface RebuildResult {
  complaints: number;
  facts: number;
  seconds: number;
}

const cols = (names: readonly string[], prefix = '') => sql.raw(names.map((n) => `${prefix}${n}`).join(', '));

/**
 * `kesu stats rebuild`: the facts of every complaint recomputed from scratch (in batches of ids), then
 * the rollups summed from the facts set-wise, in one transaction; readers see the old figures until
 * it commits. The watermark restarts a minute back: the job recounts what changed meanwhile.
 */
export async function rebuildStats(app: AppContext): Promise<RebuildResult> {
  const started = performance.now();
  const now = app.clock.now();
  const result = await app.db.transaction().execute(async (tx) => {
    // Taken first: a stats job running meanwhile waits for the rebuild (PostgreSQL).
    const mark = await tx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('at', '<=', now - GAP_GRACE_MS)
      .executeTakeFirst();
    await saveWatermark(tx, Number(mark?.id ?? 0), now);
    for (const table of [
      'stats_facts',
      'stats_fact_stages',
      'stats_fact_remedies',
      'stats_totals',
      'stats_counts',
      'stats_hours',
      'stats_stages',
      'stats_remedies',
    ] as const)
      await tx.deleteFrom(table).execute();
    let last = 0;
    let complaints = 0;
    let facts = 0;
    for (;;) {
      const ids = (
        await tx
          .selectFrom('complaints')
          .select('id')
          .where('id', '>', last)
          .orderBy('id')
          .limit(BATCH)
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) break;
      last = ids[ids.length - 1] ?? last;
      complaints += ids.length;
      const batch = await currentFacts(tx, ids, app.config.timeZone);
      facts += [...batch.values()].filter((f) => f.fact).length;
      await insertFacts(tx, [...batch.values()]);
    }
    await sumRollups(tx);
    return { complaints, facts };
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/**
 * The rollups as sums of the stored facts, each table in one statement: a union of the per-unit rows
 * and the whole organisation's (ORG_UNIT) rows.
 */
async function sumRollups(tx: Tx): Promise<void> {
  const sums = TOTAL_SUMS.filter((s) => s !== 'complaints');
  const both = (select: (unit: RawBuilder<unknown>, group: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql`${select(sql.raw('f.unit_id'), sql.raw('f.unit_id, '))} union all ${select(sql.lit(ORG_UNIT), sql``)}`;
  await sql`insert into stats_totals (unit_id, day, complaints, ${cols(sums)})
    ${both(
      (u, g) => sql`select ${u}, f.day, count(*), ${sql.raw(sums.map((s) => `sum(f.${s})`).join(', '))}
      from stats_facts f group by ${g}f.day`,
    )}`.execute(tx);
  for (const dim of COUNT_DIMS)
    await sql`insert into stats_counts (dim, unit_id, day, key, complaints)
      ${both(
        (u, g) => sql`select ${sql.lit(dim)}, ${u}, f.day, cast(f.${sql.raw(dim)} as text), count(*)
        from stats_facts f group by ${g}f.day, f.${sql.raw(dim)}`,
      )}`.execute(tx);
  await sql`insert into stats_hours (unit_id, day, hour, complaints)
    ${both((u, g) => sql`select ${u}, f.day, f.hour, count(*) from stats_facts f group by ${g}f.day, f.hour`)}`.execute(
    tx,
  );
  await sql`insert into stats_stages (unit_id, day, stage, bucket, complaints, on_time)
    ${both(
      (u, g) => sql`select ${u}, f.day, s.stage, s.bucket, count(*), sum(s.on_time)
      from stats_fact_stages s join stats_facts f on f.complaint_id = s.complaint_id
      group by ${g}f.day, s.stage, s.bucket`,
    )}`.execute(tx);
  await sql`insert into stats_remedies (unit_id, day, kinds, level, remedies, amount)
    ${both(
      (u, g) => sql`select ${u}, f.day, r.kinds, r.level, count(*), sum(r.amount)
      from stats_fact_remedies r join stats_facts f on f.complaint_id = r.complaint_id
      group by ${g}f.day, r.kinds, r.level`,
    )}`.execute(tx);
}
