import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14, the assessment (考核):
// monthly volumes per unit (the denominator of the valid-complaint rate), closed periods with the
// sheets stored as they were when closed, and an index for the handler's figures by resolution time.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';

  // 业务量: parcels and orders of a unit in a month ('YYYY-MM' in the organisation's time zone).
  await db.schema
    .createTable('unit_volumes')
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('parcels', 'bigint')
    .addColumn('orders', 'bigint')
    .addColumn('updated_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_volumes_pk', ['unit_id', 'period'])
    .execute();
  await db.schema.createIndex('unit_volumes_period').on('unit_volumes').columns(['period']).execute();

  // A closed (frozen) period: its sheets are read from assessment_snapshots until it is reopened.
  await db.schema
    .createTable('assessment_periods')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('closed_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('assessment_snapshots')
    .addColumn('period', 'text', (c) => c.notNull())
    // user | unit
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', idType, (c) => c.notNull())
    // JSON: the sheet as it was shown when the period was closed.
    .addColumn('sheet', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_snapshots_pk', ['period', 'subject_kind', 'subject_id'])
    .execute();

  // The handler's figures: complaints assigned to a person, by when they were resolved.
  await db.schema
    .createIndex('complaints_assignee_resolved')
    .on('complaints')
    .columns(['assignee_id', 'resolved_at'])
    .where('resolved_at', 'is not', null)
    .execute();
  await db.schema
    .createIndex('complaints_unit_path_resolved')
    .on('complaints')
    .columns(['unit_path', 'resolved_at'])
    .where('resolved_at', 'is not', null)
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_unit_path_resolved').execute();
  await db.schema.dropIndex('complaints_assignee_resolved').execute();
  await db.schema.dropTable('assessment_snapshots').execute();
  await db.schema.dropTable('assessment_periods').execute();
  await db.schema.dropTable('unit_volumes').execute();
}
