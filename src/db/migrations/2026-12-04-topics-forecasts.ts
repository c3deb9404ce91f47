import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 16, hot topics (热点) and
// forecasts (预测): the topics found each day with the complaints in them, the day's run, and the
// stored daily forecasts per scope (unit 0: the whole organisation) and series.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('topics')
    .addColumn('id', idType, (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    // JSON: the key words (heaviest first) and the centroid's heaviest words with their weights.
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('centroid', 'text', (c) => c.notNull())
    // Local days yyyymmdd: first found, last found (the latest run's day when current).
    .addColumn('first_day', 'integer', (c) => c.notNull())
    .addColumn('last_day', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('previous', 'integer', (c) => c.notNull())
    // JSON: complaints per local day over both periods (oldest first); [unit id, complaints] pairs.
    .addColumn('trend', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('topics_last_day').on('topics').columns(['last_day', 'size']).execute();

  await db.schema
    .createTable('topic_complaints')
    .addColumn('topic_id', idType, (c) => c.notNull())
    .addColumn('complaint_id', idType, (c) => c.notNull())
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_complaints_pk', ['topic_id', 'complaint_id'])
    .execute();

  await db.schema
    .createTable('topic_runs')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('ran_at', 'bigint', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    .addColumn('topics', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('forecasts')
    .addColumn('unit_id', idType, (c) => c.notNull())
    // total | category (key: level-1 category id) | region (key: region); key '' for total.
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // Local day yyyymmdd forecast.
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('expected', pg ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('lo80', 'integer', (c) => c.notNull())
    .addColumn('hi80', 'integer', (c) => c.notNull())
    .addColumn('lo95', 'integer', (c) => c.notNull())
    .addColumn('hi95', 'integer', (c) => c.notNull())
    .addColumn('made_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecasts_pk', ['unit_id', 'series', 'key', 'day'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['forecasts', 'topic_runs', 'topic_complaints', 'topics'])
    await db.schema.dropTable(t).execute();
}
