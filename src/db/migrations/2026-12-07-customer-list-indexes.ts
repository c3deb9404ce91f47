import type { Kysely } from 'kysely';

// Frozen once released: a migration never imports application code. The customer list (客户档案)
// filtered by level or to repeat complainants walked the name index for its matches: at a million
// customers a page of the 1-in-1,000 key accounts read the whole table (bench/customers.ts). Each
// filter now has the list's order behind it.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('customers_level_name')
    .on('customers')
    .columns(['level', 'name', 'id'])
    .execute();
  await db.schema
    .createIndex('customers_repeat_name')
    .on('customers')
    .columns(['repeat_complainant', 'name', 'id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('customers_repeat_name').execute();
  await db.schema.dropIndex('customers_level_name').execute();
}
