import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 11: outbound webhooks —
// subscriptions of integrations, the deliveries made to them with each attempt, and the dispatcher's
// watermark in the history (events).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', idType, id)
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON array of webhook event kinds (complaint.registered …). */
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    /** The signing secret, sealed with the Kesu secret (AES-256-GCM, as personal data is). */
    .addColumn('secret', 'text', (c) => c.notNull())
    /** The newest history event when the subscription was made: it hears only of later ones. */
    .addColumn('since_event_id', idType, (c) => c.notNull())
    .addColumn('created_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', idType, id)
    /** The X-Kesu-Delivery header: the same on every attempt and replay of this delivery. */
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('subscription_id', idType, (c) => c.notNull().references('webhook_subscriptions.id'))
    /** The history event it tells of; null for a test event. */
    .addColumn('event_id', idType)
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The JSON body exactly as sent, so that a replay sends the same bytes. */
    .addColumn('payload', 'text', (c) => c.notNull())
    /** pending | delivered | failed */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_event')
    .on('webhook_deliveries')
    .columns(['subscription_id', 'event_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', idType, id)
    .addColumn('delivery_id', idType, (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** The receiver's HTTP status; null when no answer came (refused, timed out …). */
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    /** The first bytes of the receiver's answer. */
    .addColumn('response_snippet', 'text')
    /** auto (first send and retries) | replay */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery')
    .on('webhook_attempts')
    .columns(['delivery_id', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_watermarks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    /** Every history event up to this id has been dispatched. */
    .addColumn('event_id', idType, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('webhook_watermarks').execute();
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
}
