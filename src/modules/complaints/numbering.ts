import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/** `KS20261123-000123`: the day in the business time zone and a per-day counter. */
export const formatNumber = (day: string, n: number) => `KS${day}-${String(n).padStart(6, '0')}`;
export const NUMBER_PATTERN = /^KS\d{8}-\d{6,}$/;

/**
 * Take the next number of `day`. The upsert is atomic on both databases and its row lock is held
 * until the caller's transaction ends, so concurrent registrations never share a number and a
 * rolled-back registration leaves no gap.
 */
export async function nextNumber(tx: Tx, day: string): Promise<string> {
  const row = await tx
    .insertInto('number_sequences')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`number_sequences.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatNumber(day, row.last);
}
