import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 13: an approved remedy
// with something to carry out gets an owner, a due date and, once carried out, its proof; every
// remedy records who bears its cost (JSON shares adding up to its amount). Remedies decided before
// this have no fulfilment (null status): they are not asked for one after the fact.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'bigint' : 'integer';
  const columns: Array<[string, string, boolean?]> = [
    ['cost_shares', 'text', true],
    ['fulfilment_status', 'text'],
    ['fulfilment_owner_id', idType],
    ['fulfilment_due_at', 'bigint'],
    ['fulfilled_at', 'bigint'],
    ['fulfilled_by', idType],
    ['fulfilment_proof', 'text'],
    ['fulfilment_note', 'text'],
  ];
  for (const [name, type, json] of columns)
    await db.schema
      .alterTable('remedy_proposals')
      // biome-ignore lint/suspicious/noExplicitAny: the column type is one of the two literals above
      .addColumn(name, type as any, (c) => (json ? c.notNull().defaultTo('[]') : c))
      .execute();
  // The approvals page lists the remedies awaiting fulfilment by due date, and the latest carried out.
  await db.schema
    .createIndex('remedy_proposals_fulfilment')
    .on('remedy_proposals')
    .columns(['fulfilment_status', 'fulfilment_due_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('remedy_proposals_fulfilment').execute();
  for (const name of [
    'fulfilment_note',
    'fulfilment_proof',
    'fulfilled_by',
    'fulfilled_at',
    'fulfilment_due_at',
    'fulfilment_owner_id',
    'fulfilment_status',
    'cost_shares',
  ])
    await db.schema.alterTable('remedy_proposals').dropColumn(name).execute();
}
