import type { Db } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';

/** How many rows a table holds: for tests that show a refused request wrote nothing. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
