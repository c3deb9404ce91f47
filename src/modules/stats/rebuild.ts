import { type RawBuilder, sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Dialect, Tx } from '../../db/database.js';
import { GAP_GRACE_MS, readWatermark, saveWatermark } from './follow-history.js';
import { currentFacts, insertFacts } from './load-facts.js';
import { claimRebuild, keepClaim, releaseClaim } from './rebuild-claim.js';
import { COUNT_DIMS, ORG_UNIT, ROLLUPS, type RollupTable, TOTAL_SUMS } from './rollups.js';

/**
 * How much one transaction does: the complaints whose facts it recomputes, and about how many facts
 * it sums into the rollups (whole days: a day is never split). Tests make them small. On SQLite a
 * step holds the one write connection (about 10 ms); on PostgreSQL it holds no one else up, and
 * fewer, larger steps save round trips.
 */
export interface RebuildSteps {
  complaints: number;
  facts: number;
}
const STEPS: Record<Dialect, RebuildSteps> = {
  sqlite: { complaints: 1_000, facts: 2_000 },
  postgres: { complaints: 5_000, facts: 20_000 },
};
/** Past any day a fact has (days are numbers like 20261206). */
const LAST_DAY = 99_999_999;

export interface RebuildResult {
  complaints: number;
  facts: number;
  seconds: number;
}

const cols = (names: readonly string[], prefix = '') => sql.raw(names.map((n) => `${prefix}${n}`).join(', '));

/**
 * `kesu stats rebuild`, and the job's after a migration emptied the rollups: every complaint's facts
 * recomputed, then the rollups summed from the facts, in short transactions (ADR 0046) so that no
 * write waits for more than one of them. It claims the rebuild first (a second one is refused) and
 * the job stops following the history meanwhile; readers see each day's old figures until its sums
 * are replaced. The watermark restarts a minute back: the job recounts what changed meanwhile.
 */
export async function rebuildStats(app: AppContext, steps = STEPS[app.dialect]): Promise<RebuildResult> {
  const started = performance.now();
  const token = await app.db.transaction().execute(async (tx) => {
    // The watermark's lock first: a step of the job running meanwhile ends before the claim.
    await readWatermark(tx, true);
    const token = await claimRebuild(tx, app.clock.now());
    const mark = await tx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('at', '<=', app.clock.now() - GAP_GRACE_MS)
      .executeTakeFirst();
    await saveWatermark(tx, Number(mark?.id ?? 0), app.clock.now());
    return token;
  });
  // A failure leaves the claim: once it is a minute old the job starts the rebuild again.
  const step: Step = (work) =>
    app.db.transaction().execute(async (tx) => {
      await keepClaim(tx, token, app.clock.now());
      return work(tx);
    });
  const counted = await recountFacts(step, steps.complaints, app.config.timeZone);
  const units = [ORG_UNIT, ...(await app.db.selectFrom('units').select('id').execute()).map((u) => u.id)];
  for (let from = 0; from <= LAST_DAY; ) {
    const lo = from;
    from = await step(async (tx) => {
      const next = await tx
        .selectFrom('stats_facts')
        .select('day')
        .where('day', '>=', lo)
        .orderBy('day')
        .limit(1)
        .offset(steps.facts)
        .executeTakeFirst();
      const hi = next?.day ?? LAST_DAY;
      await sumRollups(tx, lo, hi, units);
      return hi + 1;
    });
  }
  await app.db.transaction().execute((tx) => releaseClaim(tx, token));
  return { ...counted, seconds: (performance.now() - started) / 1000 };
}

/** One transaction of the rebuild (the claim renewed in it). */
type Step = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** Every complaint's facts written again, `batch` complaint ids a transaction; facts of ids gone go too. */
async function recountFacts(step: Step, batch: number, timeZone: string) {
  let complaints = 0;
  let facts = 0;
  for (let from = 0; ; ) {
    const lo = from;
    const ids = await step(async (tx) => {
      const ids = (
        await tx
          .selectFrom('complaints')
          .select('id')
          .where('id', '>', lo)
          .orderBy('id')
          .limit(batch)
          .execute()
      ).map((r) => r.id);
      const hi = ids.length < batch ? Number.MAX_SAFE_INTEGER : (ids[ids.length - 1] ?? lo);
      for (const table of ['stats_facts', 'stats_fact_stages', 'stats_fact_remedies'] as const)
        await tx.deleteFrom(table).where('complaint_id', '>', lo).where('complaint_id', '<=', hi).execute();
      const written = [...(await currentFacts(tx, ids, timeZone)).values()];
      await insertFacts(tx, written);
      facts += written.filter((f) => f.fact).length;
      return ids;
    });
    complaints += ids.length;
    if (ids.length < batch) return { complaints, facts };
    from = ids[ids.length - 1] ?? lo;
  }
}

/**
 * The rollups of the days lo..hi replaced by the sums of those days' facts, each table in one
 * statement: a union of the per-unit rows and the whole organisation's (ORG_UNIT) rows. The old rows
 * are found by their keys' leading columns (every unit, every dimension) and the day range.
 */
async function sumRollups(tx: Tx, lo: number, hi: number, units: readonly number[]): Promise<void> {
  for (const table of Object.keys(ROLLUPS) as RollupTable[]) {
    let old = tx
      .deleteFrom(table)
      .where('unit_id', 'in', units)
      .where('day', '>=', lo)
      .where('day', '<=', hi);
    if (table === 'stats_counts') old = old.where('dim', 'in', COUNT_DIMS);
    await old.execute();
  }
  const days = sql`f.day between ${lo} and ${hi}`;
  const sums = TOTAL_SUMS.filter((s) => s !== 'complaints');
  const both = (select: (unit: RawBuilder<unknown>, group: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql`${select(sql.raw('f.unit_id'), sql.raw('f.unit_id, '))} union all ${select(sql.lit(ORG_UNIT), sql``)}`;
  await sql`insert into stats_totals (unit_id, day, complaints, ${cols(sums)})
    ${both(
      (u, g) => sql`select ${u}, f.day, count(*), ${sql.raw(sums.map((s) => `sum(f.${s})`).join(', '))}
      from stats_facts f where ${days} group by ${g}f.day`,
    )}`.execute(tx);
  for (const dim of COUNT_DIMS)
    await sql`insert into stats_counts (dim, unit_id, day, key, complaints)
      ${both(
        (u, g) => sql`select ${sql.lit(dim)}, ${u}, f.day, cast(f.${sql.raw(dim)} as text), count(*)
        from stats_facts f where ${days} group by ${g}f.day, f.${sql.raw(dim)}`,
      )}`.execute(tx);
  await sql`insert into stats_hours (unit_id, day, hour, complaints)
    ${both(
      (u, g) =>
        sql`select ${u}, f.day, f.hour, count(*) from stats_facts f where ${days} group by ${g}f.day, f.hour`,
    )}`.execute(tx);
  await sql`insert into stats_stages (unit_id, day, stage, bucket, complaints, on_time)
    ${both(
      (u, g) => sql`select ${u}, f.day, s.stage, s.bucket, count(*), sum(s.on_time)
      from stats_fact_stages s join stats_facts f on f.complaint_id = s.complaint_id
      where ${days} group by ${g}f.day, s.stage, s.bucket`,
    )}`.execute(tx);
  await sql`insert into stats_remedies (unit_id, day, kinds, level, remedies, amount)
    ${both(
      (u, g) => sql`select ${u}, f.day, r.kinds, r.level, count(*), sum(r.amount)
      from stats_fact_remedies r join stats_facts f on f.complaint_id = r.complaint_id
      where ${days} group by ${g}f.day, r.kinds, r.level`,
    )}`.execute(tx);
}
