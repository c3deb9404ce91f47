import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: search at a million
// complaints. A complaint's search terms now also hold its category and each ancestor of it, so that
// a search within a category subtree is one intersection in the index. The terms are made by the
// application (segmentation), so complaints already indexed get theirs at the next start, in batches
// (src/modules/search/backfill.ts), which then sets this marker; until it is set a search filters the
// category as before. With no complaints yet there is nothing to rewrite: say so now.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const MARKER = 'search_category_terms';

export async function up(db: Db): Promise<void> {
  const existing = await db.selectFrom('complaints').select('id').limit(1).executeTakeFirst();
  if (!existing)
    await db.insertInto('settings').values({ key: MARKER, value: 'true', updated_at: Date.now() }).execute();
}

export async function down(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', MARKER).execute();
}
