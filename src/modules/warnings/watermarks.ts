import type { Tx } from '../../db/database.js';

/** Where a detector got to (an event id, a day key); 0 before its first run. The row is locked. */
export async function readPosition(tx: Tx, name: string): Promise<number> {
  const row = await tx
    .selectFrom('warning_watermarks')
    .select('position')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  return Number(row?.position ?? 0);
}

export async function savePosition(tx: Tx, name: string, position: number, now: number): Promise<void> {
  await tx
    .insertInto('warning_watermarks')
    .values({ name, position, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position, updated_at: now }))
    .execute();
}
