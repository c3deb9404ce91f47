import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 11: each job worker
// records that its poll loop is alive, so that readiness (/health/ready) can tell a stuck worker.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('worker_id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('worker_heartbeats').execute();
}
