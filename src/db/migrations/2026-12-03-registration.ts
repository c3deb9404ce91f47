import type { Kysely } from 'kysely';

/**
 * Registration looks up the earlier complaints about the same waybill within the repeat window,
 * newest first: (waybill_no, received_at) answers that from the index alone, where the old index on
 * waybill_no read and sorted every complaint about a waybill (a merchant's waybills have thousands).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('complaints_waybill_received')
    .on('complaints')
    .columns(['waybill_no', 'received_at'])
    .execute();
  await db.schema.dropIndex('complaints_waybill').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('complaints_waybill').on('complaints').column('waybill_no').execute();
  await db.schema.dropIndex('complaints_waybill_received').execute();
}
