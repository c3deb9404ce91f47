import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14 item 6: corrective and
// preventive actions (整改 / 纠正预防) with their 5W1H, their source (one complaint, a group, or later a
// warning), the owner's progress, verification and the effectiveness check.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('corrective_actions')
    .addColumn('id', idType, id)
    // corrective | preventive
    .addColumn('kind', 'text', (c) => c.notNull())
    // complaint | complaints | warning (warnings come with issue 16)
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('warning_id', idType)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    .addColumn('region', 'text')
    .addColumn('owner_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('owner_unit_id', idType, (c) => c.notNull().references('units.id'))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    // open | in_progress | done | verified | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_note', 'text')
    .addColumn('completion_note', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('verified_by', idType, (c) => c.references('users.id'))
    .addColumn('verified_at', 'bigint')
    .addColumn('verify_comment', 'text')
    // Days after verification before the effectiveness check (and the length of both windows).
    .addColumn('effect_days', 'integer', (c) => c.notNull())
    // effective | not_effective, and the figure it was decided on (JSON { before, after, changePct })
    .addColumn('outcome', 'text')
    .addColumn('outcome_figure', 'text')
    .addColumn('closed_by', idType, (c) => c.references('users.id'))
    .addColumn('closed_at', 'bigint')
    // The reminder before due and the overdue escalation, each sent once per due date.
    .addColumn('reminded_at', 'bigint')
    .addColumn('escalated_at', 'bigint')
    .addColumn('created_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Lists: per unit subtree / per owner, by status, overdue (earliest due) first; the sweep: by due date.
  for (const [name, columns] of [
    ['corrective_actions_unit', ['unit_path', 'due_at', 'id']],
    ['corrective_actions_owner', ['owner_id', 'due_at', 'id']],
    ['corrective_actions_status_due', ['status', 'due_at', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('corrective_actions')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('corrective_action_complaints')
    .addColumn('action_id', idType, (c) => c.notNull().references('corrective_actions.id'))
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addPrimaryKeyConstraint('corrective_action_complaints_pk', ['action_id', 'complaint_id'])
    .execute();
  await db.schema
    .createIndex('corrective_action_complaints_complaint')
    .on('corrective_action_complaints')
    .columns(['complaint_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('corrective_action_complaints').execute();
  await db.schema.dropTable('corrective_actions').execute();
}
