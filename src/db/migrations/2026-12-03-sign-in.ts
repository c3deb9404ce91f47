import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 11, slice 1: sign-in
// throttling and lockout shared by every server on the database, the TOTP second factor, and
// sessions a user can see and revoke.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  await db.schema
    .createTable('login_throttles')
    /** `account:<normalised username as typed>` or `address:<client address>`. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', idType, (c) => c.primaryKey().references('users.id'))
    /** The shared secret, sealed like personal data (AES-256-GCM under the configured secret). */
    .addColumn('secret', 'text', (c) => c.notNull())
    /** Null while the enrolment waits for its first correct code. */
    .addColumn('enabled_at', 'bigint')
    /** The last time step a code was accepted for: a code is good once. */
    .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'bigint').execute();
  await db.schema.alterTable('sessions').addColumn('address', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
  await db.schema.alterTable('sessions').dropColumn('address').execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('user_totp').execute();
  await db.schema.dropTable('login_throttles').execute();
}
