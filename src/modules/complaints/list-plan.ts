/**
 * Which index SQLite reads a complaint list through. SQLite keeps no statistics here, so left alone
 * it gathers the complaints through the index of any filter and sorts them all: ~1 s at 1M for a
 * filter that matches most (closed, the service centre, P1–P2). Steered to the sort index instead it
 * walks until the page is full, which is long when few complaints pass every filter. So the list
 * counts, for each filter with an index of its own, how many complaints it matches (through that
 * index, up to `COUNT_UP_TO`), estimates how far the walk would read, and gathers through the
 * narrowest filter when that reads less; the other filters write their columns as `+column`, which
 * keeps them out of SQLite's index choice. PostgreSQL plans by its statistics and is left alone.
 */
import { CompiledQuery, type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ActorContext } from '../../context.js';
import { referenceCache } from '../../db/reference-cache.js';
import type { ComplaintTable, Database } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';

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
  /** The column whose range it is: a list walking that column's index seeks to the range instead. */
  bounds?: string;
  /**
   * Its index holds the complaints it matches in this column's order (then id): a list sorted by that
   * column may walk that index, reading only the matches, and stop when the page is full.
   */
  ordered?: string;
}

/** The sort columns that have an index of the open complaints alone (migration 2026-12-03-list-shapes). */
export const OPEN_ORDERS: readonly string[] = ['due_at', 'received_at', 'priority'];

/**
 * The open statuses word for word as the condition of those indexes, which lets SQLite walk one: a list
 * of open complaints in one of those orders adds it and reads the open ones only, from the index alone.
 */
export const openOnly = sql<SqlBool>`+${sql.ref('complaints.status')} in (${sql.join(
  OPEN_STATUSES.map((s) => sql.lit(s)),
)})`;

/** Counting a filter's matches stops here: a filter matching more is never worth gathering. */
const COUNT_UP_TO = 20_000;
/** The share of complaints assumed to pass a filter without an index (channel, grade, repeat). */
const UNINDEXED_SHARE = 0.5;

/**
 * Counts are estimates for choosing a plan, never for what a list shows: each is kept for 30 s, so the
 * next pages, and the same list asked again, are planned without counting (a handler's visibility
 * alone took ~1.4 ms to count at 200k complaints, on every page). Keyed by the count's SQL and values.
 */
const countCache = referenceCache(async (db, key: string) => {
  const [text, parameters] = JSON.parse(key) as [string, unknown[]];
  const { rows } = await db.executeQuery<{ n: number }>(CompiledQuery.raw(text, parameters));
  return Number(rows[0]?.n ?? 0);
}, 30_000);

/** How many complaints `condition` matches alone, counted through its index up to `limit`. */
function countUpTo(ctx: ActorContext, condition: Condition, limit: number): Promise<number> {
  const { sql: text, parameters } = ctx.db
    .selectFrom((db) =>
      db
        .selectFrom('complaints')
        .select('complaints.id')
        .where((eb) => condition.where(eb, plain(eb)))
        .limit(limit)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .compile();
  return countCache.get(ctx.db, JSON.stringify([text, parameters]));
}

/**
 * The indexed condition to read the list's complaints through, or none: walk the sort index. The walk
 * reads about `limit` ÷ the share of complaints that pass every condition (taken as independent, a
 * capped count standing for at least its share); gathering reads the driver's matches, at most
 * `gatherUpTo` (counts stop there); a condition `ordered` by the sort column is walked in its own
 * index, reading about `limit` ÷ the share that passes the other conditions.
 */
export async function driver(
  ctx: ActorContext,
  conditions: Condition[],
  {
    limit,
    sortColumn,
    gatherUpTo = COUNT_UP_TO,
  }: { limit: number; sortColumn?: string; gatherUpTo?: number },
): Promise<Condition | undefined> {
  if (!conditions.some((c) => c.indexed)) return undefined;
  const newest = await ctx.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.max('complaints.id').as('id'))
    .executeTakeFirst();
  const total = Math.max(1, Number(newest?.id ?? 0));
  let best: Condition | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  let share = 1;
  const shares = new Map<Condition, number>();
  for (const condition of conditions) {
    if (!condition.indexed) {
      share *= UNINDEXED_SHARE;
      continue;
    }
    const n = await countUpTo(ctx, condition, gatherUpTo);
    shares.set(condition, Math.max(n, 1) / total);
    share *= Math.max(n, 1) / total;
    // A count that reached the cap says only "at least": such a filter is never gathered.
    if (n < Math.min(fewest, gatherUpTo)) [best, fewest] = [condition, n];
  }
  const walk = (rest: number) => limit / Math.max(rest, 1 / total);
  let cheapest = walk(share);
  let choice: Condition | undefined;
  if (fewest < cheapest) [choice, cheapest] = [best, fewest];
  for (const [condition, own] of shares) {
    if (!sortColumn || condition.ordered !== sortColumn) continue;
    const read = walk(share / own);
    if (read < cheapest) [choice, cheapest] = [condition, read];
  }
  return choice;
}
