import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: `kesu stats rebuild`
// held the database for its whole run (15 s at 1M complaints on SQLite, every write waiting); it now
// sums the rollups a few days at a time, each in its own short transaction, reading the facts of
// those days through this index (ADR 0046).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('stats_facts_day').on('stats_facts').column('day').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('stats_facts_day').execute();
}
