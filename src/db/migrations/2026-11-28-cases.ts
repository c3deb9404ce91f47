import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 6: the case library (案例库):
// complaints marked as cases with lessons learned and canned replies (话术).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  await db.schema
    .createTable('complaint_cases')
    .addColumn('complaint_id', idType, (c) => c.primaryKey().references('complaints.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lessons', 'text', (c) => c.notNull())
    /** JSON array of { title, text }. */
    .addColumn('scripts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    /** The complaint's category when marked or last updated: the library filters by branch. */
    .addColumn('category_id', idType, (c) => c.notNull().references('categories.id'))
    /** Space-separated segmented words of title, summary, lessons and scripts, each once, for search. */
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('marked_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_cases_marked')
    .on('complaint_cases')
    .columns(['marked_at', 'complaint_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('complaint_cases').execute();
}
