import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';

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

const takeNumber = prepared((db, { day }: { day: string }) =>
  db
    .insertInto('number_sequences')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`number_sequences.last + 1` }))
    .returning('last'),
);
