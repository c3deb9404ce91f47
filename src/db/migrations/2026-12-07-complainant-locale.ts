import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. The language the complainant is
// written to in (acknowledgment, progress, result, survey): null is Chinese, as before.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('complainant_locale', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('complaints').dropColumn('complainant_locale').execute();
}
