import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: lists at a million
// complaints. The workbench mostly lists open complaints (a few percent of all), by due time, newest
// first or by priority; a station handler's share of them is small again. Each of those orders gets an
// index of the open complaints only, so such a list walks the open ones in its order instead of every
// complaint. On SQLite the condition is written `+status in (…)`: a list that names it word for word
// (list-plan.ts) can use the index, while SQLite, which keeps no statistics here, is not tempted to
// read the open complaints through the status index and sort them; the index also carries the
// columns of the actor's visibility and of the usual filters, so the walk never reads the table.
// PostgreSQL plans by its statistics and proves a status filter within the open ones on its own.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const OPEN = [
  'received',
  'accepted',
  'assigned',
  'investigating',
  'waiting_customer',
  'proposed',
  'approved',
  'replied',
];
const ORDERS = [
  ['complaints_open_due', 'due_at'],
  ['complaints_open_received', 'received_at'],
  ['complaints_open_priority', 'priority'],
] as const;
/** What SQLite reads the filters and the visibility from, besides the order (and status, in the condition). */
const CARRIED = ['status', 'unit_path', 'intake_unit_path', 'assignee_id', 'category_id', 'repeat_complaint'];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const open = sql.join(OPEN.map((s) => sql.lit(s)));
  for (const [name, column] of ORDERS) {
    const columns = pg ? [column, 'id'] : [column, 'id', ...CARRIED.filter((c) => c !== column)];
    const where = pg ? sql`status in (${open})` : sql`+status in (${open})`;
    await sql`create index ${sql.id(name)} on complaints (${sql.join(columns.map((c) => sql.id(c)))}) where ${where}`.execute(
      db,
    );
  }
}

export async function down(db: Db): Promise<void> {
  for (const [name] of ORDERS) await db.schema.dropIndex(name).execute();
}
