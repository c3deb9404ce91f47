import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14, appeals (申诉): a staff
// member (or their unit) appeals a judgement against them or a quality check of their handling; a
// supervisor reviews, then a manager confirms a change. Each level has its own due time.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('appeals')
    .addColumn('id', idType, id)
    // judgement | quality_check
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    // The complaint judged, or the complaint whose handling was checked.
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('quality_check_id', idType, (c) => c.references('quality_checks.id'))
    // 'judgement:<complaint id>' or 'quality_check:<check id>' while the appeal is open, else null:
    // unique, so a subject has one open appeal at a time.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('appellant_id', idType, (c) => c.notNull().references('users.id'))
    // The unit the subject is against (its path scopes the reviewers' queue).
    .addColumn('unit_id', idType, (c) => c.references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    // pending_supervisor | pending_manager | decided | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'bigint', (c) => c.notNull())
    // When the judgement or score was given, and the end of the window the appeal came within.
    .addColumn('subject_at', 'bigint', (c) => c.notNull())
    // The current level's due time (1 working day after the appeal reached it); null once decided.
    .addColumn('due_at', 'bigint')
    .addColumn('overdue_notified_at', 'bigint')
    // overturned | partly | upheld, per level, and the final one.
    .addColumn('supervisor_outcome', 'text')
    .addColumn('supervisor_id', idType, (c) => c.references('users.id'))
    .addColumn('supervisor_comment', 'text')
    .addColumn('supervisor_due_at', 'bigint', (c) => c.notNull())
    .addColumn('supervisor_decided_at', 'bigint')
    .addColumn('manager_outcome', 'text')
    .addColumn('manager_id', idType, (c) => c.references('users.id'))
    .addColumn('manager_comment', 'text')
    .addColumn('manager_due_at', 'bigint')
    .addColumn('manager_decided_at', 'bigint')
    // JSON: the change a 'partly' outcome asks for (new validity, responsible person, revised score).
    .addColumn('revision', 'text')
    .addColumn('outcome', 'text')
    .addColumn('decided_at', 'bigint')
    .execute();
  // The reviewers' queue and the overdue sweep: open appeals by status and due time.
  await db.schema.createIndex('appeals_open_due').on('appeals').columns(['status', 'due_at']).execute();
  await db.schema
    .createIndex('appeals_appellant')
    .on('appeals')
    .columns(['appellant_id', 'filed_at'])
    .execute();
  await db.schema.createIndex('appeals_complaint').on('appeals').columns(['complaint_id']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('appeals').execute();
}
