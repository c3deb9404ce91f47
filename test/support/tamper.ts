import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../src/db/database.js';

/**
 * Run a statement against the events table as an attacker with the database would: the
 * append-only trigger out of the way first, back in place after.
 */
export async function tamperWithEvents(
  // biome-ignore lint/suspicious/noExplicitAny: raw statements against either dialect's handle
  db: Kysely<any>,
  dialect: Dialect,
  statement: ReturnType<typeof sql>,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table events disable trigger events_append_only`.execute(db);
    await statement.execute(db);
    await sql`alter table events enable trigger events_append_only`.execute(db);
  } else {
    await sql`drop trigger events_no_update`.execute(db);
    await sql`drop trigger events_no_delete`.execute(db);
    await statement.execute(db);
    await sql`create trigger events_no_update before update on events begin select raise(abort, 'events are append-only'); end`.execute(
      db,
    );
    await sql`create trigger events_no_delete before delete on events begin select raise(abort, 'events are append-only'); end`.execute(
      db,
    );
  }
}
