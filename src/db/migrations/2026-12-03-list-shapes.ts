import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: lists at a million
// complaints. The workbench mostly lists open complaints (a few percent of all), by due time, newest
// first or by priority; a station handler's share of them is small again. Each of those orders gets an
// index of the open complaints only, so such a list walks the open ones in its order instead of every
// complaint, and reads the visibility and the usual filters from the index, not the table (SQLite: as
// key columns; PostgreSQL: included, for an index-only scan). On SQLite the condition is written
// `+status in (…)`: a list that names it word for word (list-plan.ts) can use the index, while SQLite,
// which keeps no statistics here, is not tempted to read the open complaints through the status index
// and sort them. PostgreSQL plans by its statistics and proves a status filter within the open ones.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

// As OPEN_STATUSES: lists name them word for word on SQLite.
const OPEN = 'received accepted assigned investigating waiting_customer proposed approved replied'.split(' ');
const ORDERS = [
  ['complaints_open_due', 'due_at'],
  ['complaints_open_received', 'received_at'],
  ['complaints_open_priority', 'priority'],
] as const;
/** The columns of the visibility and of the filters a list of open complaints usually has. */
const CARRIED = ['status', 'unit_path', 'intake_unit_path', 'assignee_id', 'category_id', 'repeat_complaint'];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const open = sql.join(OPEN.map((s) => sql.lit(s)));
  for (const [name, column] of ORDERS) {
    const carried = sql.join(CARRIED.filter((c) => c !== column).map((c) => sql.id(c)));
    const key = sql.join([sql.id(column), sql.id('id')]);
    await (pg
      ? sql`create index ${sql.id(name)} on complaints (${key}) include (${carried}) where status in (${open})`
      : sql`create index ${sql.id(name)} on complaints (${key}, ${carried}) where +status in (${open})`
    ).execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  for (const [name] of ORDERS) await db.schema.dropIndex(name).execute();
}
