import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14, item 5: return visits
// (回访) after closure, and surveys answered by phone. A complaint may now hold one survey per source
// (portal: the customer's own; phone: taken by staff; return_visit: taken on the return visit), so the
// survey table gets a row id and a source instead of the complaint as its key.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const SURVEY_COLUMNS = [
  'complaint_id',
  'speed',
  'effectiveness',
  'attitude',
  'transparency',
  'recommendation',
  'suggestions',
  'submitted_at',
] as const;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('return_visits')
    .addColumn('id', idType, id)
    // One return visit per complaint: closing twice (never happens today) schedules nothing more.
    .addColumn('complaint_id', idType, (c) => c.notNull().unique().references('complaints.id'))
    // The unit whose staff call (the complaint's intake unit) and its path, for the queue's subtree.
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    // The day the next call is due, 'YYYY-MM-DD' in the organisation's time zone.
    .addColumn('due_on', 'text', (c) => c.notNull())
    // scheduled | done | unreached | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delay_days', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_called_at', 'bigint')
    .addColumn('last_called_by', idType, (c) => c.references('users.id'))
    .addColumn('note', 'text')
    // The complaint opened for a new problem the customer reported on the call.
    .addColumn('new_complaint_id', idType, (c) => c.references('complaints.id'))
    .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  // The queue: scheduled visits due by today, oldest first (the unit subtree filters along the walk).
  await db.schema
    .createIndex('return_visits_due')
    .on('return_visits')
    .columns(['due_on', 'id'])
    .where(sql.ref('status'), '=', 'scheduled')
    .execute();

  // Rebuilt rather than altered: SQLite cannot change a primary key in place.
  await db.schema
    .createTable('satisfaction_surveys_by_source')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    // portal | phone | return_visit
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('portal'))
    .addColumn('speed', 'smallint', (c) => c.notNull())
    .addColumn('effectiveness', 'smallint', (c) => c.notNull())
    .addColumn('attitude', 'smallint', (c) => c.notNull())
    .addColumn('transparency', 'smallint', (c) => c.notNull())
    .addColumn('recommendation', 'smallint', (c) => c.notNull())
    .addColumn('suggestions', 'text')
    // Who took it down (phone, return visit); null: the customer on the portal.
    .addColumn('recorded_by', idType, (c) => c.references('users.id'))
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .execute();
  const columns = SURVEY_COLUMNS.map((c) => sql.ref(c));
  await sql`insert into satisfaction_surveys_by_source (${sql.join(columns)}, source)
    select ${sql.join(columns)}, 'portal' from satisfaction_surveys order by complaint_id`.execute(db);
  await db.schema.dropTable('satisfaction_surveys').execute();
  await db.schema.alterTable('satisfaction_surveys_by_source').renameTo('satisfaction_surveys').execute();
  // One survey per complaint and source: the unique key refuses a second.
  await db.schema
    .createIndex('satisfaction_surveys_complaint_source')
    .on('satisfaction_surveys')
    .columns(['complaint_id', 'source'])
    .unique()
    .execute();
  await db.schema
    .createIndex('satisfaction_surveys_submitted')
    .on('satisfaction_surveys')
    .column('submitted_at')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('return_visits').execute();
  await db.schema.dropIndex('satisfaction_surveys_complaint_source').execute();
  await sql`delete from satisfaction_surveys where source <> 'portal'`.execute(db);
  await db.schema.alterTable('satisfaction_surveys').dropColumn('recorded_by').execute();
  await db.schema.alterTable('satisfaction_surveys').dropColumn('source').execute();
}
