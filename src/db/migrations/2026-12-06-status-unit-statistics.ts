import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 12: an agent's 我的待办
// asks for what is assigned to them or waits, received, in their own unit. PostgreSQL multiplied the
// share of received complaints by the unit's share and expected a few hundred such complaints where a
// busy intake unit had 22,000; it gathered them all through two indexes, read them from the table and
// sorted them for a page of 50 (70–140 ms a page under the mixed load, bench/README.md). With the two
// columns' common pairs known, it walks the open complaints by due time and stops at the page's end.
// SQLite plans those lists itself (list-plan.ts).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create statistics complaints_status_unit_mcv (mcv) on status, unit_path from complaints`.execute(
    db,
  );
}

export async function down(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop statistics complaints_status_unit_mcv`.execute(db);
}
