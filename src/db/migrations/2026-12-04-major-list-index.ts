import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: major complaints (重大投诉)
// are about one in a hundred, and the workbench lists them on their own. Without an index of its own
// the grade filter was checked row by row along the list's order: ~55 ms at a million complaints for
// a station handler, who sees a few hundred of them. This index holds the major complaints only, in
// the default order (newest first), with the columns the visibility and the due-time order read, so
// the list gathers them from the index alone (SQLite: as key columns; PostgreSQL: included). The
// grade leads although every entry has the same: SQLite, which keeps no statistics here, then sees an
// equality on it and prefers the index to walking every complaint in id order.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const CARRIED = [
  'unit_path',
  'intake_unit_path',
  'assignee_id',
  'status',
  'due_at',
  'priority',
  'category_id',
];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const carried = sql.join(CARRIED.map((c) => sql.id(c)));
  await (pg
    ? sql`create index complaints_major on complaints (grade, received_at, id) include (${carried}) where grade = 'major'`
    : sql`create index complaints_major on complaints (grade, received_at, id, ${carried}) where grade = 'major'`
  ).execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('complaints_major').execute();
}
