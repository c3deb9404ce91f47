import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: a migration never imports application code, so it keeps meaning what it meant when written.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';
  // Paths and references compare byte-wise, so that a subtree or a prefix is a range scan on an index.
  const byteText = pg ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('units')
    .addColumn('id', idType, id)
    .addColumn('parent_id', idType, (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', byteText, (c) => c.notNull().unique())
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', idType, id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_unit').on('users').column('unit_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', idType, id)
    .addColumn('parent_id', idType, (c) => c.references('categories.id'))
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('path', byteText, (c) => c.notNull().unique())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  let complaints = db.schema
    .createTable('complaints')
    .addColumn('id', idType, id)
    .addColumn('number', byteText, (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addColumn('registered_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('intake_unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('intake_unit_path', byteText, (c) => c.notNull())
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('complainant_phone', byteText)
    .addColumn('complainant_email', 'text')
    .addColumn('preferred_contact', 'text')
    .addColumn('identity_verified', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('demands', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('demand_amount', 'bigint')
    .addColumn('demand_text', 'text');
  // Searched by prefix, so compared byte-wise like the paths.
  for (const col of ['order_no', 'waybill_no']) complaints = complaints.addColumn(col, byteText);
  for (const col of ['store', 'product', 'batch_no', 'region', 'staff_complained'])
    complaints = complaints.addColumn(col, 'text');
  await complaints
    .addColumn('category_id', idType, (c) => c.notNull().references('categories.id'))
    .addColumn('category_confirmed', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('major_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', byteText, (c) => c.notNull())
    .addColumn('assignee_id', idType, (c) => c.references('users.id'))
    .addColumn('escalation_level', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', idType, (c) => c.references('complaints.id'))
    .addColumn('liable_party', 'text')
    .addColumn('responsible_unit_id', idType, (c) => c.references('units.id'))
    .addColumn('responsible_person', 'text')
    .addColumn('liability_degree', 'text')
    .addColumn('judgement_basis', 'text')
    .addColumn('validity', 'text')
    .addColumn('validity_kind', 'text')
    .addColumn('invalid_reason', 'text')
    .addColumn('judged_by', idType, (c) => c.references('users.id'))
    .addColumn('judged_at', 'bigint')
    .addColumn('customer_confirmation', 'text')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('close_reason', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Lists sort by received_at desc, id desc; each filter that narrows a lot has its own index.
  const complaintIndexes: Array<[string, string[]]> = [
    ['complaints_received', ['received_at', 'id']],
    ['complaints_updated', ['updated_at', 'id']],
    ['complaints_priority', ['priority', 'received_at', 'id']],
    ['complaints_status_received', ['status', 'received_at', 'id']],
    ['complaints_unit_path_received', ['unit_path', 'received_at']],
    ['complaints_intake_path_received', ['intake_unit_path', 'received_at']],
    ['complaints_assignee_status', ['assignee_id', 'status', 'received_at']],
    ['complaints_category_received', ['category_id', 'received_at']],
    ['complaints_waybill', ['waybill_no']],
    ['complaints_order', ['order_no']],
    ['complaints_phone', ['complainant_phone']],
  ];
  for (const [name, columns] of complaintIndexes) {
    await db.schema.createIndex(name).on('complaints').columns(columns).execute();
  }

  await db.schema
    .createTable('remedy_proposals')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('internal_actions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('required_role', 'text')
    .addColumn('proposed_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', idType, (c) => c.references('users.id'))
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_comment', 'text')
    .execute();
  await db.schema
    .createIndex('remedy_proposals_complaint')
    .on('remedy_proposals')
    .column('complaint_id')
    .execute();
  await db.schema
    .createIndex('remedy_proposals_pending')
    .on('remedy_proposals')
    .columns(['status', 'required_role'])
    .execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('sent_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replies_complaint').on('replies').column('complaint_id').execute();

  await db.schema
    .createTable('complaint_links')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_links_complaint')
    .on('complaint_links')
    .column('complaint_id')
    .execute();
  await db.schema.createIndex('complaint_links_target').on('complaint_links').column('target_id').execute();

  await db.schema
    .createTable('complaint_watchers')
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('complaint_watchers_pk', ['complaint_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('number_sequences')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('actor_id', idType, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', idType, id)
    .addColumn('stream_type', 'text', (c) => c.notNull())
    .addColumn('stream_id', idType, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', idType)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('events_stream_seq', ['stream_type', 'stream_id', 'seq'])
    .execute();

  await db.schema
    .createTable('event_heads')
    .addColumn('stream_type', 'text', (c) => c.notNull())
    .addColumn('stream_id', idType, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_heads_pk', ['stream_type', 'stream_id'])
    .execute();

  // The history is append-only inside the database too, not only in the application.
  if (pg) {
    await sql`create function kesu_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'events are append-only'; end $$`.execute(db);
    await sql`create trigger events_append_only before update or delete on events
      for each row execute function kesu_events_append_only()`.execute(db);
  } else {
    await sql`create trigger events_no_update before update on events
      begin select raise(abort, 'events are append-only'); end`.execute(db);
    await sql`create trigger events_no_delete before delete on events
      begin select raise(abort, 'events are append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('the foundation migration cannot be reverted');
}
