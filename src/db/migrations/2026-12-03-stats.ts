import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 15, statistics (统计):
// one fact row per complaint (and its met stage clocks and approved remedies), the rollups summed
// from them by local day, and the watermark of the history the stats job has followed.
// Text dimensions hold '' and id dimensions 0 for "none", so that the rollup keys are unique on both databases.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the same
type Table = CreateTableBuilder<any, any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  // On SQLite the rollups are stored in their primary key's order (a period is one contiguous range).
  const clustered = (t: Table) => (pg ? t : t.modifyEnd(sql`without rowid`));
  const int = (name: string) => (t: Table) => t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));

  // The dimensions a complaint is counted under, as of the last history event the job followed.
  const dims = (t: Table) =>
    t
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('category_id', idType, (c) => c.notNull())
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('intake_unit_id', idType, (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('validity', 'text', (c) => c.notNull())
      .addColumn('liable_party', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('repeat_flag', 'integer', (c) => c.notNull());
  const DIMS = [
    'day',
    'category_id',
    'unit_id',
    'intake_unit_id',
    'channel',
    'priority',
    'grade',
    'validity',
    'liable_party',
    'region',
    'repeat_flag',
  ];
  const MEASURES = [
    'closed',
    'first_contact',
    'reopened',
    'reopens',
    'surveys',
    'speed',
    'effectiveness',
    'attitude',
    'transparency',
    'recommendation',
    'promoters',
    'detractors',
  ];
  const measures = (t: Table) => MEASURES.reduce((acc, m) => int(m)(acc), t);

  await measures(
    dims(
      db.schema.createTable('stats_facts').addColumn('complaint_id', idType, (c) => c.primaryKey()),
    ).addColumn('hour', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createTable('stats_fact_stages')
    .addColumn('complaint_id', idType, (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_fact_stages_pk', ['complaint_id', 'stage'])
    .execute();
  await db.schema
    .createTable('stats_fact_remedies')
    .addColumn('complaint_id', idType, (c) => c.notNull())
    .addColumn('proposal_id', idType, (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_fact_remedies_pk', ['complaint_id', 'proposal_id'])
    .execute();

  // Rollups: the sums of the facts by local day of receipt and dimensions. Every statement of the
  // statistics API reads a day range of these (the primary key starts with the day).
  await clustered(
    int('complaints')(measures(dims(db.schema.createTable('stats_daily')))).addPrimaryKeyConstraint(
      'stats_daily_pk',
      DIMS,
    ),
  ).execute();
  await clustered(
    db.schema
      .createTable('stats_hours')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('hour', 'integer', (c) => c.notNull())
      .addColumn('complaints', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_hours_pk', ['day', 'unit_id', 'hour']),
  ).execute();
  await clustered(
    db.schema
      .createTable('stats_stages')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('category_id', idType, (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('bucket', 'integer', (c) => c.notNull())
      .addColumn('complaints', 'bigint', (c) => c.notNull())
      .addColumn('on_time', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_stages_pk', ['day', 'unit_id', 'category_id', 'stage', 'bucket']),
  ).execute();
  await clustered(
    db.schema
      .createTable('stats_remedies')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('kinds', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('remedies', 'bigint', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_remedies_pk', ['day', 'unit_id', 'kinds', 'level']),
  ).execute();
  await db.schema
    .createTable('stats_watermarks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('event_id', idType, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'stats_watermarks',
    'stats_remedies',
    'stats_stages',
    'stats_hours',
    'stats_daily',
    'stats_fact_remedies',
    'stats_fact_stages',
    'stats_facts',
  ])
    await db.schema.dropTable(table).execute();
}
