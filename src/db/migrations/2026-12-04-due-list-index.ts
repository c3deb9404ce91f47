import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: a list by due time
// (the workbench's urgency order) reads first the complaints with a running clock, a few percent of
// all, in due order. Through the old (due_at, id) index every one of them was a row read from the
// table to check the other filters: 20–40k reads at a million complaints for a filter that few of
// them pass (closed, received last week, a leaf category). This index holds only the complaints that
// have a due time and carries the columns the visibility and the usual filters read, so that walk
// reads the index alone (SQLite: as key columns; PostgreSQL: included, for an index-only scan). The
// complaints without a due time come after, in order of receipt, read through the receipt index.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const CARRIED = [
  'status',
  'unit_path',
  'intake_unit_path',
  'assignee_id',
  'category_id',
  'priority',
  'received_at',
  'repeat_complaint',
  'channel',
  'grade',
];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const carried = sql.join(CARRIED.map((c) => sql.id(c)));
  await db.schema.dropIndex('complaints_due').execute();
  await (pg
    ? sql`create index complaints_due_list on complaints (due_at, id) include (${carried}) where due_at is not null`
    : sql`create index complaints_due_list on complaints (due_at, id, ${carried}) where due_at is not null`
  ).execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_due_list').execute();
  await db.schema.createIndex('complaints_due').on('complaints').columns(['due_at', 'id']).execute();
}
