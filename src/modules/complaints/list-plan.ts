/**
 * Which index SQLite reads a complaint list through. SQLite keeps no statistics here, so left alone
 * it gathers the complaints through the index of any filter and sorts them all: ~1 s at 1M for a
 * filter that matches most (closed, the service centre, P1–P2). Steered to the sort index instead it
 * walks until the page is full, which is long for a filter that matches few. So the list counts, for
 * each filter with an index of its own, how many complaints it matches — through that index, stopping
 * at `DRIVE_BELOW` — and the narrowest under that drives (its index gathers them, they are sorted);
 * when every filter matches more, the list walks the sort index. The other filters write their
 * columns as `+column`, which keeps them out of SQLite's index choice. PostgreSQL plans by its
 * statistics and is left alone.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { ComplaintTable, Database } from '../../db/schema.js';

export type Eb = ExpressionBuilder<Database, 'complaints'>;

/** A complaint column as a condition reads it: plainly, or kept out of SQLite's index choice. */
// biome-ignore lint/suspicious/noExplicitAny: either form compares with the column's values
export type Col = (column: keyof ComplaintTable & string) => Expression<any>;

export const plain =
  (eb: Eb): Col =>
  (column) =>
    eb.ref(`complaints.${column}`);
export const hinted: Col = (column) => sql`+${sql.ref(`complaints.${column}`)}`;

/** One filter of a list (or the actor's visibility). */
export interface Condition {
  where(eb: Eb, col: Col): Expression<SqlBool>;
  /** An index of its own answers it, so it may drive the list. */
  indexed: boolean;
}

/**
 * Past this many matches a filter does not drive: walking the sort index reads about a page ÷ the
 * share of complaints that match, fewer rows than gathering and sorting this many.
 */
export const DRIVE_BELOW = 5000;

/** How many complaints `condition` matches alone, counted through its index up to `limit`. */
async function countUpTo(ctx: ActorContext, condition: Condition, limit: number): Promise<number> {
  const row = await ctx.db
    .selectFrom((db) =>
      db
        .selectFrom('complaints')
        .select('complaints.id')
        .where((eb) => condition.where(eb, plain(eb)))
        .limit(limit)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The indexed condition matching the fewest complaints under `DRIVE_BELOW`; none: walk the sort index. */
export async function driver(ctx: ActorContext, conditions: Condition[]): Promise<Condition | undefined> {
  let best: Condition | undefined;
  let fewest = DRIVE_BELOW;
  for (const condition of conditions) {
    if (!condition.indexed) continue;
    const n = await countUpTo(ctx, condition, fewest);
    if (n < fewest) [best, fewest] = [condition, n];
  }
  return best;
}
