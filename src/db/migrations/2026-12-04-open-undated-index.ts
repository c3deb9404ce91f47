import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: a list of open
// complaints by due time reads, after those with a due time, the ones without, in order of receipt.
// Open complaints nearly always have one, but PostgreSQL cannot know it (it knows how many complaints
// lack a due time, mostly the closed ones, and how many are open, not both together): it gathered
// every open complaint of the status through its index and read each from the table to find none
// (13 ms for a station handler's empty `received` list at a million). This index holds only the open
// complaints without a due time, so that question costs one index page. SQLite plans those lists
// itself (list-plan.ts), and reads them through its own open-complaint indexes: no index there.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

// As OPEN_STATUSES.
const OPEN = 'received accepted assigned investigating waiting_customer proposed approved replied'.split(' ');
/** The columns of the visibility and the status filter, for an index-only scan. */
const CARRIED = ['status', 'unit_path', 'intake_unit_path', 'assignee_id'];

export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const open = sql.join(OPEN.map((s) => sql.lit(s)));
  const carried = sql.join(CARRIED.map((c) => sql.id(c)));
  await sql`create index complaints_open_undated on complaints (received_at, id) include (${carried})
    where due_at is null and status in (${open})`.execute(db);
}

export async function down(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.dropIndex('complaints_open_undated').execute();
}
