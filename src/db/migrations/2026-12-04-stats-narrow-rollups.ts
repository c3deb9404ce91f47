import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 15 at 1M complaints
// (ADR 0032, "narrow rollups"): the wide day × every-dimension rollup is replaced by per-dimension
// counts and per-unit totals, each keyed by unit first and then the day, with the whole
// organisation's rows under unit −1; the hour, stage and remedy rollups get the same key order (the
// stage rollup without the category, which no figure reads). The facts are emptied and the
// watermark removed: the statistics job rebuilds everything from the complaints on its next run.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the same
type Table = CreateTableBuilder<any, any>;

const MEASURES = [
  'complaints',
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

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  const clustered = (t: Table) => (pg ? t : t.modifyEnd(sql`without rowid`));
  const int = (t: Table, name: string) => t.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  const unitDay = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull());

  for (const table of ['stats_daily', 'stats_hours', 'stats_stages', 'stats_remedies'])
    await db.schema.dropTable(table).execute();
  for (const table of ['stats_facts', 'stats_fact_stages', 'stats_fact_remedies', 'stats_watermarks'])
    await db.deleteFrom(table).execute();

  await clustered(
    MEASURES.reduce(int, unitDay('stats_totals')).addPrimaryKeyConstraint('stats_totals_pk', [
      'unit_id',
      'day',
    ]),
  ).execute();
  await clustered(
    db.schema
      .createTable('stats_counts')
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('unit_id', idType, (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('complaints', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_counts_pk', ['dim', 'unit_id', 'day', 'key']),
  ).execute();
  await clustered(
    unitDay('stats_hours')
      .addColumn('hour', 'integer', (c) => c.notNull())
      .addColumn('complaints', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_hours_pk', ['unit_id', 'day', 'hour']),
  ).execute();
  await clustered(
    unitDay('stats_stages')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('bucket', 'integer', (c) => c.notNull())
      .addColumn('complaints', 'bigint', (c) => c.notNull())
      .addColumn('on_time', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_stages_pk', ['unit_id', 'day', 'stage', 'bucket']),
  ).execute();
  await clustered(
    unitDay('stats_remedies')
      .addColumn('kinds', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('remedies', 'bigint', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_remedies_pk', ['unit_id', 'day', 'kinds', 'level']),
  ).execute();
}

// Going back drops the narrow rollups only: the older build's `kesu stats rebuild` needs its own tables back.
export async function down(db: Db): Promise<void> {
  for (const table of ['stats_totals', 'stats_counts', 'stats_hours', 'stats_stages', 'stats_remedies'])
    await db.schema.dropTable(table).execute();
}
