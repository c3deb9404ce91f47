import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: a migration never imports application code. Issue 13 item 9: playbooks
// (处置清单) attached to complaints as checklists, and first-response guidance (首问指引) per category.
// The defaults are the retail procedure's steps for major complaints and the courier plan's first
// response per complaint class.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

interface Step {
  textZh: string;
  textEn: string;
  required: boolean;
  documents: Array<{ zh: string; en: string }>;
}
const step = (textZh: string, textEn: string, required: boolean, documents: Step['documents'] = []) => ({
  textZh,
  textEn,
  required,
  documents,
});

const DEFAULT_PLAYBOOKS: Array<{ zh: string; en: string; reason: string; steps: Step[] }> = [
  {
    zh: '人身伤害处置',
    en: 'Injury',
    reason: 'injury',
    steps: [
      step(
        '征得顾客或家属同意后立即送医检查，并致歉慰问',
        'With the customer’s or family’s consent, take them to hospital at once and apologise',
        true,
      ),
      step(
        '记录伤情：时间、地点、经过、受伤部位',
        'Record the injury: time, place, what happened, the injuries',
        true,
      ),
      step('拍照留存现场和伤处', 'Photograph the scene and the injuries', true, [
        { zh: '现场照片', en: 'Photos of the scene' },
        { zh: '伤处照片', en: 'Photos of the injuries' },
      ]),
      step('报备保险公司', 'Inform the insurer', true),
      step('保留医疗费用票据', 'Keep the medical receipts', true, [
        { zh: '病历', en: 'Medical record' },
        { zh: '医疗费票据', en: 'Receipts for medical costs' },
      ]),
      step(
        '检查相关设施设备，防止再次发生',
        'Inspect the facilities involved so that it does not happen again',
        false,
      ),
    ],
  },
  {
    zh: '报警处置',
    en: 'Police report',
    reason: 'valuables_lost',
    steps: [
      step(
        '通知值班经理，协助顾客报警',
        'Inform the duty manager and help the customer report to the police',
        true,
      ),
      step('记录报警回执编号', 'Record the police report number', true, [
        { zh: '报警回执', en: 'Police receipt' },
      ]),
      step('记录出警民警姓名及所属派出所', 'Record the officer’s name and police station', true),
      step('取得询问笔录或情况说明', 'Obtain the statement taken by the police', false, [
        { zh: '询问笔录或情况说明', en: 'Statement' },
      ]),
    ],
  },
  {
    zh: '保险理赔',
    en: 'Insurance claim',
    reason: 'property_loss',
    steps: [
      step('确认保单号及承保范围', 'Confirm the policy number and what it covers', true),
      step(
        '向保险公司报案，记录理赔编号',
        'Report the claim to the insurer and record the claim number',
        true,
      ),
      step('收集理赔材料并提交保险公司', 'Collect the claim documents and send them to the insurer', true, [
        { zh: '损失清单', en: 'List of losses' },
        { zh: '现场照片', en: 'Photos' },
        { zh: '购物凭证或发票', en: 'Proof of purchase or invoice' },
        { zh: '身份证明', en: 'Proof of identity' },
      ]),
      step('跟进理赔结果并告知顾客', 'Follow the claim up and tell the customer the outcome', false),
    ],
  },
  {
    zh: '法院传票应诉',
    en: 'Court summons',
    reason: 'court_summons',
    steps: [
      step('留存传票及起诉状副本', 'Keep a copy of the summons and the statement of claim', true, [
        { zh: '传票', en: 'Summons' },
        { zh: '起诉状副本', en: 'Statement of claim' },
      ]),
      step('通知法务部门', 'Inform the legal department', true),
      step('登记答辩及出庭期限', 'Record the deadline to respond and the hearing date', true),
      step('收集应诉证据材料', 'Collect the documents for the defence', true, [
        { zh: '交易凭证', en: 'Transaction records' },
        { zh: '运单或销售记录', en: 'Waybill or sales record' },
        { zh: '与顾客的沟通记录', en: 'Correspondence with the customer' },
        { zh: '监控录像', en: 'CCTV footage' },
      ]),
    ],
  },
  {
    zh: '媒体曝光应对',
    en: 'Media',
    reason: 'media_referral',
    steps: [
      step(
        '立即通知公关部门和客服经理',
        'Inform public relations and the customer service manager at once',
        true,
      ),
      step('指定唯一对外发言人', 'Appoint one spokesperson', true),
      step('拟定对外口径（声明稿）', 'Prepare a holding statement', true),
      step('持续监测报道和舆情', 'Monitor the coverage', false),
    ],
  },
  {
    zh: '监管转办答复',
    en: 'Regulator referral',
    reason: 'government_referral',
    steps: [
      step('登记转办单号及转办机关', 'Record the referral number and the authority', true),
      step('在主管部门规定期限内答复', 'Answer the authority by its deadline', true),
      step('留存答复函副本', 'Keep a copy of the reply', true, [{ zh: '答复函', en: 'Reply letter' }]),
    ],
  },
  {
    zh: '消协转办答复',
    en: 'Consumer association referral',
    reason: 'association_referral',
    steps: [
      step('登记转办单号及消费者协会', 'Record the referral number and the association', true),
      step('在消协规定期限内答复调解结果', 'Answer the association with the outcome by its deadline', true),
      step('留存答复函副本', 'Keep a copy of the reply', true, [{ zh: '答复函', en: 'Reply letter' }]),
    ],
  },
];

/** First response per class of complaint (courier plan), by the express categories' codes. */
const DEFAULT_GUIDANCE: Array<[code: string, zh: string, en: string]> = [
  [
    'delay',
    '致歉；按运单号查询物流轨迹；告知预计送达时间，并约定回电时间。',
    'Apologise; look the waybill trace up; give the expected delivery time and agree a call-back time.',
  ],
  [
    'lost',
    '致歉；立即启动内部调查，核对交接记录；请客户提供内件价值凭证。',
    'Apologise; open an internal investigation at once and check the hand-over records; ask for proof of the contents’ value.',
  ],
  [
    'damage',
    '致歉；请客户拍照留存外包装和内件；立即启动内部调查。',
    'Apologise; ask the customer to photograph the packaging and contents; open an internal investigation at once.',
  ],
  [
    'delivery',
    '致歉；核实签收记录和派送员；约定重新派送或回电时间。',
    'Apologise; check the delivery record and the courier; agree a redelivery or call-back time.',
  ],
  [
    'pickup',
    '致歉；核实预约揽收记录；重新安排上门时间。',
    'Apologise; check the pickup booking; arrange a new pickup time.',
  ],
  [
    'fees',
    '核对收费明细与客户的支付记录；多收的承诺退还。',
    'Check the charges against the customer’s payment; promise to refund any overcharge.',
  ],
  [
    'cod',
    '核对代收货款记录和返款状态；告知返款时间。',
    'Check the cash-on-delivery record and remittance; give the remittance date.',
  ],
  [
    'info',
    '核实信息并更正；涉及个人信息泄露的立即上报并启动调查。',
    'Verify and correct the data; a personal data leak is reported and investigated at once.',
  ],
];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';
  await db.schema
    .createTable('playbooks')
    .addColumn('id', idType, id)
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    /** Applies to this category and its subtree (null: any category). */
    .addColumn('category_id', idType, (c) => c.references('categories.id'))
    /** Applies when the complaint is major for this reason (null: any grade). */
    .addColumn('major_reason', 'text')
    /** JSON array of { textZh, textEn, required, documents: [{ zh, en }] }, in order. */
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('category_guidance')
    // By code: the category trees are loaded after the migrations, and codes never change.
    .addColumn('category_code', 'text', (c) => c.primaryKey())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('complaint_checklist_steps')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('playbook_id', idType, (c) => c.notNull().references('playbooks.id'))
    // Copied from the playbook when attached: a later edit of the playbook does not rewrite history.
    .addColumn('playbook_name_zh', 'text', (c) => c.notNull())
    .addColumn('playbook_name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attached_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', idType, (c) => c.references('users.id'))
    .addUniqueConstraint('complaint_checklist_steps_once', ['complaint_id', 'playbook_id', 'position'])
    .execute();
  const now = Date.now();
  await db
    .insertInto('playbooks')
    .values(
      DEFAULT_PLAYBOOKS.map((p) => ({
        name_zh: p.zh,
        name_en: p.en,
        category_id: null,
        major_reason: p.reason,
        steps: JSON.stringify(p.steps),
        active: 1,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('category_guidance')
    .values(
      DEFAULT_GUIDANCE.map(([code, zh, en]) => ({
        category_code: code,
        text_zh: zh,
        text_en: en,
        updated_at: now,
      })),
    )
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('complaint_checklist_steps').execute();
  await db.schema.dropTable('category_guidance').execute();
  await db.schema.dropTable('playbooks').execute();
}
