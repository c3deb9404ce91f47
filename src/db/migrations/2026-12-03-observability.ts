import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 11: observability —
// verifications of the history that auditors start, and indexes that keep metrics scrapes cheap.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  // One row per verification of the hash-chained history: all of it (a job) or one complaint's.
  await db.schema
    .createTable('audit_verifications')
    .addColumn('id', idType, id)
    /** Null: every stream; else the one complaint whose chain was verified. */
    .addColumn('complaint_id', idType, (c) => c.references('complaints.id'))
    .addColumn('requested_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    /** queued | running | done | failed */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('checked_events', 'bigint', (c) => c.notNull().defaultTo(0))
    /** The number of events when the verification started, for its progress. */
    .addColumn('total_events', 'bigint')
    /** JSON of the chain report once done; the error once failed. */
    .addColumn('result', 'text')
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('audit_verifications_requested')
    .on('audit_verifications')
    .columns(['requested_at', 'id'])
    .execute();

  // Metrics count waiting, running and dead jobs by kind from the index alone.
  await db.schema.createIndex('jobs_state_kind').on('jobs').columns(['state', 'kind']).execute();
  // …and the clocks that ran past their limit and are still open, from a small partial index.
  await sql`create index complaint_deadlines_breached_open on complaint_deadlines (stage) where breached_at is not null and met_at is null`.execute(
    db,
  );
}

export async function down(db: Db): Promise<void> {
  await sql`drop index complaint_deadlines_breached_open`.execute(db);
  await db.schema.dropIndex('jobs_state_kind').execute();
  await db.schema.dropTable('audit_verifications').execute();
}
