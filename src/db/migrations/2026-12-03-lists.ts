import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: lists at a million
// complaints. The list sorted by priority pages on (priority, id); the old index on (priority,
// received_at, id) made SQLite sort each priority's complaints, and a priority filter no longer reads
// through it (the list walks the sort index unless a filter matches few, see list-plan.ts).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_priority').execute();
  await db.schema
    .createIndex('complaints_priority_id')
    .on('complaints')
    .columns(['priority', 'id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_priority_id').execute();
  await db.schema
    .createIndex('complaints_priority')
    .on('complaints')
    .columns(['priority', 'received_at', 'id'])
    .execute();
}
