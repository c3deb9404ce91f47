import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import { inIds, runFixed } from '../../db/prepared.js';
import { containsPattern, ftsQuery, type SearchQuery, tsQuery } from './query.js';
import { type Snippet, snippet } from './snippet.js';

/** The document-text checks of phrases, applied to the index's candidates only. */
export function phraseChecks(dialect: Dialect, query: SearchQuery): RawBuilder<unknown>[] {
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL needs ILIKE for the same.
  const like = sql.raw(dialect === 'postgres' ? 'ilike' : 'like');
  return [
    ...query.phrases.map((p) => sql`s.body ${like} ${containsPattern(p)} escape '\\'`),
    ...query.notPhrases.map((p) => sql`s.body not ${like} ${containsPattern(p)} escape '\\'`),
  ];
}

/** The ids of the complaints the search matches: terms through the index, then phrases in the text. */
function searchedIds(dialect: Dialect, query: SearchQuery): RawBuilder<unknown> {
  const checks = phraseChecks(dialect, query);
  if (dialect === 'postgres') {
    const where = [sql`s.terms @@ ${tsQuery(query)}::tsquery`, ...checks];
    return sql`select s.complaint_id from complaint_search s where ${sql.join(where, sql` and `)}`;
  }
  const fts = sql`select rowid from complaint_search_fts where complaint_search_fts match ${ftsQuery(query)}`;
  if (!checks.length) return fts;
  return sql`select s.complaint_id from complaint_search s where s.complaint_id in (${fts}) and ${sql.join(checks, sql` and `)}`;
}

/** Complaints whose `column` lies in [from, to): a number, waybill or order number by prefix. */
export interface ColumnRange {
  column: 'number' | 'waybill_no' | 'order_no';
  from: string;
  to: string;
}

/**
 * The ranges some complaint lies in (one index probe each). Words rarely are a prefix of a number:
 * leaving the empty ranges out leaves the search alone in the query, which the planner can then
 * start from the sort order (a common word) or from the index (a rare one) as it sees fit.
 */
export async function rangesWithMatches(db: Db, ranges: ColumnRange[]): Promise<ColumnRange[]> {
  if (!ranges.length) return [];
  // One statement for all the probes: on PostgreSQL each would be a round trip of its own.
  const [hits] = await runFixed(
    db,
    db.selectNoFrom((eb) =>
      ranges.map((r, k) =>
        eb
          .exists(
            eb
              .selectFrom('complaints')
              .select('id')
              .where(r.column, '>=', r.from)
              .where(r.column, '<', r.to)
              .limit(1),
          )
          .as(`r${k}`),
      ),
    ),
  );
  // PostgreSQL answers true or false, SQLite 1 or 0.
  return ranges.filter((_, k) => Boolean((hits as Record<string, unknown> | undefined)?.[`r${k}`]));
}

/**
 * `complaints.id` is one the search matches or one in a range. One list of ids, so that the database
 * starts from it (primary-key lookups) rather than from another filter's index. `asArray`
 * (PostgreSQL): the ids are read first, into an array the complaints are then looked up by, so the
 * planner cannot choose to walk the list's order looking for them.
 */
export function matchesSearch(
  dialect: Dialect,
  query: SearchQuery,
  ranges: ColumnRange[] = [],
  { asArray = false }: { asArray?: boolean } = {},
): RawBuilder<boolean> {
  const inRange = ranges.map(
    (r) =>
      sql`select id from complaints where ${sql.ref(r.column)} >= ${r.from} and ${sql.ref(r.column)} < ${r.to}`,
  );
  const ids = sql.join([searchedIds(dialect, query), ...inRange], sql` union all `);
  return asArray && dialect === 'postgres'
    ? sql<boolean>`complaints.id = any(array(${ids}))`
    : sql<boolean>`complaints.id in (${ids})`;
}

/** Snippets of the page's complaints, one query for the page. */
export async function searchSnippets(
  db: Db,
  ids: number[],
  query: SearchQuery,
): Promise<Map<number, Snippet | null>> {
  if (!ids.length) return new Map();
  const rows = await runFixed(
    db,
    db
      .selectFrom('complaint_search')
      .select(['complaint_id', 'body'])
      .where(inIds(db, 'complaint_id', ids)),
  );
  const bodies = new Map(rows.map((r) => [r.complaint_id, r.body]));
  return new Map(ids.map((id) => [id, snippet(bodies.get(id) ?? '', query.highlights)]));
}
