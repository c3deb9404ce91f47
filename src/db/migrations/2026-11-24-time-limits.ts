import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: a migration never imports application code. Issue 3: jobs, time limits, dispatch, notifications.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  // The job table: enqueued in the caller's transaction, claimed with SKIP LOCKED, leased while running.
  await db.schema
    .createTable('jobs')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('jobs_state_run_at').on('jobs').columns(['state', 'run_at']).execute();

  // One row per complaint and stage: when the clock started, when it is due, when it was met.
  await db.schema
    .createTable('complaint_deadlines')
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('limit_ms', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('remind_at', 'bigint')
    .addColumn('paused_at', 'bigint')
    .addColumn('paused_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('met_at', 'bigint')
    .addColumn('reminded_at', 'bigint')
    .addColumn('breached_at', 'bigint')
    .addPrimaryKeyConstraint('complaint_deadlines_pk', ['complaint_id', 'stage'])
    .execute();
  // The sweeps look only at open, running clocks.
  const openClock = sql`met_at is null and paused_at is null`;
  await sql`create index complaint_deadlines_due on complaint_deadlines (due_at) where ${openClock} and breached_at is null`.execute(
    db,
  );
  await sql`create index complaint_deadlines_remind on complaint_deadlines (remind_at) where ${openClock} and reminded_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', idType, id)
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    .addColumn('priority', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('limit_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sla_policies_stage')
    .on('sla_policies')
    .columns(['stage', 'category_id', 'priority'])
    .unique()
    .execute();

  await db.schema
    .createTable('dispatch_rules')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('assign', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_templates')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_templates_pk', ['event', 'channel', 'locale'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.references('complaints.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('user_id', idType, (c) => c.references('users.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_complaint').on('notifications').column('complaint_id').execute();

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', idType, id)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('complaint_id', idType, (c) => c.references('complaints.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('inbox_items_user')
    .on('inbox_items')
    .columns(['user_id', 'read_at', 'id'])
    .execute();

  await db.schema
    .createTable('contact_attempts')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user', idType, (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_attempts_complaint')
    .on('contact_attempts')
    .column('complaint_id')
    .execute();

  // The earliest open deadline, kept on the complaint for "due within" and "overdue" list filters.
  await db.schema.alterTable('complaints').addColumn('due_at', 'bigint').execute();
  await db.schema.createIndex('complaints_due').on('complaints').columns(['due_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('the time-limits migration cannot be reverted');
}
