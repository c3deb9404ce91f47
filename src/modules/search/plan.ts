import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { type ColumnRange, matchesSearch, phraseChecks } from './match.js';
import { ftsQuery, type SearchQuery, tsQuery } from './query.js';

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

/**
 * PostgreSQL: how many complaints hold every word, from ANALYZE's most common lexemes of the terms
 * (a prefix: the lexemes it begins) — the least common word bounds them all. A word not among them
 * is rarer than the rarest listed, which on a large table is far below the break-even point: 0.
 * Counting as on SQLite would read a heap page per match.
 */
async function estimatedMatches(db: Db, query: SearchQuery, rows: number): Promise<number> {
  const words = query.include.map((t) => t.text);
  const prefix = query.include.map((t) => t.prefix);
  const estimate = await sql<{ share: number | null }>`select min(share) as share from (
      select sum(e.freq) as share
      from unnest(${words}::text[], ${prefix}::boolean[]) as w(word, prefix)
      left join (select e.elem, e.freq from pg_stats st,
          unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) as e(elem, freq)
        where st.tablename = 'complaint_search' and st.attname = 'terms') e
        on e.elem = w.word or (w.prefix and starts_with(e.elem, w.word))
      group by w.word, w.prefix) shares`.execute(db);
  return Math.round(Number(estimate.rows[0]?.share ?? 0) * rows);
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
  const fts = sql<boolean>`exists (select 1 from complaint_search_fts where complaint_search_fts match ${ftsQuery(query)} and rowid = complaints.id)`;
  if (!checks.length) return fts;
  return sql<boolean>`${fts} and exists (select 1 from complaint_search s where s.complaint_id = complaints.id and ${sql.join(checks, sql` and `)})`;
}

/**
 * The list's search condition, with the plan chosen by how many complaints match. A walk in list
 * order reads about a page ÷ the matching share of the rows, each probed; gathering reads every
 * match and sorts them. So a word in many complaints (破损, 投诉: a tenth or more) is probed row by
 * row, a rare one (a phrase, a number fragment, a narrow pair of words) gathered from the index.
 * Counting the matches stops at the break-even point, so it costs at most what the gathering would.
 * `inSortOrder`: the list's other filters let the database read it in its sort order; when one of
 * them is read through its own index instead (several statuses, a category subtree, a deadline
 * range), every row it yields would be probed, so the matches are gathered.
 */
export async function searchCondition(
  db: Db,
  dialect: Dialect,
  query: SearchQuery,
  ranges: ColumnRange[],
  listing: { inSortOrder: boolean },
): Promise<RawBuilder<boolean>> {
  if (ranges.length || !listing.inSortOrder) return matchesSearch(dialect, query, ranges);
  const rows = await indexedRows(db);
  const breakEven = Math.ceil(Math.sqrt(PAGE * PROBE_COST * rows));
  const matches =
    dialect === 'postgres'
      ? await estimatedMatches(db, query, rows)
      : await matchesUpTo(db, query, breakEven);
  const common = matches >= breakEven;
  return common ? probedOnEachRow(dialect, query) : matchesSearch(dialect, query);
}
