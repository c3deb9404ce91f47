import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 6: full-text search. Each
// complaint has one search document (its title, content, numbers, replies and messages as plain
// text, for snippets and phrase checks) and its segmented terms: a tsvector with a GIN index on
// PostgreSQL, a contentless FTS5 table keyed by the complaint id on SQLite. The terms are made by
// the application (Chinese word segmentation), never by the database's own parser.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('complaint_search')
    .addColumn('complaint_id', pg ? 'bigint' : 'integer', (c) => c.primaryKey().references('complaints.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  if (pg) {
    await sql`alter table complaint_search add column terms tsvector not null default ''::tsvector`.execute(
      db,
    );
    await sql`create index complaint_search_terms on complaint_search using gin (terms)`.execute(db);
  } else {
    // Terms are written space-separated; unicode61 keeps a run of CJK characters as one token.
    await sql`create virtual table complaint_search_fts using fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
  // Complaints registered from now on index themselves; those already here are indexed at the next
  // start (src/modules/search/backfill.ts). With none, there is nothing to backfill: say so now, so
  // that complaints written in bulk outside the application (benchmark datasets) are not indexed then.
  const existing = await db.selectFrom('complaints').select('id').limit(1).executeTakeFirst();
  if (!existing)
    await db
      .insertInto('settings')
      .values({ key: 'search_index_built', value: 'true', updated_at: Date.now() })
      .execute();
}

export async function down(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!pg) await sql`drop table complaint_search_fts`.execute(db);
  await db.schema.dropTable('complaint_search').execute();
}
