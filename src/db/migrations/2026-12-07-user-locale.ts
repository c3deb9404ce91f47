import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. The language of the notices a
// user receives: the one they last used the console in (notify/queue-notice.ts).

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute();
}
