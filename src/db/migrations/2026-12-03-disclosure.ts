import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 15 item 4: the monthly public
// disclosure (公示) — the figures an admin chose, computed when prepared, and the judgements selected for
// publication with their edited, anonymised texts.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('disclosures')
    .addColumn('id', idType, id)
    // 'YYYY-MM' in the organisation's time zone; one disclosure per month
    .addColumn('period', 'text', (c) => c.notNull().unique())
    // draft | published
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the names of the figures chosen for publication
    .addColumn('chosen', 'text', (c) => c.notNull())
    // JSON: every figure as computed at preparation (publishing never recomputes)
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('prepared_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('prepared_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The public list: published months, newest first.
  await db.schema
    .createIndex('disclosures_status_period')
    .on('disclosures')
    .columns(['status', 'period'])
    .execute();

  await db.schema
    .createTable('disclosure_judgements')
    .addColumn('id', idType, id)
    .addColumn('disclosure_id', idType, (c) => c.notNull().references('disclosures.id'))
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // The publication texts: drafted without any personal value, then edited by the admin.
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_judgements_complaint')
    .on('disclosure_judgements')
    .columns(['disclosure_id', 'complaint_id'])
    .unique()
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('disclosure_judgements').execute();
  await db.schema.dropTable('disclosures').execute();
}
