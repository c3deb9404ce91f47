import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 6: the classifier —
// trained models, the prediction made at each registration, admin keyword rules, and the handlers'
// corrections that the next training learns from.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('classifier_models')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    /** What the labels are: `file` (labels as written) or `complaints` (category codes). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'bigint', (c) => c.notNull())
    .addColumn('sample_count', 'integer', (c) => c.notNull())
    .addColumn('metrics', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('trained_by', idType, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createTable('complaint_classifications')
    .addColumn('complaint_id', idType, (c) => c.primaryKey().references('complaints.id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    .addColumn('category_confidence', pg ? 'double precision' : 'real')
    .addColumn('priority', 'text')
    .addColumn('priority_confidence', pg ? 'double precision' : 'real')
    .addColumn('grade', 'text')
    .addColumn('grade_confidence', pg ? 'double precision' : 'real')
    .addColumn('rule_id', idType)
    /** JSON { category, priority, grade }: which predictions were applied to the complaint. */
    .addColumn('applied', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('classification_rules')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON array of words; any one occurring in title or content fires the rule. */
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    .addColumn('priority', 'text')
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('classification_corrections')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('predicted_category_id', idType, (c) => c.references('categories.id'))
    .addColumn('corrected_category_id', idType, (c) => c.notNull().references('categories.id'))
    .addColumn('corrected_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('corrected_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('classification_corrections_complaint')
    .on('classification_corrections')
    .columns(['complaint_id', 'corrected_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'classification_corrections',
    'classification_rules',
    'complaint_classifications',
    'classifier_models',
  ])
    await db.schema.dropTable(table).execute();
}
