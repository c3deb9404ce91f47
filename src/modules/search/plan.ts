import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { indexHoldsCategories } from './backfill.js';
import { type ColumnRange, matchesSearch, phraseChecks } from './match.js';
import { ftsQuery, type SearchQuery, tsQuery } from './query.js';
import { categoryTerm } from './terms.js';

/**
 * What one row costs when a list walks its order and tries the search on each row, against what one
 * match costs when the index's matches are gathered, looked up and sorted: about four times (SQLite
 * at 200k rows: ~25 µs a probe, 5–10 µs a gathered match, on a loaded machine). A rough figure: the
 * break-even moves with its square root.
 */
const PROBE_COST = 4;
/** A page and the row that tells whether there is a next one. */
const PAGE = 51;

/** How many complaints are indexed: the highest id, close enough and one index probe. */
async function indexedRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom('complaint_search')
    .select((eb) => eb.fn.max('complaint_id').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many complaints the index matches, counted up to `cap` (reading no more than that): SQLite. */
async function matchesUpTo(db: Db, query: SearchQuery, cap: number): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from (select rowid from complaint_search_fts
    where complaint_search_fts match ${ftsQuery(query)} limit ${cap}) hits`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** How many of the newest complaints PostgreSQL tries the search on to estimate its share. */
const SAMPLE = 1_000;

/**
 * PostgreSQL: how many complaints match, from the share of the newest `SAMPLE` that do — the rows a
 * walk in list order would read first. Counting through the GIN index would read a heap page per
 * match, and ANALYZE's most common lexemes know each word alone, not a word within a category (two
 * common terms can match together all or nothing).
 */
async function sampledMatches(db: Db, query: SearchQuery, rows: number): Promise<number> {
  const where = [sql`ts_match_vq(s.terms, ${tsQuery(query)}::tsquery)`, ...phraseChecks('postgres', query)];
  const row = await sql<{
    n: number;
    of: number;
  }>`select count(*) filter (where ${sql.join(where, sql` and `)}) as n,
      count(*) as of
    from (select terms, body from complaint_search order by complaint_id desc limit ${SAMPLE}) s`.execute(db);
  const { n = 0, of = 0 } = row.rows[0] ?? {};
  return Math.round((Number(n) / Math.max(1, Number(of))) * rows);
}

/**
 * The search tried on the row at hand, in a form no index answers: the database then walks the
 * list's own order and stops when the page is full. PostgreSQL's `ts_match_vq` is `@@` without its
 * GIN index; SQLite's FTS5 seeks the one rowid.
 */
export function probedOnEachRow(dialect: Dialect, query: SearchQuery): RawBuilder<boolean> {
  const checks = phraseChecks(dialect, query);
  if (dialect === 'postgres') {
    const where = [
      sql`s.complaint_id = complaints.id`,
      sql`ts_match_vq(s.terms, ${tsQuery(query)}::tsquery)`,
      ...checks,
    ];
    return sql<boolean>`exists (select 1 from complaint_search s where ${sql.join(where, sql` and `)})`;
  }
  // A prefix term (破*, 了* of 多收了包装费) is expanded by FTS5 each time it runs: hundreds of
  // doclists merged per row. Such a search runs once, into a set (`+` keeps SQLite from looking its
  // ids up), which the walk then tries each row against.
  const fts = [...query.include, ...query.exclude.flat()].some((t) => t.prefix)
    ? sql<boolean>`+complaints.id in (select rowid from complaint_search_fts where complaint_search_fts match ${ftsQuery(query)})`
    : sql<boolean>`exists (select 1 from complaint_search_fts where complaint_search_fts match ${ftsQuery(query)} and rowid = complaints.id)`;
  if (!checks.length) return fts;
  return sql<boolean>`${fts} and exists (select 1 from complaint_search s where s.complaint_id = complaints.id and ${sql.join(checks, sql` and `)})`;
}

/** How a list search is answered. */
export interface SearchPlan {
  condition: RawBuilder<boolean>;
  /**
   * The search walks the list's order and keeps to its category subtree itself (the index holds each
   * complaint's category terms): the list leaves its own category filter out. A gathered search keeps
   * it too, so that the database may still start from the category's index.
   */
  holdsCategory: boolean;
}

/**
 * The list's search condition, with the plan chosen by how many complaints match. A walk in list
 * order reads about a page ÷ the matching share of the rows, each probed; gathering reads every
 * match and sorts them. So a word in many complaints (破损, 投诉: a tenth or more) is probed row by
 * row, a rare one (a phrase, a number fragment, a narrow pair of words) gathered from the index.
 * Counting the matches stops at the break-even point, so it costs at most what the gathering would.
 * A category subtree is searched as one more term (`categoryTerm`), so word and category are counted
 * and gathered together, however much or little they overlap.
 * `inSortOrder`: the list's other filters (but the category) let the database read it in its sort
 * order; when one of them is read through its own index instead (several statuses, a deadline
 * range), every row it yields would be probed, so the matches are gathered.
 */
export async function searchCondition(
  db: Db,
  dialect: Dialect,
  search: SearchQuery,
  ranges: ColumnRange[],
  listing: { inSortOrder: boolean; categoryId?: number },
): Promise<SearchPlan> {
  const { categoryId } = listing;
  const withCategory = categoryId !== undefined && !ranges.length && (await indexHoldsCategories(db));
  const query = withCategory
    ? { ...search, include: [...search.include, { text: categoryTerm(categoryId), prefix: false }] }
    : search;
  const gathered = { condition: matchesSearch(dialect, query, ranges), holdsCategory: false };
  const inSortOrder = listing.inSortOrder && (categoryId === undefined || withCategory);
  if (ranges.length || !inSortOrder) return gathered;
  const rows = await indexedRows(db);
  const breakEven = Math.ceil(Math.sqrt(PAGE * PROBE_COST * rows));
  const matches =
    dialect === 'postgres' ? await sampledMatches(db, query, rows) : await matchesUpTo(db, query, breakEven);
  if (matches < breakEven) return gathered;
  return { condition: probedOnEachRow(dialect, query), holdsCategory: withCategory };
}
