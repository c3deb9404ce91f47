import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 13, items 7 and 11:
// extensions of a complaint's time limits (延期), requested by its handler and decided by a superior;
// and progress notices (进度通知) to the customer every N working days since the last notice to them.
// `complaints.progress_from` is when the customer was last told anything; the progress sweep reads the
// open complaints of one priority told before a threshold, from an index of the open complaints only
// (SQLite: the condition `+status in (…)` word for word, as in 2026-12-03-list-shapes).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

// As OPEN_STATUSES: the progress sweep names them word for word on SQLite.
const OPEN = 'received accepted assigned investigating waiting_customer proposed approved replied'.split(' ');

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';
  await db.schema
    .createTable('deadline_extensions')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending | approved | refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', idType, (c) => c.references('users.id'))
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_comment', 'text')
    // The customer's expected completion time after the approval (the whole-complaint deadline).
    .addColumn('expected_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('deadline_extensions_complaint')
    .on('deadline_extensions')
    .columns(['complaint_id', 'id'])
    .execute();
  // The superiors' list of requests waiting for them; one pending request per complaint.
  await sql`create unique index deadline_extensions_pending on deadline_extensions (complaint_id) where status = 'pending'`.execute(
    db,
  );

  await db.schema.alterTable('complaints').addColumn('progress_from', 'bigint').execute();
  // Open complaints count from their last change: the first progress notice comes N working days after it.
  await sql`update complaints set progress_from = updated_at where status in (${sql.join(OPEN.map((s) => sql.lit(s)))})`.execute(
    db,
  );
  const open = sql.join(OPEN.map((s) => sql.lit(s)));
  await (pg
    ? sql`create index complaints_open_progress on complaints (priority, progress_from) where status in (${open})`
    : sql`create index complaints_open_progress on complaints (priority, progress_from) where +status in (${open})`
  ).execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_open_progress').execute();
  await db.schema.alterTable('complaints').dropColumn('progress_from').execute();
  await db.schema.dropTable('deadline_extensions').execute();
}
