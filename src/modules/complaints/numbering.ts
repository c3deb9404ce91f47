import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

/** `KS20261123-000123`: the day in the business time zone and a per-day counter. */
export const formatNumber = (day: string, n: number) => `KS${day}-${String(n).padStart(6, '0')}`;
export const NUMBER_PATTERN = /^KS\d{8}-\d{6,}$/;

/**
 * Take the next number of `day` in a statement of its own. The upsert is atomic on both databases,
 * so concurrent registrations never share a number; its row lock lasts only that statement, so
 * registrations do not queue behind each other's transactions (ADR 0002).
 */
export async function nextNumber(db: Db | Tx, day: string): Promise<string> {
  const row = await db
    .insertInto('number_sequences')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`number_sequences.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatNumber(day, row.last);
}
