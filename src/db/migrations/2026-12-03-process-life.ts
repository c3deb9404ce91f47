import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 11: notices sent once,
// recognisably — every notice gets a stable key that its channel passes on (mail Message-ID, SMS
// idempotency key, robot text), and an in-app notice lands in the inbox at most once.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  await db.schema.alterTable('notifications').addColumn('notice_key', 'text').execute();
  // When the last send began: a notice still `sending` after a crash has an unknown outcome.
  await db.schema.alterTable('notifications').addColumn('sending_at', 'bigint').execute();
  const randomKey = pg
    ? sql`md5(random()::text || clock_timestamp()::text || id::text)`
    : sql`lower(hex(randomblob(16)))`;
  await db.updateTable('notifications').set({ notice_key: randomKey }).execute();
  await db.schema
    .createIndex('notifications_notice_key')
    .on('notifications')
    .column('notice_key')
    .unique()
    .execute();
  await db.schema
    .alterTable('inbox_items')
    .addColumn('notification_id', idType, (c) => c.references('notifications.id'))
    .execute();
  await db.schema
    .createIndex('inbox_items_notification')
    .on('inbox_items')
    .column('notification_id')
    .unique()
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('inbox_items_notification').execute();
  await db.schema.alterTable('inbox_items').dropColumn('notification_id').execute();
  await db.schema.dropIndex('notifications_notice_key').execute();
  await db.schema.alterTable('notifications').dropColumn('sending_at').execute();
  await db.schema.alterTable('notifications').dropColumn('notice_key').execute();
}
