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
  // A customer's complaint count and latest complaint are counted from the complaints (customers
  // module, complaint-totals.ts): a counter on the row made every complaint of a frequent complainant
  // wait for that row's lock.
  await db.schema.alterTable('customers').dropColumn('complaint_count').execute();
  await db.schema.alterTable('customers').dropColumn('last_complaint_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('last_complaint_at', 'bigint').execute();
  await db.schema
    .alterTable('customers')
    .addColumn('complaint_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('complaints_waybill').on('complaints').column('waybill_no').execute();
  await db.schema.dropIndex('complaints_waybill_received').execute();
}
