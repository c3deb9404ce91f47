import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { indexHoldsCategories } from './backfill.js';
import { type ColumnRange, matchesSearch, phraseChecks } from './match.js';
import { ftsQuery, type SearchQuery, tsQuery } from './query.js';
import { categoryTerm } from './terms.js';

/**
 * SQLite: what one row costs when a list walks its order and tries the search on each row, against what one
 * match costs when the index's matches are gathered, looked up and sorted: about four times (SQLite
 * at 200k rows: ~25 µs a probe, 5–10 µs a gathered match, on a loaded machine). A rough figure: the
 * break-even moves with its square root.
 */
const PROBE_COST = 4;
/** A page and the row that tells whether there is a next one. */
const PAGE = 51;
/**
 * SQLite: between the break-even and this many times it, the walk is long enough (a page ÷ the share
 * that matches, more with the list's other filters) that running the search once into a set and
 * trying each row against the set beats seeking every row in the index: ~0.2 µs a match to build
 * the set against ~4 µs a row to seek (1M complaints, a word in a category: 15k matches 57 → 10 ms;
 * 43k: 14.5 → 11 ms; 57k: 11 → 13 ms, so about three times the break-even).
 */
const SET_BAND = 3;

/** How many complaints are indexed: the highest id, close enough and one index probe. */
async function indexedRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom('complaint_search')
    .select((eb) => eb.fn.max('complaint_id').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * How many complaints the index matches, SQLite: counted up to `cap` (reading no more than that),
 * and beyond it extrapolated from how far into the ids the first `cap` matches reach (the index
 * yields them in id order, so `cap` matches among the first ids up to `last` are about
 * `cap × rows ÷ last` in all).
 */
async function matchesUpTo(db: Db, query: SearchQuery, cap: number, rows: number): Promise<number> {
  const row = await sql<{ n: number; last: number | null }>`select count(*) as n, max(rowid) as last
    from (select rowid from complaint_search_fts where complaint_search_fts match ${ftsQuery(query)} limit ${cap}) hits`.execute(
    db,
  );
  const { n = 0, last = null } = row.rows[0] ?? {};
  return Number(n) < cap || !last
    ? Number(n)
    : Math.round((cap * Math.max(rows, Number(last))) / Number(last));
}

/** How many of the newest complaints PostgreSQL tries the search on to estimate its share. */
const SAMPLE = 1_000;
/**
 * PostgreSQL: what one row read by a walk in list order costs against one gathered match. The walk
 * reads the complaints and their search rows in order, a page serving many rows; every gathered
 * match is a random page of the search table and one of the complaints. At 1M: 1–2.3 µs a row walked
 * (11k rows in 15–25 ms, 20k as a station handler in 22 ms), 9–14 µs a match gathered (4,634 in
 * 42–66 ms, 8,181 in 75–95 ms).
 */
const ROW_COST_PG = 0.2;

/** The list's filters a walk in its order tests each row against (the actor's visibility first). */
export type WalkFilter = (eb: ExpressionBuilder<Database, 'complaints'>) => Expression<SqlBool>;

/**
 * PostgreSQL, from the newest complaints (the rows a walk in list order reads first): how
 * many complaints the search matches in all, and how many rows a walk reads to fill a page, counting
 * those the list's `filter` (the actor's visibility) passes over, taken as independent of the search.
 * Counting through the GIN index would read a heap page per match, and ANALYZE's most common
 * lexemes know each word alone, not a word within a category (two common terms can match together
 * all or nothing).
 */
async function sampled(
  db: Db,
  query: SearchQuery,
  filter: WalkFilter | undefined,
): Promise<{ matches: number; walkRows: number }> {
  const where = [sql`ts_match_vq(s.terms, ${tsQuery(query)}::tsquery)`, ...phraseChecks('postgres', query)];
  const share = (r: { n: number | string; of: number | string } | undefined) =>
    Number(r?.n ?? 0) / Math.max(1, Number(r?.of ?? 0));
  const [hits, passed] = await Promise.all([
    // With the number of complaints indexed (the highest id, as `indexedRows`): one round trip less.
    sql<{
      n: number;
      of: number;
      rows: number | null;
    }>`select count(*) filter (where ${sql.join(where, sql` and `)}) as n,
        count(*) as of, (select max(complaint_id) from complaint_search) as rows
      from (select terms, body from complaint_search order by complaint_id desc limit ${SAMPLE}) s`.execute(
      db,
    ),
    filter
      ? db
          .selectFrom(
            db.selectFrom('complaints').selectAll().orderBy('id', 'desc').limit(SAMPLE).as('complaints'),
          )
          .select((eb) => [
            eb.fn.countAll<number>().as('of'),
            // The filter is the list's, written for the complaints table: the sample holds its columns.
            eb.fn
              .countAll<number>()
              .filterWhere(filter(eb as unknown as ExpressionBuilder<Database, 'complaints'>))
              .as('n'),
          ])
          .executeTakeFirst()
      : undefined,
  ]);
  const matching = share(hits.rows[0]);
  const rows = Number(hits.rows[0]?.rows ?? 0);
  const walked = matching * (filter ? share(passed) : 1);
  return {
    matches: Math.round(matching * rows),
    walkRows: walked > 0 ? PAGE / walked : Number.POSITIVE_INFINITY,
  };
}

/**
 * The search tried on the row at hand, in a form no index answers: the database then walks the
 * list's own order and stops when the page is full. PostgreSQL's `ts_match_vq` is `@@` without its
 * GIN index; SQLite's FTS5 seeks the one rowid.
 */
export function probedOnEachRow(
  dialect: Dialect,
  query: SearchQuery,
  { inSet = false }: { inSet?: boolean } = {},
): RawBuilder<boolean> {
  const checks = phraseChecks(dialect, query);
  if (dialect === 'postgres') {
    const where = [
      sql`s.complaint_id = complaints.id`,
      sql`ts_match_vq(s.terms, ${tsQuery(query)}::tsquery)`,
      ...checks,
    ];
    return sql<boolean>`exists (select 1 from complaint_search s where ${sql.join(where, sql` and `)})`;
  }
  // The search runs once, into a set (`+` keeps SQLite from looking its ids up), which the walk then
  // tries each row against: when the walk is long for how many match (see `searchCondition`), and for
  // a prefix term (破*), which FTS5 would expand again on every row (hundreds of doclists merged).
  const fts =
    inSet || [...query.include, ...query.exclude.flat()].some((t) => t.prefix)
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
  /** The search walks the list's order: filters of several values must be written off the index. */
  walks: boolean;
  /**
   * SQLite: the matches were counted and are fewer than a walk would read. The list is read through
   * them, its filters written off the index: SQLite, which cannot tell how many an FTS5 search
   * yields, would otherwise read a status's or category's index (half a million rows at 1M) and try
   * each row against the matches.
   */
  fewMatches: boolean;
}

/**
 * The list's search condition, with the plan chosen by how many complaints match. A walk in list
 * order reads about a page ÷ the matching share of the rows, each probed; gathering reads every
 * match and sorts them. So a word in many complaints (破损, 投诉: a tenth or more) is probed row by
 * row, a rare one (a phrase, a number fragment, a narrow pair of words) gathered from the index, and
 * on SQLite one in between (up to `SET_BAND` times the break-even) is run once into a set that the
 * walk tries each row against. Counting the matches stops at the break-even point, so it costs at
 * most what the gathering would. PostgreSQL estimates both costs from a sample of the newest
 * complaints instead: the matches, and the rows a walk reads past the list's `filter` (the actor's
 * visibility: a station handler's walk passes over the complaints they may not see).
 * A category subtree is searched as one more term (`categoryTerm`), so word and category are counted
 * and gathered together, however much or little they overlap.
 * `inSortOrder`: the list's other filters (but the category) let the database read it in its sort
 * order; when one of them is read through its own index instead (several statuses, a deadline
 * range), every row it yields would be probed, so the matches are gathered. `severalValues`: what
 * keeps it out of sort order is filters of several values (statuses, priorities, channels), which
 * SQLite can pass while walking when they are written off the index (`walks`).
 */
export async function searchCondition(
  db: Db,
  dialect: Dialect,
  search: SearchQuery,
  ranges: ColumnRange[],
  listing: { inSortOrder: boolean; severalValues?: boolean; categoryId?: number; filter?: WalkFilter },
): Promise<SearchPlan> {
  const { categoryId } = listing;
  // SQLite walks past a filter of several values when the list writes it off the index (`+column`).
  const pastValues = dialect === 'sqlite' && listing.severalValues === true;
  const withCategory = categoryId !== undefined && !ranges.length && (await indexHoldsCategories(db));
  const query = withCategory
    ? { ...search, include: [...search.include, { text: categoryTerm(categoryId), prefix: false }] }
    : search;
  const gathered = {
    condition: matchesSearch(dialect, query, ranges),
    holdsCategory: false,
    walks: false,
    fewMatches: false,
  };
  const inSortOrder = (listing.inSortOrder || pastValues) && (categoryId === undefined || withCategory);
  if (ranges.length || !inSortOrder) return gathered;
  const walk = (inSet = false): SearchPlan => ({
    condition: probedOnEachRow(dialect, query, { inSet }),
    holdsCategory: withCategory,
    walks: true,
    fewMatches: false,
  });
  if (dialect === 'postgres') {
    const { matches, walkRows } = await sampled(db, query, listing.filter);
    // None among the newest: a few thousand at most. The planner, which multiplies the shares of
    // the terms (a word and a category: each common), would expect many and walk the list's order
    // looking for them (0.6 s for none at 1M): they are read first, as an array.
    if (matches === 0)
      return { ...gathered, condition: matchesSearch(dialect, query, ranges, { asArray: true }) };
    return walkRows * ROW_COST_PG < matches ? walk() : gathered;
  }
  const rows = await indexedRows(db);
  const breakEven = Math.ceil(Math.sqrt(PAGE * PROBE_COST * rows));
  const matches = await matchesUpTo(db, query, breakEven, rows);
  if (matches < breakEven) return { ...gathered, fewMatches: true };
  return walk(matches < SET_BAND * breakEven);
}
