import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 14 item 4, quality checks
// (质检): the checklists an admin defines (with the procedures' default), the record of each sample
// drawn, and the indexes the draw needs — closed complaints by handler and closure time, and one check
// per complaint and period.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

const item = (key: string, labelZh: string, labelEn: string, weight: number, guidance: string) => ({
  key,
  labelZh,
  labelEn,
  weight,
  guidance,
});

/** The procedures' points of a well-handled complaint (the call-centre and courier plans). */
const DEFAULT_ITEMS = [
  item('identity_checked', '核实身份', 'Identity checked', 15, '是否核实投诉人为本服务客户'),
  item('record_complete', '记录完整', 'Record complete', 20, '登记信息、诉求、证据与处理经过完整准确'),
  item(
    'reply_complete',
    '回复五要素齐全',
    'Reply has every section',
    25,
    '回复含投诉内容、处理措施、处理结果、依据、后续跟进',
  ),
  item('time_limits_kept', '时限达标', 'Time limits kept', 20, '各环节在规定时限内完成'),
  item('tone', '服务态度/用语规范', 'Tone and wording', 20, '态度友好，用语规范，无推诿'),
];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('quality_checklists')
    .addColumn('id', idType, id)
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // JSON: [{ key, labelZh, labelEn, weight, guidance }]
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('quality_checklists')
    .values({
      name_zh: '投诉处理质检标准',
      name_en: 'Complaint handling standard',
      items: JSON.stringify(DEFAULT_ITEMS),
      active: 1,
      updated_at: 0,
    })
    .execute();

  await db.schema
    .createTable('quality_draws')
    .addColumn('id', idType, id)
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('drawn_by', idType, (c) => c.notNull().references('users.id'))
    .addColumn('drawn_at', 'bigint', (c) => c.notNull())
    // random | rule
    .addColumn('method', 'text', (c) => c.notNull())
    // JSON: the request as given (handlers, n or percent, rules) and the seed a random draw used.
    .addColumn('params', 'text', (c) => c.notNull())
    // JSON: the ids of the checks the draw created, in draw order.
    .addColumn('check_ids', 'text', (c) => c.notNull())
    .execute();

  // The draw reads a handler's complaints closed in a month: by assignee and closure time.
  await db.schema
    .createIndex('complaints_closed_by_assignee')
    .on('complaints')
    .columns(['assignee_id', 'closed_at'])
    .where('closed_at', 'is not', null)
    .execute();
  // Never the same complaint twice for one period, even when two supervisors draw at once.
  await db.schema
    .createIndex('quality_checks_complaint_period')
    .on('quality_checks')
    .columns(['complaint_id', 'period'])
    .unique()
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('quality_checks_complaint_period').execute();
  await db.schema.dropIndex('complaints_closed_by_assignee').execute();
  await db.schema.dropTable('quality_draws').execute();
  await db.schema.dropTable('quality_checklists').execute();
}
