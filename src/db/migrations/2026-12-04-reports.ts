import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 15 item 3: periodic and
// on-demand reports (xlsx + PDF) made by a job, stored in the content store, mailed to recipients per unit.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('reports')
    .addColumn('id', idType, id)
    // weekly | monthly | quarterly | on_demand
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'YYYY-MM-DD', inclusive, in the organisation's time zone
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    // The scope: a unit's subtree (the root unit: the whole organisation)
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    // queued | ready | failed
    .addColumn('status', 'text', (c) => c.notNull())
    // A periodic report's kind + period + scope + locale: made once, whatever the workers or restarts
    .addColumn('schedule_key', 'text', (c) => c.unique())
    .addColumn('requested_by', idType, (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('error', 'text')
    // JSON: the summary's sentences, as written into the files
    .addColumn('summary', 'text')
    // The files in the content store (sha256) and their sizes in bytes
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_size', 'bigint')
    .addColumn('xlsx_sha256', 'text')
    .addColumn('xlsx_size', 'bigint')
    .execute();
  // The list, newest first, for everyone who sees everything; by scope for the others.
  await db.schema.createIndex('reports_created').on('reports').columns(['created_at', 'id']).execute();
  await db.schema
    .createIndex('reports_unit_path_created')
    .on('reports')
    .columns(['unit_path', 'created_at', 'id'])
    .execute();

  // Who receives a unit's periodic reports: a user (by their e-mail) or an extra address, in a locale.
  await db.schema
    .createTable('report_recipients')
    .addColumn('id', idType, id)
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('user_id', idType, (c) => c.references('users.id'))
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_recipients_unit').on('report_recipients').column('unit_id').execute();

  // A notice may carry files from the content store: JSON [{ filename, mediaType, sha256 }].
  await db.schema.alterTable('notifications').addColumn('attachments', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('attachments').execute();
  await db.schema.dropTable('report_recipients').execute();
  await db.schema.dropTable('reports').execute();
}
