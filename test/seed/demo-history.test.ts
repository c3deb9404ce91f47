import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/complaint-model.js';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { dateKey } from '../../src/lib/time.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { createParty } from '../../src/modules/parties/index.js';
import { scheduleDueReports } from '../../src/modules/reports/index.js';
import { demoActor } from '../../src/seed/demo-actor.js';
import { curateDemoCases } from '../../src/seed/demo-cases.js';
import { seedDemoComplaints } from '../../src/seed/demo-complaints.js';
import { seedDemoDisclosures } from '../../src/seed/demo-disclosures.js';
import { seedDemoReviews } from '../../src/seed/demo-reviews.js';
import { generateDemoHistory, type HistoryOrg, planDemoHistory } from '../../src/seed/history/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// A Thursday morning in Shanghai; the 90 days before it hold National Day (1–7 October) and 双十一.
const NOW = Date.parse('2026-12-03T10:00:00+08:00');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TZ = 'Asia/Shanghai';

/** The rows without the sealed values (their nonce is random): what the seed alone decides. */
const unsealed = (h: Awaited<ReturnType<typeof planDemoHistory>>) => ({
  ...h,
  complaints: h.complaints.map((c) => ({
    ...c,
    complaint: { ...c.complaint, complainant_phone: null, complainant_email: null },
  })),
  contacts: h.contacts.map((c) => ({ ...c, value: null })),
});

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(DIALECTS)('the demo history on %s', (dialect) => {
  let t: TestApp;
  let org: HistoryOrg;
  let written: number;
  let manager: Client;
  const as = (username: string) => demoActor(t.app, t.org.userIds)(username);

  beforeAll(async () => {
    t = await startTestApp(dialect, { clock: fixedClock(NOW) });
    org = { unitIds: t.org.unitIds, userIds: t.org.userIds, partyId: null };
    written = await generateDemoHistory(t.app, org);
    manager = await login(t.http, 'manager');
  }, 120_000);
  afterAll(() => t?.close());

  it('is the same on every start: the seed decides every row', async () => {
    const [a, b] = [await planDemoHistory(t.app, org), await planDemoHistory(t.app, org)];
    expect(unsealed(a)).toEqual(unsealed(b));
    const titles = async (seed: number) =>
      (await planDemoHistory(t.app, org, { seed, days: 7 })).complaints.map((c) => c.complaint.title);
    expect(await titles(16)).not.toEqual(await titles(15));
  });

  it('spans about 90 days with fewer complaints on Sundays and holidays and more after 双十一', async () => {
    expect(written).toBeGreaterThan(3000);
    expect(written).toBeLessThan(5000);
    const rows = await t.app.db.selectFrom('complaints').select(['received_at']).execute();
    const perDay = new Map<string, number>();
    for (const r of rows) {
      expect(r.received_at).toBeGreaterThan(NOW - 90 * DAY);
      expect(r.received_at).toBeLessThan(NOW);
      const k = dateKey(r.received_at, TZ);
      const date = `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6)}`;
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    expect(perDay.size).toBeGreaterThanOrEqual(89);
    const today = '2026-12-03';
    const national = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    const festival = ['2026-11-11', '2026-11-12', '2026-11-13'];
    const days = [...perDay].filter(([d]) => d !== today && !national.includes(d) && !festival.includes(d));
    const ordinary = mean(days.filter(([d]) => [2, 3, 4].includes(weekdayOf(d))).map(([, n]) => n));
    const sundays = mean(days.filter(([d]) => weekdayOf(d) === 0).map(([, n]) => n));
    expect(sundays).toBeLessThan(ordinary * 0.75);
    expect(mean(national.map((d) => perDay.get(d) ?? 0))).toBeLessThan(ordinary * 0.8);
    expect(mean(festival.map((d) => perDay.get(d) ?? 0))).toBeGreaterThan(ordinary * 1.5);
  });

  it('has judgements, remedies at every approver level and surveys', async () => {
    const judged = await t.app.db
      .selectFrom('complaints')
      .select(['validity', 'responsible_user_id', 'liable_party'])
      .where('judged_at', 'is not', null)
      .execute();
    expect(judged.some((j) => j.validity === 'valid')).toBe(true);
    expect(judged.some((j) => j.validity === 'invalid')).toBe(true);
    expect(judged.some((j) => j.responsible_user_id === t.org.userIds.get('handler'))).toBe(true);
    const remedies = await t.app.db
      .selectFrom('remedy_proposals')
      .select(['required_role', 'amount'])
      .execute();
    expect(new Set(remedies.map((r) => r.required_role))).toEqual(
      new Set([null, 'agent', 'supervisor', 'manager']),
    );
    expect(remedies.some((r) => r.amount > 10000)).toBe(true);
    const surveys = await t.app.db.selectFrom('satisfaction_surveys').select('source').execute();
    expect(new Set(surveys.map((s) => s.source))).toEqual(new Set(['portal', 'phone']));
    const deadlines = await t.app.db
      .selectFrom('complaint_deadlines')
      .select(['met_at', 'breached_at'])
      .execute();
    expect(deadlines.some((d) => d.met_at !== null && d.breached_at === null)).toBe(true);
    expect(deadlines.some((d) => d.met_at !== null && d.breached_at !== null)).toBe(true);
    const firstContact = await t.app.db
      .selectFrom('replies')
      .select('id')
      .where('kind', '=', 'first_contact')
      .execute();
    expect(firstContact.length).toBeGreaterThan(100);
  });

  it('misses some limits as a real department does: a few complaints answered late, most archived in time', async () => {
    const ended = await t.app.db
      .selectFrom('complaint_deadlines')
      .select(['stage', 'breached_at'])
      .where('stage', 'in', ['whole', 'archive'])
      .where('met_at', 'is not', null)
      .execute();
    const lateShare = (stage: string) => {
      const of = ended.filter((d) => d.stage === stage);
      return of.filter((d) => d.breached_at !== null).length / of.length;
    };
    // Neither a perfect 按时办结率 nor an archive that is usually late.
    expect(lateShare('whole')).toBeGreaterThan(0.02);
    expect(lateShare('whole')).toBeLessThan(0.2);
    expect(lateShare('archive')).toBeLessThan(0.4);
  });

  it('gives every person a 考核 score a manager can read: valid complaints mostly against couriers, not the handlers', async () => {
    const executive = await login(t.http, 'executive');
    const key = dateKey(NOW - 30 * DAY, TZ);
    const month = `${key.slice(0, 4)}-${key.slice(4, 6)}`;
    const sheet = await executive.ok(
      'GET',
      `/api/v1/assessment/units/${t.org.unitIds.get('hq')}?from=${month}`,
    );
    const handlers = sheet.people.filter((p: { handled: number }) => p.handled > 50);
    expect(handlers.length).toBeGreaterThanOrEqual(3);
    for (const p of sheet.people) {
      expect(p.score, p.name).toBeGreaterThan(0);
      expect(p.score, p.name).toBeLessThanOrEqual(110);
    }
    for (const p of handlers) expect(p.valid, p.name).toBeLessThan(p.handled * 0.05);
    const couriers = await t.app.db
      .selectFrom('complaints')
      .select('responsible_person')
      .where('responsible_person', 'like', '快递员%')
      .execute();
    expect(couriers.length).toBeGreaterThan(50);
  });

  it('archives a merged duplicate within the 归档 limit, not days later with its target', async () => {
    const merged = await t.app.db
      .selectFrom('complaints as c')
      .innerJoin('complaint_links as l', (j) =>
        j.onRef('l.complaint_id', '=', 'c.id').on('l.kind', '=', 'merged_into'),
      )
      .select(['c.status', 'c.closed_at', 'l.created_at as mergedAt'])
      .where('c.merged_into_id', 'is not', null)
      .execute();
    expect(merged.length).toBeGreaterThan(20);
    for (const m of merged) {
      if (m.status === 'merged') expect(m.mergedAt).toBeGreaterThan(NOW - HOUR);
      else {
        expect(m.status).toBe('closed');
        expect((m.closed_at ?? Number.POSITIVE_INFINITY) - m.mergedAt).toBeLessThanOrEqual(HOUR);
      }
    }
    // None waits on the supervisor's list past its 归档 time.
    const late = await t.app.db
      .selectFrom('complaint_deadlines as d')
      .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
      .select('c.number')
      .where('c.merged_into_id', 'is not', null)
      .where('d.stage', '=', 'archive')
      .where((eb) =>
        eb.or([
          eb('d.breached_at', 'is not', null),
          eb.and([eb('d.met_at', 'is', null), eb('d.due_at', '<', NOW)]),
        ]),
      )
      .execute();
    expect(late).toEqual([]);
  });

  it('offers a case with its 话术 for each kind of complaint in the 案例库', async () => {
    await curateDemoCases(await as('supervisor'), t.org.categoryIds);
    const library = await manager.ok('GET', '/api/v1/cases?limit=50');
    expect(library.items.length).toBe(7);
    expect(library.items.map((c: { title: string }) => c.title)).toContain(
      '未经同意放驿站：致歉并重新送货上门',
    );
    // Another complaint of a kind the library holds is offered that case's words first.
    const { number } = await t.app.db
      .selectFrom('complaints')
      .select('number')
      .where('category_id', '=', t.org.categoryIds.get('delivery.locker') ?? 0)
      .where('status', '!=', 'closed')
      .executeTakeFirstOrThrow();
    const offered = await manager.ok('GET', `/api/v1/complaints/${number}/scripts`);
    expect(JSON.stringify(offered)).toContain('致歉并安排上门');
  });

  it('gives the managers return visits to call, a quality sample to score, an appeal to decide and their own corrective action', async () => {
    await seedDemoReviews({
      agent: await as('agent'),
      auditor: await as('auditor'),
      handler: await as('handler'),
      manager: await as('manager'),
      unitIds: t.org.unitIds,
      userIds: t.org.userIds,
    });
    const visits = await manager.ok('GET', '/api/v1/return-visits');
    expect(visits.items.length).toBeGreaterThan(0);
    const auditor = await login(t.http, 'auditor');
    const checks = await auditor.ok('GET', '/api/v1/quality-checks?period=2026-11');
    expect(checks.items.length).toBe(6);
    expect(new Set(checks.items.map((c: { status: string }) => c.status))).toEqual(new Set(['draft']));
    const appeals = await manager.ok('GET', '/api/v1/appeals?view=queue');
    expect(appeals.items).toHaveLength(1);
    expect(appeals.items[0]).toMatchObject({
      subject: { responsiblePerson: '刘处理', validity: 'valid' },
      appellant: { name: '刘处理' },
    });
    const actions = await manager.ok('GET', '/api/v1/corrective-actions');
    expect(actions.items.map((a: { title: string }) => a.title)).toEqual(['客服中心重复投诉首问闭环']);
  });

  it('publishes the month before last on the public 公示 page and leaves last month prepared for the admin', async () => {
    await seedDemoDisclosures(await as('admin'));
    const published = await t.http.inject({ method: 'GET', url: '/api/v1/public/disclosures/2026-10' });
    expect(published.statusCode).toBe(200);
    const page = published.json();
    expect(page.figures.received).toBeGreaterThan(100);
    expect(page.judgements).toHaveLength(3);
    for (const j of page.judgements) expect(j.cause.length).toBeGreaterThan(0);
    // No personal value of a published complaint reaches the public page.
    expect(JSON.stringify(page)).not.toMatch(/KS\d{8}|1[3-9]\d{9}|@/);
    const html = await t.http.inject({ method: 'GET', url: '/disclosure/2026-10' });
    expect(html.statusCode).toBe(200);
    const administrator = await login(t.http, 'admin');
    const draft = await administrator.ok('GET', '/api/v1/disclosures/2026-11');
    expect(draft).toMatchObject({ status: 'draft' });
    expect(draft.judgements).toHaveLength(3);
    expect(
      (await t.http.inject({ method: 'GET', url: '/api/v1/public/disclosures/2026-11' })).statusCode,
    ).toBe(404);
  });

  it('keeps the history hash-chained and intact', async () => {
    const report = await verifyChain(t.app.db);
    expect(report).toMatchObject({ intact: true });
    expect(report.events).toBeGreaterThan(written * 5);
  });

  it('shows the complaints in the list, the search and the dashboard', async () => {
    const c = await t.app.db
      .selectFrom('complaints')
      .select(['number', 'waybill_no', 'complainant_phone'])
      .where('status', '=', 'closed')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(c.complainant_phone).not.toMatch(/^138/);
    const found = await manager.ok('GET', `/api/v1/complaints?q=${encodeURIComponent(c.waybill_no ?? '')}`);
    expect(found.items.map((i: { number: string }) => i.number)).toContain(c.number);
    const byWord = await manager.ok('GET', `/api/v1/complaints?q=${encodeURIComponent('破损')}`);
    expect(byWord.items.length).toBeGreaterThan(10);
    const detail = await manager.ok('GET', `/api/v1/complaints/${c.number}`);
    expect(detail.complainant.phone).toMatch(/^138\*{4}\d{4}$/);
    const d = await manager.ok('GET', '/api/v1/dashboard');
    expect(d.today).toBeGreaterThan(0);
    expect(d.open).toBeGreaterThan(0);
    expect(d.byCategory.length).toBeGreaterThan(3);
    expect(d.daily.filter((p: { count: number }) => p.count > 0).length).toBeGreaterThan(25);
  });

  it('leaves the ids and the numbers of each day for registration to continue', async () => {
    const last = await t.app.db
      .selectFrom('number_sequences')
      .select('last')
      .where('day', '=', '20261203')
      .executeTakeFirstOrThrow();
    const agent = await login(t.http, 'agent');
    const created = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    expect(created.number).toBe(`KS20261203-${String(last.last + 1).padStart(6, '0')}`);
    const row = await t.app.db
      .selectFrom('complaints')
      .select('id')
      .where('number', '=', created.number)
      .executeTakeFirstOrThrow();
    expect(row.id).toBe(written + 1);
  });

  it('has last week’s report ready once the jobs the demo queues have run (报表 on first start)', async () => {
    await scheduleDueReports(t.app, NOW);
    await runDueJobs(t.app, kesuJobs());
    const weekly = await t.app.db
      .selectFrom('reports')
      .selectAll()
      .where('kind', '=', 'weekly')
      .executeTakeFirstOrThrow();
    expect([weekly.period_from, weekly.period_to, weekly.status]).toEqual([
      '2026-11-23',
      '2026-11-29',
      'ready',
    ]);
    const [total] = JSON.parse(weekly.summary ?? '[]') as string[];
    expect(Number(/本期共受理投诉 (\d+) 件/.exec(total ?? '')?.[1])).toBeGreaterThan(100);
  });

  it('shows a complaint in every status once its hand-made complaints are added (the newest, last)', async () => {
    const party = await createParty(await as('admin'), {
      kind: 'partner_station',
      code: 'SH-PD-J01',
      name: '浦东金桥加盟站',
      unitId: t.org.unitIds.get('pudong') ?? null,
    });
    await seedDemoComplaints(t.app, t.org, party);
    const statuses = await t.app.db.selectFrom('complaints').select('status').groupBy('status').execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...STATUSES].sort());
  });
});
