import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepOverdueAppeals } from '../../src/modules/appeals/index.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

interface TimelineEvent {
  kind: string;
  data: Record<string, unknown>;
}

describe.each(DIALECTS)('appeals (申诉) on %s', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let supervisor: Client;
  let handler: Client;
  let handler2: Client;
  let agent: Client;
  // 2026-03-06 is an ordinary Friday.
  const clock = fixedClock(shanghai('2026-03-06T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    manager = await tokenClient(t, 'manager');
    supervisor = await tokenClient(t, 'supervisor');
    handler = await tokenClient(t, 'handler');
    handler2 = await tokenClient(t, 'handler2');
    agent = await tokenClient(t, 'agent');
  });
  afterAll(() => t.close());

  const url = (number: string) => `/api/v1/complaints/${number}`;

  /** A complaint at the Pudong station judged valid against its handler, then answered and archived. */
  const judgedAgainstHandler = async (options: { archive?: boolean } = {}) => {
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong') }),
    );
    const step = (path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
      manager.ok(method, `${url(number)}${path}`, body);
    await step('/accept');
    await step('/assign', { assigneeId: t.org.userIds.get('handler') });
    await step('/start');
    await step(
      '/judgement',
      {
        liableParty: 'company',
        degree: 'full',
        basis: '派送员未按约定时间派送。',
        validity: 'valid',
        validityKind: 'service_conduct',
        responsibleUnitId: t.org.unitIds.get('pudong'),
        responsibleUserId: t.org.userIds.get('handler'),
      },
      'PUT',
    );
    if (options.archive !== false) {
      await step('/remedies', remedy(1000));
      await step('/reply', reply());
      await step('/confirmation', { outcome: 'satisfied' });
      await step('/archive');
    }
    return number;
  };
  const timeline = async (number: string): Promise<TimelineEvent[]> =>
    (await manager.ok('GET', `${url(number)}/timeline`)).items;

  it('the must-show scenario: appeal on day 6 accepted, day 8 refused, overturned by the supervisor and confirmed by the manager on an archived complaint; the assessment sheet follows', async () => {
    // A February judgement against the handler, whose appeal window has passed by March 6 (day 8).
    clock.set(shanghai('2026-02-26T10:00:00'));
    const second = await judgedAgainstHandler();
    clock.set(shanghai('2026-03-06T10:00:00'));
    const first = await judgedAgainstHandler();
    const judgedView = await manager.ok('GET', url(first));
    expect(judgedView.status).toBe('closed');
    expect(judgedView.judgement.responsibleUser).toEqual({
      id: t.org.userIds.get('handler'),
      name: '刘处理',
    });
    expect(judgedView.validity).toMatchObject({ validity: 'valid', kind: 'service_conduct' });
    // 考核: the handler's March sheet counts one valid complaint against them.
    const sheet = () => handler.ok('GET', '/api/v1/assessment/me?from=2026-03');
    expect((await sheet()).responsible).toMatchObject({ valid: 1 });

    // Day 8 after the February judgement: the handler's appeal is too late.
    const late = await handler.post(`${url(second)}/appeals`, { reason: '客户已签收，系误判。' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'appeal_window_closed',
      params: { deadline: iso(shanghai('2026-03-05T10:00:00')), windowDays: 7 },
    });
    expect(late.body.detail ?? late.body.title).toContain('申诉');

    // Day 6 (Thursday): the handler appeals; the page offered it with the window's end.
    clock.set(shanghai('2026-03-12T10:00:00'));
    const offered = await handler.ok('GET', `${url(first)}/appeals`);
    expect(offered).toMatchObject({ mayAppeal: true, windowEndsAt: iso(shanghai('2026-03-13T10:00:00')) });
    const appeal = await handler.ok('POST', `${url(first)}/appeals`, {
      reason: '客户当日不在家，已电话约定改派，有通话记录为证。',
      evidence: '通话记录 2026-03-05 18:02',
    });
    expect(appeal).toMatchObject({
      status: 'pending_supervisor',
      appellant: { name: '刘处理' },
      // One working day: Friday, same time.
      dueAt: iso(shanghai('2026-03-13T10:00:00')),
      subject: {
        validity: 'valid',
        responsiblePerson: '刘处理',
        responsibleUnitId: t.org.unitIds.get('pudong'),
        responsibleUnit: '浦东网点',
      },
    });
    const inbox = await supervisor.ok('GET', '/api/v1/inbox');
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain(
      `投诉 ${first} 的判定有申诉待您复核`,
    );

    // The supervisor overturns on the next working day (Friday); it goes on to the manager.
    clock.set(shanghai('2026-03-13T09:30:00'));
    const queue = await supervisor.ok('GET', '/api/v1/appeals?view=queue');
    expect(queue.items.map((a: { id: number }) => a.id)).toContain(appeal.id);
    const reviewed = await supervisor.ok('POST', `/api/v1/appeals/${appeal.id}/decision`, {
      outcome: 'overturned',
      comment: '通话记录属实，改派系客户要求。',
    });
    expect(reviewed).toMatchObject({
      status: 'pending_manager',
      supervisor: { outcome: 'overturned', reviewer: { name: '张主管' } },
      dueAt: iso(shanghai('2026-03-16T09:30:00')),
    });
    // Nothing changes until the manager confirms.
    expect((await manager.ok('GET', url(first))).validity.validity).toBe('valid');

    clock.set(shanghai('2026-03-13T15:00:00'));
    const before = await manager.ok('GET', url(first));
    const decided = await manager.ok('POST', `/api/v1/appeals/${appeal.id}/decision`, {
      outcome: 'overturned',
      comment: '同意主管意见。',
    });
    expect(decided).toMatchObject({
      status: 'decided',
      outcome: 'overturned',
      manager: { reviewer: { name: '李经理' } },
    });

    const after = await manager.ok('GET', url(first));
    expect(after.status).toBe('closed');
    expect(after.validity).toEqual({ validity: 'invalid', kind: null, invalidReason: 'appeal_overturned' });
    // The customer-facing record is untouched.
    expect(after.replies).toEqual(before.replies);
    expect(after.remedies).toEqual(before.remedies);
    expect(after.customerConfirmation).toBe(before.customerConfirmation);

    // The history shows both judgements: the first, then its revision on appeal.
    const events = await timeline(first);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'judged',
        'archived',
        'appeal_filed',
        'appeal_reviewed',
        'appeal_decided',
        'judgement_revised',
      ]),
    );
    expect(kinds.indexOf('judged')).toBeLessThan(kinds.indexOf('judgement_revised'));
    const judged = events.find((e) => e.kind === 'judged');
    expect(judged?.data).toMatchObject({
      changes: { validity: { to: 'valid' }, responsible_user_id: { to: t.org.userIds.get('handler') } },
      responsibleUser: { name: '刘处理' },
    });
    const revised = events.find((e) => e.kind === 'judgement_revised');
    expect(revised?.data).toMatchObject({
      appealId: appeal.id,
      outcome: 'overturned',
      changes: {
        validity: { from: 'valid', to: 'invalid' },
        invalid_reason: { from: null, to: 'appeal_overturned' },
      },
    });
    // The appellant hears of it.
    const told = await handler.ok('GET', '/api/v1/inbox');
    expect(told.items.map((i: { title: string }) => i.title)).toContain(`您对投诉 ${first} 的申诉已有结果`);
    // The assessment follows the revised judgement: no valid complaint against the handler in March.
    expect((await sheet()).responsible).toMatchObject({ valid: 0 });
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
  });

  it('only the person named or a superior of the responsible unit may appeal (403); one open appeal per judgement (409)', async () => {
    clock.set(shanghai('2026-03-16T10:00:00'));
    const number = await judgedAgainstHandler({ archive: false });
    const other = await handler2.post(`${url(number)}/appeals`, { reason: '不是我' });
    expect([403, 404]).toContain(other.status);
    const byAgent = await agent.post(`${url(number)}/appeals`, { reason: '不服' });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.code).toBe('appeal_not_allowed');
    const blank = await handler.post(`${url(number)}/appeals`, { reason: '' });
    expect(blank.status).toBe(400);

    // The service centre's supervisor is not above the station; the Shanghai branch's is, and may appeal for it.
    expect((await supervisor.post(`${url(number)}/appeals`, { reason: '网点申诉' })).status).toBe(403);
    const admin = await tokenClient(t, 'admin');
    await admin.ok('POST', '/api/v1/users', {
      username: 'sh.supervisor',
      displayName: '上海主管',
      password: 'shanghai-pass-1',
      unitId: t.org.unitIds.get('shanghai'),
      roles: ['supervisor'],
    });
    const branch = await tokenClient(t, 'sh.supervisor');
    const manager2 = await branch.post(`${url(number)}/appeals`, { reason: '网点申诉' });
    expect(manager2.status).toBe(200);
    expect(manager2.body.appellant.name).toBe('上海主管');
    const twice = await handler.post(`${url(number)}/appeals`, { reason: '再次申诉' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'appeal_open', params: { id: manager2.body.id } });
    expect((await handler.ok('GET', `${url(number)}/appeals`)).mayAppeal).toBe(false);
    // The appellant may not review their own appeal.
    const own = await branch.post(`/api/v1/appeals/${manager2.body.id}/decision`, {
      outcome: 'upheld',
      comment: '维持',
    });
    expect(own.status).toBe(403);
    // A handler reviews nothing.
    expect(
      (
        await handler.post(`/api/v1/appeals/${manager2.body.id}/decision`, {
          outcome: 'upheld',
          comment: 'x',
        })
      ).status,
    ).toBe(403);

    // The supervisor upholds: the appeal ends at their level and the judgement stands.
    const upheld = await supervisor.ok('POST', `/api/v1/appeals/${manager2.body.id}/decision`, {
      outcome: 'upheld',
      comment: '如结果与评定结果一致，直接与客户代表沟通，申诉终止。',
    });
    expect(upheld).toMatchObject({ status: 'decided', outcome: 'upheld', manager: { outcome: null } });
    expect((await manager.ok('GET', url(number))).validity.validity).toBe('valid');
    // Decided: no second answer; a new appeal may be filed within the window.
    expect(
      (
        await manager.post(`/api/v1/appeals/${manager2.body.id}/decision`, {
          outcome: 'overturned',
          comment: 'x',
        })
      ).status,
    ).toBe(409);
    expect((await handler.ok('GET', `${url(number)}/appeals`)).mayAppeal).toBe(true);
  });

  it('partly: the manager gives the new validity kind and responsible unit', async () => {
    clock.set(shanghai('2026-03-16T10:00:00'));
    const number = await judgedAgainstHandler();
    const appeal = await handler.ok('POST', `${url(number)}/appeals`, { reason: '责任应在分公司' });
    const missing = await supervisor.post(`/api/v1/appeals/${appeal.id}/decision`, {
      outcome: 'partly',
      comment: '部分成立',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([
      expect.objectContaining({ path: '/body/revision', code: 'required_when_partly' }),
    ]);
    await supervisor.ok('POST', `/api/v1/appeals/${appeal.id}/decision`, {
      outcome: 'partly',
      comment: '部分成立',
      revision: {
        validity: 'valid',
        validityKind: 'minor_slip',
        responsibleUnitId: t.org.unitIds.get('shanghai'),
        responsibleUserId: null,
      },
    });
    const decided = await manager.ok('POST', `/api/v1/appeals/${appeal.id}/decision`, {
      outcome: 'partly',
      comment: '确认',
    });
    expect(decided.outcome).toBe('partly');
    const after = await manager.ok('GET', url(number));
    expect(after.validity).toMatchObject({ validity: 'valid', kind: 'minor_slip' });
    expect(after.judgement.responsibleUnit.id).toBe(t.org.unitIds.get('shanghai'));
    expect(after.judgement.responsibleUser).toBeNull();
  });

  it("each level's clock is due one working day later, across a weekend and the May Day holiday; an overdue level is reminded once", async () => {
    // Judged Thursday 2026-04-30; appealed the same afternoon: May 1–5 are days off.
    clock.set(shanghai('2026-04-30T10:00:00'));
    const number = await judgedAgainstHandler({ archive: false });
    clock.set(shanghai('2026-04-30T16:00:00'));
    const appeal = await handler.ok('POST', `${url(number)}/appeals`, { reason: '节前申诉' });
    expect(appeal.dueAt).toBe(iso(shanghai('2026-05-06T16:00:00')));

    // Friday 2026-03-20 16:00 → Monday 16:00.
    clock.set(shanghai('2026-03-20T10:00:00'));
    const friday = await judgedAgainstHandler({ archive: false });
    clock.set(shanghai('2026-03-20T16:00:00'));
    const weekend = await handler.ok('POST', `${url(friday)}/appeals`, { reason: '周五申诉' });
    expect(weekend.dueAt).toBe(iso(shanghai('2026-03-23T16:00:00')));

    clock.set(shanghai('2026-03-23T16:00:01'));
    expect(await sweepOverdueAppeals(t.app)).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueAppeals(t.app)).toBe(0);
    const queue = await supervisor.ok('GET', '/api/v1/appeals?view=queue');
    expect(queue.items.find((a: { id: number }) => a.id === weekend.id)).toMatchObject({ overdue: true });
    expect(queue.items.find((a: { id: number }) => a.id === appeal.id)).toMatchObject({ overdue: false });
    // The nearest supervisors above the station are reminded, once.
    const reminders = await t.app.db
      .selectFrom('inbox_items')
      .select('title')
      .where('event', '=', 'appeal_overdue')
      .where('title', '=', `投诉 ${friday} 的申诉复核已超时`)
      .execute();
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    await sweepOverdueAppeals(t.app);
    expect(
      await t.app.db
        .selectFrom('inbox_items')
        .select('title')
        .where('title', '=', `投诉 ${friday} 的申诉复核已超时`)
        .execute(),
    ).toHaveLength(reminders.length);
    expect((await timeline(friday)).map((e) => e.kind)).toContain('appeal_overdue');
  });

  it('quality checks: the handler appeals a final check; overturned strikes it out, partly revises the score', async () => {
    clock.set(shanghai('2026-03-24T10:00:00'));
    const number = await judgedAgainstHandler();
    const { id: complaintId } = await t.app.db
      .selectFrom('complaints')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    // One check per complaint and period: the three checks are of three months.
    const check = async (status: string, period: string) =>
      (
        await t.app.db
          .insertInto('quality_checks')
          .values({
            complaint_id: complaintId,
            handler_id: t.org.userIds.get('handler') ?? 0,
            unit_id: t.org.unitIds.get('pudong') ?? 0,
            period,
            checker_id: t.org.userIds.get('supervisor') ?? 0,
            drawn_by: 'random',
            score: 60,
            findings: '回复缺少依据一节',
            status,
            created_at: clock.now(),
            scored_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const struck = await check('final', '2026-01');
    const revised = await check('final', '2026-02');
    const draft = await check('draft', '2026-03');

    expect((await handler.post(`/api/v1/quality-checks/${draft}/appeals`, { reason: 'x' })).status).toBe(409);
    expect(
      (await handler2.post(`/api/v1/quality-checks/${struck}/appeals`, { reason: 'x' })).status,
    ).toBeGreaterThanOrEqual(403);

    const a = await handler.ok('POST', `/api/v1/quality-checks/${struck}/appeals`, {
      reason: '回复已含依据',
    });
    expect(a).toMatchObject({
      subjectKind: 'quality_check',
      qualityCheckId: struck,
      subject: { score: 60, findings: '回复缺少依据一节' },
    });
    await supervisor.ok('POST', `/api/v1/appeals/${a.id}/decision`, {
      outcome: 'overturned',
      comment: '成立',
    });
    await manager.ok('POST', `/api/v1/appeals/${a.id}/decision`, { outcome: 'overturned', comment: '确认' });

    const b = await handler.ok('POST', `/api/v1/quality-checks/${revised}/appeals`, {
      reason: '语气项评分过低',
    });
    const wrong = await supervisor.post(`/api/v1/appeals/${b.id}/decision`, {
      outcome: 'partly',
      comment: '部分成立',
      revision: { validity: 'invalid' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['/body/revision/revisedScore', '/body/revision/validity']),
    );
    await supervisor.ok('POST', `/api/v1/appeals/${b.id}/decision`, {
      outcome: 'partly',
      comment: '部分成立',
      revision: { revisedScore: 80 },
    });
    const done = await manager.ok('POST', `/api/v1/appeals/${b.id}/decision`, {
      outcome: 'partly',
      comment: '确认',
    });
    expect(done.subject).toMatchObject({ score: 60, revisedScore: 80, checkStatus: 'final' });

    const rows = await t.app.db
      .selectFrom('quality_checks')
      .select(['id', 'status', 'revised_score'])
      .where('id', 'in', [struck, revised])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: struck, status: 'overturned', revised_score: null },
      { id: revised, status: 'final', revised_score: 80 },
    ]);
    expect((await timeline(number)).filter((e) => e.kind === 'quality_check_revised')).toHaveLength(2);
    // The handler follows their appeals.
    const mine = await handler.ok('GET', '/api/v1/appeals?view=mine');
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
  });

  it('the appeal window is an admin setting', async () => {
    const admin = await tokenClient(t, 'admin');
    expect(await admin.ok('GET', '/api/v1/settings/appeals')).toEqual({ windowDays: 7 });
    expect((await handler.put('/api/v1/settings/appeals', { windowDays: 3 })).status).toBe(403);
    await admin.ok('PUT', '/api/v1/settings/appeals', { windowDays: 3 });
    clock.set(shanghai('2026-03-25T10:00:00'));
    const number = await judgedAgainstHandler({ archive: false });
    clock.set(shanghai('2026-03-29T10:00:00'));
    const late = await handler.post(`${url(number)}/appeals`, { reason: '晚了' });
    expect(late.body).toMatchObject({ code: 'appeal_window_closed', params: { windowDays: 3 } });
    await admin.ok('PUT', '/api/v1/settings/appeals', { windowDays: 7 });
  });
});
