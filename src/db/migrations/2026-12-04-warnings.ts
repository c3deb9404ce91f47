import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 16 item 1: early warnings
// (预警) raised by detector jobs, one open warning per kind and scope, with their own history stream.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('warnings')
    .addColumn('id', idType, id)
    // spike | repeat_customer | repeat_waybill | repeat_person | repeat_station | escalation_risk |
    // dissatisfied | near_breach | topic
    .addColumn('kind', 'text', (c) => c.notNull())
    // category | unit | region | channel | customer | waybill | user | complaint | topic
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_key', 'text', (c) => c.notNull())
    // What the scope is called when raised (a category's or unit's name, a masked waybill …).
    .addColumn('scope_label', 'text', (c) => c.notNull())
    // The unit whose people see it and whose supervisor is told (the organisation's root for org-wide scopes).
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    // open | acknowledged | resolved
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', idType, (c) => c.references('users.id'))
    // JSON: what triggered it (observed, expected, p-value or score, window …), the latest trigger.
    .addColumn('figures', 'text', (c) => c.notNull())
    // JSON array of complaint ids behind it (bounded).
    .addColumn('complaint_ids', 'text', (c) => c.notNull())
    .addColumn('triggers', 'integer', (c) => c.notNull())
    .addColumn('action_id', idType, (c) => c.references('corrective_actions.id'))
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  // One warning not yet resolved per kind and scope: a new trigger updates it.
  await sql`create unique index warnings_live_scope on warnings (kind, scope_kind, scope_key) where status <> 'resolved'`.execute(
    db,
  );
  // Lists: by unit subtree, newest first; by status.
  await db.schema
    .createIndex('warnings_unit')
    .on('warnings')
    .columns(['unit_path', 'raised_at', 'id'])
    .execute();
  await db.schema
    .createIndex('warnings_status')
    .on('warnings')
    .columns(['status', 'raised_at', 'id'])
    .execute();

  // Where each detector got to: the last history event read, the last day judged.
  await db.schema
    .createTable('warning_watermarks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
