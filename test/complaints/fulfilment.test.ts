import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepBreaches, sweepReminders } from '../../src/modules/sla/sweep.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const isoAt = (local: string) => new Date(shanghai(local)).toISOString();

interface Named {
  stage?: string;
  kind?: string;
  event?: string;
  complaintNumber?: string;
}

describe.each(DIALECTS)('remedy fulfilment on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let supervisor: Client;
  let agent: Client;
  let handler: Client;
  // Monday 10:00.
  const clock = fixedClock(shanghai('2026-03-16T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await tokenClient(t, 'admin');
    manager = await tokenClient(t, 'manager');
    supervisor = await tokenClient(t, 'supervisor');
    agent = await tokenClient(t, 'agent');
    handler = await tokenClient(t, 'handler');
  });
  afterAll(() => t.close());

  const url = (number: string, path = '') => `/api/v1/complaints/${number}${path}`;
  /** A complaint of the Pudong station, assigned to its handler, investigated and judged. */
  const judged = async (overrides = {}) => {
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), ...overrides }),
    );
    await manager.ok('POST', url(number, '/accept'));
    await manager.ok('POST', url(number, '/assign'), { assigneeId: t.org.userIds.get('handler') });
    await manager.ok('POST', url(number, '/start'));
    await manager.ok('PUT', url(number, '/judgement'), judgement);
    return number as string;
  };
  const deadline = async (number: string, stage: string) =>
    (await manager.ok('GET', url(number))).deadlines.find((d: Named) => d.stage === stage);
  const timeline = async (number: string) => (await manager.ok('GET', url(number, '/timeline'))).items;

  it('gives an approved refund its owner and due date, reminds, breaches and escalates it, and meets it when done with proof', async () => {
    clock.set(shanghai('2026-03-16T10:00:00'));
    const number = await judged();
    const pudong = t.org.unitIds.get('pudong');
    await agent.ok('POST', url(number, '/remedies'), {
      ...remedy(5000, { kinds: ['apology', 'refund'] }),
      costShares: [
        { bearer: 'company', amount: 3000 },
        { bearer: 'unit', unitId: pudong, name: '浦东站', amount: 2000 },
      ],
    });
    const dueAt = isoAt('2026-03-17T18:00:00');
    const approved = await supervisor.ok('POST', url(number, '/approve'), {
      fulfilment: { ownerId: t.org.userIds.get('handler'), dueAt },
    });
    const r = approved.remedies[0];
    expect(r.fulfilment).toMatchObject({
      status: 'pending',
      owner: { name: '刘处理' },
      dueAt,
      overdue: false,
    });
    expect(r.costShares).toEqual([
      { bearer: 'company', name: null, unitId: null, userId: null, amount: 3000 },
      { bearer: 'unit', name: '浦东站', unitId: pudong, userId: null, amount: 2000 },
    ]);
    expect(await deadline(number, 'fulfilment')).toMatchObject({ dueAt, state: 'running' });
    const decided = (await timeline(number)).find((e: Named) => e.kind === 'remedy_approved');
    expect(decided.data.clocks.started).toEqual(expect.arrayContaining([{ stage: 'fulfilment', dueAt }]));
    expect(decided.data.fulfilment).toEqual({ ownerId: t.org.userIds.get('handler'), dueAt });

    // 80 % of the 32 hours gone: the owner is reminded of the fulfilment.
    clock.set(shanghai('2026-03-17T12:00:00'));
    await sweepReminders(t.app);
    const reminder = await t.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select(['notifications.body', 'notifications.user_id'])
      .where('complaints.number', '=', number)
      .where('notifications.event', '=', 'reminder')
      .where('notifications.channel', '=', 'inbox')
      .execute();
    expect(reminder.map((n) => n.body).join()).toContain('方案执行');

    clock.set(shanghai('2026-03-17T18:30:00'));
    await sweepBreaches(t.app);
    expect(await deadline(number, 'fulfilment')).toMatchObject({ breached: true, state: 'running' });
    const escalated = (await timeline(number)).find((e: Named) => e.kind === 'escalated');
    expect(escalated.data.breached).toContain('fulfilment');
    const late = (await handler.ok('GET', '/api/v1/fulfilments')).items.find(
      (i: { number: string }) => i.number === number,
    );
    expect(late.fulfilment).toMatchObject({ status: 'pending', overdue: true });

    // Done needs the refund reference; only the owner (or a supervisor) records it.
    const bare = await handler.post(url(number, '/fulfilment'), { outcome: 'done', proof: { note: '已退' } });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([
      expect.objectContaining({ path: '/body/proof/refundReference', code: 'required' }),
    ]);
    const stranger = await agent.post(url(number, '/fulfilment'), {
      outcome: 'done',
      proof: { refundReference: 'RF1' },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('not_fulfilment_owner');

    clock.set(shanghai('2026-03-17T19:00:00'));
    const done = await handler.ok('POST', url(number, '/fulfilment'), {
      outcome: 'done',
      proof: { refundReference: 'RF2026031700001' },
    });
    expect(done.remedies[0].fulfilment).toMatchObject({
      status: 'done',
      recordedBy: { name: '刘处理' },
      recordedAt: isoAt('2026-03-17T19:00:00'),
      proof: { refundReference: 'RF2026031700001' },
    });
    expect(await deadline(number, 'fulfilment')).toMatchObject({ state: 'met' });
    const fulfilled = (await timeline(number)).at(-1);
    expect(fulfilled).toMatchObject({ kind: 'remedy_fulfilled', data: { clocks: { met: ['fulfilment'] } } });
    const listed = (await supervisor.ok('GET', '/api/v1/fulfilments?state=done')).items;
    expect(listed.find((i: { number: string }) => i.number === number).fulfilment.proof).toEqual({
      refundReference: 'RF2026031700001',
    });
    expect((await handler.post(url(number, '/fulfilment'), { outcome: 'done' })).body.code).toBe(
      'no_fulfilment_pending',
    );
  });

  it('reminds the person who carries the remedy out, not the handler of the complaint', async () => {
    clock.set(shanghai('2026-03-23T10:00:00'));
    const number = await judged();
    await agent.ok('POST', url(number, '/remedies'), remedy(5000, { kinds: ['refund'] }));
    const owner = t.org.userIds.get('supervisor');
    await supervisor.ok('POST', url(number, '/approve'), {
      fulfilment: { ownerId: owner, dueAt: isoAt('2026-03-24T18:00:00') },
    });
    clock.set(shanghai('2026-03-24T14:00:00'));
    await sweepReminders(t.app);
    const reminded = await t.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select(['notifications.user_id', 'notifications.body'])
      .where('complaints.number', '=', number)
      .where('notifications.event', '=', 'reminder')
      .where('notifications.channel', '=', 'inbox')
      .execute();
    // The reply's clock reminds the handler; the fulfilment's, its owner.
    expect(reminded.filter((n) => n.body.includes('方案执行')).map((n) => n.user_id)).toEqual([owner]);
  });

  it('defaults to the assignee and two working days, asks each kind for its proof, and gives an apology none', async () => {
    // Friday 16:00: two working days of 09:00–18:00 end on Tuesday 16:00.
    clock.set(shanghai('2026-03-20T16:00:00'));
    const number = await judged();
    const approved = await manager.ok(
      'POST',
      url(number, '/remedies'),
      remedy(1000, { kinds: ['reship', 'coupon'] }),
    );
    expect(approved.status).toBe('approved');
    expect(approved.remedies[0].fulfilment).toMatchObject({
      owner: { id: t.org.userIds.get('handler') },
      dueAt: isoAt('2026-03-24T16:00:00'),
    });
    const wrong = await handler.post(url(number, '/fulfilment'), {
      outcome: 'done',
      proof: { refundReference: 'RF9' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      '/body/proof/voucherCode',
      '/body/proof/waybillNo',
    ]);
    const failed = await handler.post(url(number, '/fulfilment'), { outcome: 'failed' });
    expect(failed.body.fields).toEqual([expect.objectContaining({ path: '/body/reason', code: 'required' })]);
    const gone = await handler.ok('POST', url(number, '/fulfilment'), {
      outcome: 'failed',
      reason: '客户地址无人',
    });
    expect(gone.remedies[0].fulfilment).toMatchObject({ status: 'failed', note: '客户地址无人' });
    expect((await timeline(number)).at(-1)).toMatchObject({
      kind: 'remedy_fulfilment_failed',
      comment: '客户地址无人',
    });

    const sorry = await judged();
    const apology = await manager.ok('POST', url(sorry, '/remedies'), remedy(0, { kinds: ['apology'] }));
    expect(apology.remedies[0].fulfilment).toBeNull();
    expect(apology.deadlines.find((d: Named) => d.stage === 'fulfilment')).toBeUndefined();
  });

  it('refuses cost shares that do not add up to the amount or do not say who bears them', async () => {
    clock.set(shanghai('2026-03-23T10:00:00'));
    const number = await judged();
    const res = await agent.post(url(number, '/remedies'), {
      ...remedy(5000),
      costShares: [
        { bearer: 'company', amount: 3000 },
        { bearer: 'employee', amount: 1000 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      expect.objectContaining({ path: '/body/costShares/1/name', code: 'required' }),
      expect.objectContaining({
        path: '/body/costShares',
        code: 'cost_shares_sum',
        params: { total: 4000, amount: 5000 },
      }),
    ]);
    expect((await manager.ok('GET', url(number))).remedies).toEqual([]);
    // At approval too, against the amount proposed.
    await agent.ok('POST', url(number, '/remedies'), remedy(5000));
    const approval = await supervisor.post(url(number, '/approve'), {
      costShares: [{ bearer: 'supplier', name: '某供应商', amount: 4999 }],
    });
    expect(approval.status).toBe(400);
    const ok = await supervisor.ok('POST', url(number, '/approve'), {
      costShares: [{ bearer: 'employee', userId: t.org.userIds.get('handler'), amount: 5000 }],
    });
    expect(ok.remedies[0].costShares).toEqual([
      { bearer: 'employee', name: null, unitId: null, userId: t.org.userIds.get('handler'), amount: 5000 },
    ]);
  });

  it('names the remedy still to be carried out in the reply, or refuses the reply when so configured', async () => {
    clock.set(shanghai('2026-03-24T10:00:00'));
    const named = await judged();
    await manager.ok('POST', url(named, '/remedies'), remedy(2000, { kinds: ['apology', 'compensation'] }));
    const replied = await handler.ok('POST', url(named, '/reply'), reply());
    expect(replied.replies[0].result).toContain('待执行：赔偿（¥20.00），将于 2026-03-26 10:00 前完成。');
    const notice = await t.app.db
      .selectFrom('notifications')
      .select('body')
      .where('event', '=', 'result')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(notice.body).toContain('将于 2026-03-26 10:00 前完成');
    expect((await timeline(named)).at(-1).data.pendingRemedy).toEqual({
      remedyId: replied.remedies[0].id,
      dueAt: isoAt('2026-03-26T10:00:00'),
    });
    // Carried out after the reply that named it.
    const after = await handler.ok('POST', url(named, '/fulfilment'), {
      outcome: 'done',
      proof: { paymentReference: 'PAY-001' },
    });
    expect(after.remedies[0].fulfilment.status).toBe('done');

    await admin.ok('PUT', '/api/v1/settings/fulfilment', { beforeReply: 'block', workingDays: 3 });
    const blocked = await judged();
    const proposed = await manager.ok('POST', url(blocked, '/remedies'), remedy(2000, { kinds: ['refund'] }));
    expect(proposed.remedies[0].fulfilment.dueAt).toBe(isoAt('2026-03-27T10:00:00'));
    const refused = await handler.post(url(blocked, '/reply'), reply());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('remedy_not_fulfilled');
    await handler.ok('POST', url(blocked, '/fulfilment'), {
      outcome: 'done',
      proof: { refundReference: 'RF7' },
    });
    expect((await handler.ok('POST', url(blocked, '/reply'), reply())).replies[0].result).not.toContain(
      '待执行',
    );
    await admin.ok('PUT', '/api/v1/settings/fulfilment', { beforeReply: 'name', workingDays: 2 });
  });

  it("tells the executive of a major complaint's remedy decision, in the inbox and through the robots", async () => {
    await admin.ok('PUT', '/api/v1/settings/notify-channels', {
      robots: [
        { name: '客服经理群', config: { channel: 'wecom', webhookUrl: 'http://127.0.0.1:9/robot?key=test' } },
      ],
    });
    clock.set(shanghai('2026-03-25T10:00:00'));
    const major = await judged({ majorReasons: ['injury'] });
    await agent.ok('POST', url(major, '/remedies'), remedy(5000, { kinds: ['compensation'] }));
    await manager.ok('POST', url(major, '/reject'), { reason: '金额需核实' });
    await agent.ok('POST', url(major, '/remedies'), remedy(8000, { kinds: ['compensation'] }));
    await manager.ok('POST', url(major, '/approve'));
    const executive = await tokenClient(t, 'executive');
    const inbox = (await executive.ok('GET', '/api/v1/inbox')).items.filter(
      (i: Named) => i.complaintNumber === major && i.event === 'major_remedy_decided',
    );
    expect(inbox).toHaveLength(2);
    const robots = await t.app.db
      .selectFrom('notifications')
      .select(['subject', 'body'])
      .where('event', '=', 'major_remedy_decided')
      .where('channel', '=', 'robot:客服经理群')
      .orderBy('id')
      .execute();
    expect(robots.map((r) => r.subject)).toEqual([
      `重大客诉 ${major} 的处理方案已驳回`,
      `重大客诉 ${major} 的处理方案已批准`,
    ]);
    expect(robots[1]?.body).toContain('赔偿，¥80.00');
    expect(robots[1]?.body).toContain('李经理');

    // A general complaint's decision tells nobody above.
    const general = await judged();
    await agent.ok('POST', url(general, '/remedies'), remedy(5000));
    await supervisor.ok('POST', url(general, '/approve'));
    const count = await t.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select('notifications.id')
      .where('complaints.number', '=', general)
      .where('notifications.event', '=', 'major_remedy_decided')
      .execute();
    expect(count).toEqual([]);
  });
});
