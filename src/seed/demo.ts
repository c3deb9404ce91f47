import type { AppContext } from '../context.js';
import { monthsOf, periodOf } from '../lib/periods.js';
import { saveVolumes } from '../modules/assessment/index.js';
import { loadPreset } from '../modules/categories/index.js';
import { insertUnit, insertUser, type Role, type UnitKind } from '../modules/org/index.js';
import { createParty } from '../modules/parties/index.js';
import { DEFAULT_PORTAL_SETTINGS, savePortalSettings } from '../modules/portal/index.js';
import { scheduleDueReports } from '../modules/reports/index.js';
import { demoActor } from './demo-actor.js';
import { curateDemoCases } from './demo-cases.js';
import { seedDemoComplaints } from './demo-complaints.js';
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
  const as = demoActor(app, userIds);
  // Web-form complaints land at the customer service centre, where the agents work.
  await savePortalSettings(await as('admin'), {
    ...DEFAULT_PORTAL_SETTINGS,
    intakeUnitId: unitIds.get('service') ?? null,
  });
  const admin = await as('admin');
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
  // The history comes before the hand-made complaints: those stay the newest.
  if (options.history) {
    await generateDemoHistory(app, { unitIds, userIds, partyId: partnerStation });
    // Last week's (and month's, and quarter's) reports: queued as jobs that the worker makes once
    // the figures have followed the history, so a newcomer finds them ready on the 报表 page.
    await scheduleDueReports(app, app.clock.now());
    await curateDemoCases(await as('supervisor'), categoryIds);
    await seedDemoReviews({
      agent: await as('agent'),
      auditor: await as('auditor'),
      handler: await as('handler'),
      manager: await as('manager'),
      unitIds,
      userIds,
    });
    await seedDemoDisclosures(admin);
  }
  await seedDemoComplaints(app, { unitIds, userIds, categoryIds }, partnerStation);
}
