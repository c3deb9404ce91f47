import { type QueryCreator, sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';

/** `KS20261123-000123`: the day in the business time zone and a per-day counter. */
export const formatNumber = (day: string, n: number) => `KS${day}-${String(n).padStart(6, '0')}`;
export const NUMBER_PATTERN = /^KS\d{8}-\d{6,}$/;

/**
 * Take the next number of `day` in a statement of its own. The upsert is atomic on both databases,
 * so concurrent registrations never share a number; its row lock lasts only that statement, so
 * registrations do not queue behind each other's transactions (ADR 0002).
 */
export async function nextNumber(db: Db | Tx, day: string): Promise<string> {
  const [row] = await takeNumber(db, { day });
  if (!row) throw new Error(`no number taken for ${day}`);
  return formatNumber(day, row.last);
}

/**
 * PostgreSQL: the next number of `day` and the new complaint's id, taken together before its
 * transaction (a sequence's value is never given twice, committed or not). With its id known, the
 * complaint's own row can go to the server with the rows that follow it (register-complaint.ts).
 */
export async function nextNumberAndId(db: Db, day: string): Promise<{ number: string; id: number }> {
  const [row] = await takeNumberAndId(db, { day });
  if (!row) throw new Error(`no number taken for ${day}`);
  return { number: formatNumber(day, row.last), id: Number(row.id) };
}

const numberTaken = (db: QueryCreator<Database>, day: string) =>
  db
    .insertInto('number_sequences')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`number_sequences.last + 1` }))
    .returning('last');

const takeNumber = prepared((db, { day }: { day: string }) => numberTaken(db, day));

const takeNumberAndId = prepared((db, { day }: { day: string }) =>
  db
    .with('taken', (db) => numberTaken(db, day))
    .selectFrom('taken')
    .select(['last', sql<string>`nextval(pg_get_serial_sequence('complaints', 'id'))`.as('id')]),
);
