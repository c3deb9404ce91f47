import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14, what its parts share:
// the responsible person and the staff complained about become links to a user or to an external
// party (外部责任方: partner station, courier contractor, supplier), and quality checks (质检) are
// rows that the assessment (考核) reads and an appeal (申诉) may revise. The free-text columns stay:
// they hold what was recorded before, and a name typed when no user or party fits.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('external_parties')
    .addColumn('id', idType, id)
    // partner_station | courier_contractor | supplier | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // The unit that manages the party (its figures roll up there); null: the whole company.
    .addColumn('unit_id', idType, (c) => c.references('units.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('complaints')
    .addColumn('responsible_user_id', idType, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('complaints')
    .addColumn('responsible_party_id', idType, (c) => c.references('external_parties.id'))
    .execute();
  await db.schema
    .alterTable('complaints')
    .addColumn('staff_complained_user_id', idType, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('complaints')
    .addColumn('staff_complained_party_id', idType, (c) => c.references('external_parties.id'))
    .execute();
  // The assessment reads the judgements against a person or unit by period.
  await db.schema
    .createIndex('complaints_responsible_user')
    .on('complaints')
    .columns(['responsible_user_id', 'judged_at'])
    .where('responsible_user_id', 'is not', null)
    .execute();
  await db.schema
    .createIndex('complaints_responsible_party')
    .on('complaints')
    .columns(['responsible_party_id', 'judged_at'])
    .where('responsible_party_id', 'is not', null)
    .execute();
  await db.schema
    .createIndex('complaints_responsible_unit')
    .on('complaints')
    .columns(['responsible_unit_id', 'judged_at'])
    .where('responsible_unit_id', 'is not', null)
    .execute();
  await db.schema
    .createIndex('complaints_staff_complained_user')
    .on('complaints')
    .columns(['staff_complained_user_id', 'received_at'])
    .where('staff_complained_user_id', 'is not', null)
    .execute();

  await db.schema
    .createTable('quality_checks')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    // The handler whose handling is checked, and their unit when the check was drawn.
    .addColumn('handler_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    // The assessment period the check counts in: 'YYYY-MM' in the organisation's time zone.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('checker_id', idType, (c) => c.notNull().references('users.id'))
    // How the complaint was drawn: random | rule
    .addColumn('drawn_by', 'text', (c) => c.notNull())
    .addColumn('checklist_id', idType)
    // JSON: [{ key, labelZh, labelEn, weight, score (0..1 or null), note }]
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    // 0–100; null until scored.
    .addColumn('score', 'real')
    .addColumn('findings', 'text')
    // draft | final | overturned (an upheld appeal struck it out)
    .addColumn('status', 'text', (c) => c.notNull())
    // The score an appeal decided in part (partly upheld); the assessment uses it when set.
    .addColumn('revised_score', 'real')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('scored_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('quality_checks_handler_period')
    .on('quality_checks')
    .columns(['handler_id', 'period'])
    .execute();
  await db.schema
    .createIndex('quality_checks_unit_period')
    .on('quality_checks')
    .columns(['unit_id', 'period'])
    .execute();
  await db.schema
    .createIndex('quality_checks_complaint')
    .on('quality_checks')
    .columns(['complaint_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('quality_checks').execute();
  for (const index of [
    'complaints_responsible_user',
    'complaints_responsible_party',
    'complaints_responsible_unit',
    'complaints_staff_complained_user',
  ])
    await db.schema.dropIndex(index).execute();
  for (const column of [
    'staff_complained_party_id',
    'staff_complained_user_id',
    'responsible_party_id',
    'responsible_user_id',
  ])
    await db.schema.alterTable('complaints').dropColumn(column).execute();
  await db.schema.dropTable('external_parties').execute();
}
