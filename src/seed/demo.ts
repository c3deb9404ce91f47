import type { AppContext } from '../context.js';
import { monthsOf, periodOf } from '../lib/periods.js';
import { saveVolumes } from '../modules/assessment/index.js';
import { loadPreset } from '../modules/categories/index.js';
import * as complaints from '../modules/complaints/index.js';
import type { RegisterInput } from '../modules/complaints/schemas.js';
import { createAction } from '../modules/corrective-actions/index.js';
import { insertUnit, insertUser, loadActor, type Role, type UnitKind } from '../modules/org/index.js';
import { createParty } from '../modules/parties/index.js';
import { DEFAULT_PORTAL_SETTINGS, savePortalSettings } from '../modules/portal/index.js';
import { scheduleDueReports } from '../modules/reports/index.js';
import { curateDemoCases } from './demo-cases.js';
import { seedDemoDisclosures } from './demo-disclosures.js';
import { seedDemoReviews } from './demo-reviews.js';
import { generateDemoHistory } from './history/index.js';

/** The demo password unless KESU_DEMO_PASSWORD says otherwise; printed at start, never for production. */
export const demoPassword = () => process.env.KESU_DEMO_PASSWORD ?? 'kesu-demo-2026';

interface DemoUnit {
  key: string;
  parent: string | null;
  name: string;
  nameEn: string;
  kind: UnitKind;
}

const UNITS: DemoUnit[] = [
  { key: 'hq', parent: null, name: '客速达快递有限公司', nameEn: 'Kesu Express Co., Ltd.', kind: 'company' },
  { key: 'service', parent: 'hq', name: '客服中心', nameEn: 'Customer Service Centre', kind: 'department' },
  { key: 'quality', parent: 'hq', name: '质量监督部', nameEn: 'Quality Assurance', kind: 'department' },
  { key: 'east', parent: 'hq', name: '华东大区', nameEn: 'East China Region', kind: 'region' },
  { key: 'shanghai', parent: 'east', name: '上海分公司', nameEn: 'Shanghai Branch', kind: 'branch' },
  { key: 'pudong', parent: 'shanghai', name: '浦东网点', nameEn: 'Pudong Station', kind: 'department' },
  { key: 'south', parent: 'hq', name: '华南大区', nameEn: 'South China Region', kind: 'region' },
  { key: 'shenzhen', parent: 'south', name: '深圳分公司', nameEn: 'Shenzhen Branch', kind: 'branch' },
  { key: 'nanshan', parent: 'shenzhen', name: '南山网点', nameEn: 'Nanshan Station', kind: 'department' },
];

export const DEMO_USERS: Array<{ username: string; displayName: string; unit: string; role: Role }> = [
  { username: 'admin', displayName: '系统管理员', unit: 'hq', role: 'admin' },
  { username: 'executive', displayName: '王总', unit: 'hq', role: 'executive' },
  { username: 'manager', displayName: '李经理', unit: 'service', role: 'manager' },
  { username: 'supervisor', displayName: '张主管', unit: 'service', role: 'supervisor' },
  { username: 'agent', displayName: '陈坐席', unit: 'service', role: 'agent' },
  { username: 'handler', displayName: '刘处理', unit: 'pudong', role: 'handler' },
  { username: 'handler2', displayName: '赵处理', unit: 'nanshan', role: 'handler' },
  { username: 'auditor', displayName: '孙质检', unit: 'quality', role: 'auditor' },
];

export async function isEmpty(app: AppContext): Promise<boolean> {
  const row = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export interface DemoOrganisation {
  unitIds: Map<string, number>;
  userIds: Map<string, number>;
  categoryIds: Map<string, number>;
}

/** Units, one user per role and the express category tree; the tests build on this too. */
export async function seedDemoOrganisation(
  app: AppContext,
  password = demoPassword(),
): Promise<DemoOrganisation> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (tx) => {
    const unitIds = new Map<string, number>();
    for (const u of UNITS) {
      const parentId = u.parent === null ? null : (unitIds.get(u.parent) ?? null);
      const unit = await insertUnit(tx, { parentId, name: u.name, nameEn: u.nameEn, kind: u.kind }, now);
      unitIds.set(u.key, unit.id);
    }
    const userIds = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const user = await insertUser(
        tx,
        {
          username: u.username,
          displayName: u.displayName,
          password,
          unitId: unitIds.get(u.unit) ?? 0,
          roles: [u.role],
        },
        now,
        null,
      );
      userIds.set(u.username, user.id);
    }
    await loadPreset(tx, 'express', null, now);
    const categoryIds = new Map<string, number>();
    for (const c of await tx.selectFrom('categories').select(['id', 'code']).execute())
      categoryIds.set(c.code, c.id);
    return { unitIds, userIds, categoryIds };
  });
}

export interface SeedDemoOptions {
  /** Also about 90 days of generated complaints before today (`serve --demo`, `seed --demo`). */
  history?: boolean;
}

/** The demo organisation plus complaints in several states (and, asked for, a generated history). */
export async function seedDemo(app: AppContext, options: SeedDemoOptions = {}): Promise<void> {
  const { unitIds, userIds, categoryIds } = await seedDemoOrganisation(app);
  const as = async (username: string) => {
    const actor = await loadActor(app.db, userIds.get(username) ?? 0);
    if (!actor) throw new Error(`demo user ${username} missing`);
    return { ...app, actor };
  };
  // Web-form complaints land at the customer service centre, where the agents work.
  await savePortalSettings(await as('admin'), {
    ...DEFAULT_PORTAL_SETTINGS,
    intakeUnitId: unitIds.get('service') ?? null,
  });
  const admin = await as('admin');
  const agent = await as('agent');
  const supervisor = await as('supervisor');
  const manager = await as('manager');
  const executive = await as('executive');
  // 外部责任方 and 业务量: what the judgements and the valid-complaint rate of the assessment use.
  const partnerStation = await createParty(admin, {
    kind: 'partner_station',
    code: 'SH-PD-J01',
    name: '浦东金桥加盟站',
    unitId: unitIds.get('pudong') ?? null,
  });
  const month = periodOf(app.clock.now(), app.config.timeZone);
  // With the history, the three months before this one have their volumes too.
  const from = periodOf(app.clock.now() - (options.history ? 90 : 0) * 24 * 3600_000, app.config.timeZone);
  await saveVolumes(
    admin,
    monthsOf({ from, to: month })
      .reverse()
      .flatMap((period, back) => [
        { unitId: unitIds.get('pudong') ?? 0, period, parcels: 186_000 - back * 3_000, orders: null },
        { unitId: unitIds.get('nanshan') ?? 0, period, parcels: 142_000 - back * 2_000, orders: null },
      ]),
  );
  // The history comes before the hand-made complaints below: those stay the newest.
  if (options.history) {
    await generateDemoHistory(app, { unitIds, userIds, partyId: partnerStation });
    // Last week's (and month's, and quarter's) reports: queued as jobs that the worker makes once
    // the figures have followed the history, so a newcomer finds them ready on the 报表 page.
    await scheduleDueReports(app, app.clock.now());
    await curateDemoCases(supervisor, categoryIds);
    await seedDemoReviews({
      agent,
      auditor: await as('auditor'),
      handler: await as('handler'),
      manager,
      unitIds,
      userIds,
    });
    await seedDemoDisclosures(admin);
  }
  const category = (code: string) => categoryIds.get(code) ?? 0;
  const register = (
    input: Partial<RegisterInput> & Pick<RegisterInput, 'title' | 'content' | 'categoryId'>,
  ) =>
    complaints.registerComplaint(agent, {
      channel: 'phone',
      complainant: {
        name: '王女士',
        phone: '13800138000',
        preferredContact: 'phone',
        identityVerified: true,
      },
      demands: ['explanation'],
      ...input,
    });

  await register({
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，客服电话一直打不通，请尽快给我一个说法。',
    categoryId: category('delay.transit'),
    waybillNo: 'KS100000000001',
    complainant: { name: '王女士', phone: '13800138000', preferredContact: 'phone', identityVerified: true },
  });

  const damaged = await register({
    title: '外包装破损，内件损坏',
    content: '收到的包裹外包装破损严重，里面的陶瓷茶具碎了两个。要求赔偿。',
    categoryId: category('damage.contents.fragile'),
    waybillNo: 'KS100000000002',
    demands: ['compensation'],
    demandAmount: 30000,
    complainant: {
      name: '李先生',
      phone: '13912345678',
      email: 'li.customer@example.com',
      preferredContact: 'phone',
    },
  });
  await complaints.acceptComplaint(agent, damaged.number, {});
  await complaints.assignComplaint(agent, damaged.number, {
    unitId: unitIds.get('pudong'),
    assigneeId: userIds.get('handler'),
  });

  const pending = await register({
    title: '快递员未经同意放驿站',
    content: '快递员没有打电话就把包裹放到了驿站，我上班无法去取，要求送货上门并道歉。',
    categoryId: category('delivery.locker'),
    waybillNo: 'KS100000000003',
    demands: ['apology', 'compensation'],
    complainant: { name: '赵女士', phone: '13700001111', preferredContact: 'sms' },
  });
  await complaints.acceptComplaint(agent, pending.number, {});
  await complaints.assignComplaint(agent, pending.number, {
    unitId: unitIds.get('service'),
    assigneeId: userIds.get('agent'),
  });
  await complaints.startInvestigation(agent, pending.number, {});
  await complaints.recordJudgement(agent, pending.number, {
    liableParty: 'company',
    degree: 'full',
    responsibleUnitId: unitIds.get('pudong'),
    responsiblePartyId: partnerStation,
    basis: '《快递服务》国家标准：未经收件人同意不得将快件投放智能快件箱或驿站。',
    validity: 'valid',
    validityKind: 'service_conduct',
  });
  await complaints.proposeRemedy(agent, pending.number, {
    kinds: ['apology', 'compensation'],
    amount: 5000,
    description: '致歉并补偿 50 元，安排快递员重新送货上门。',
  });

  await complaints.registerComplaint(agent, {
    channel: 'phone',
    complainant: { name: '孙先生', phone: '13600002222' },
    title: '查询运费差额',
    content: '寄件时收了 23 元，App 显示 18 元，想知道差额原因。',
    categoryId: category('fees.freight'),
    demands: ['explanation'],
    firstContact: {
      reply: {
        method: 'phone',
        summary: '客户询问运费与 App 显示不一致。',
        actions: '核对计费记录：包裹超重 0.5 公斤，加收续重费 5 元。',
        result: '已向客户解释，客户表示理解。',
        basis: '《快递服务价格表》续重计费规则。',
        followUp: '如有疑问可拨打客服热线或在 App 内留言。',
      },
    },
  });

  const closed = await register({
    title: '快递员服务态度差',
    content: '快递员送件时态度恶劣，言语不文明。',
    categoryId: category('delivery.attitude'),
    staffComplained: '浦东网点 快递员 A',
    demands: ['apology'],
    complainant: { name: '周女士', phone: '13500003333' },
  });
  for (const step of [
    () => complaints.acceptComplaint(agent, closed.number, {}),
    () =>
      complaints.assignComplaint(agent, closed.number, {
        unitId: unitIds.get('service'),
        assigneeId: userIds.get('agent'),
      }),
    () => complaints.startInvestigation(agent, closed.number, {}),
    () =>
      complaints.recordJudgement(agent, closed.number, {
        liableParty: 'company',
        degree: 'full',
        responsibleUnitId: unitIds.get('pudong'),
        responsibleUserId: userIds.get('handler'),
        basis: '通话录音证实快递员言语不当，违反《员工服务规范》第 3 条。',
        validity: 'valid',
        validityKind: 'service_conduct',
      }),
    () =>
      complaints.proposeRemedy(agent, closed.number, {
        kinds: ['apology'],
        amount: 0,
        description: '网点负责人上门致歉。',
        internalActions: ['training'],
      }),
    () =>
      complaints.replyToCustomer(agent, closed.number, {
        method: 'phone',
        summary: '您反映快递员服务态度差。',
        actions: '核实录音后，网点负责人已上门致歉，并对快递员进行了培训。',
        result: '责任在我司，已整改。',
        basis: '《员工服务规范》第 3 条。',
        followUp: '如再遇类似情况请拨打客服热线。',
      }),
    () => complaints.recordConfirmation(agent, closed.number, { outcome: 'satisfied' }),
    () => complaints.archiveComplaint(supervisor, closed.number, {}),
  ]) {
    await step();
  }
  // 整改: every valid complaint leads to a corrective action.
  await createAction(executive, {
    kind: 'corrective',
    title: '浦东网点派送员服务用语培训',
    description: '派送员送件时言语不文明，引发有效投诉。',
    rootCause: '新入职派送员未完成服务规范培训，网点缺少上岗考核。',
    plan: '组织全体派送员服务规范培训并考核；每周抽查录音。',
    unitId: unitIds.get('pudong') ?? 0,
    categoryId: category('delivery.attitude'),
    ownerId: userIds.get('handler') ?? 0,
    dueAt: new Date(app.clock.now() + 14 * 24 * 3600_000).toISOString(),
    complaintNumbers: [closed.number],
  });

  const major = await register({
    channel: 'regulator',
    referral: {
      number: 'SH-YZ-2026-11-0087',
      authority: '上海市邮政管理局',
      dueAt: new Date(app.clock.now() + 7 * 24 * 3600_000).toISOString(),
    },
    title: '贵重物品丢失（邮政管理局转办）',
    content: '寄递的笔记本电脑整件丢失，已向邮政管理局申诉。',
    categoryId: category('lost.whole'),
    waybillNo: 'KS100000000006',
    majorReasons: ['valuables_lost', 'government_referral'],
    demands: ['compensation'],
    demandAmount: 800000,
    complainant: { name: '吴先生', phone: '13300004444', email: 'wu@example.com' },
  });
  await complaints.acceptComplaint(manager, major.number, {});
  await complaints.assignComplaint(manager, major.number, {
    unitId: unitIds.get('nanshan'),
    assigneeId: userIds.get('handler2'),
  });
}
