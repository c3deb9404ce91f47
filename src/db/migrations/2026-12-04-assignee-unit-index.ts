import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: a station handler who
// lists another unit (the service centre) may see there only what they took in or what is assigned
// to them. The list now asks for each of those within that unit; this index answers the second as
// one range (assignee, then unit), where the assignee index alone read every complaint ever assigned
// to them (~0.5 s at a million complaints). Only assigned complaints are in it: a registration
// without an assignee writes nothing to it. PostgreSQL also gets statistics on the two columns
// together: a handler's complaints are nearly all in their own unit, and without them it multiplies
// the two shares and expects thousands of matches in another unit where there are none.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('complaints_assignee_unit')
    .on('complaints')
    .columns(['assignee_id', 'unit_path'])
    .where('assignee_id', 'is not', null)
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`create statistics complaints_assignee_unit_mcv (mcv) on assignee_id, unit_path from complaints`.execute(
      db,
    );
}

export async function down(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`drop statistics complaints_assignee_unit_mcv`.execute(db);
  await db.schema.dropIndex('complaints_assignee_unit').execute();
}
