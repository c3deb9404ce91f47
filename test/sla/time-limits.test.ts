import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { open, piiKeys } from '../../src/modules/privacy/index.js';
import { sweepBreaches, sweepReminders } from '../../src/modules/sla/sweep.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const MIN = 60_000;

describe.each(DIALECTS)('time limits on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  const clock = fixedClock(shanghai('2026-03-13T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await tokenClient(t, 'admin');
    agent = await tokenClient(t, 'agent');
  });
  afterAll(() => t.close());

  const deadline = async (number: string, stage: string) => {
    const c = await agent.ok('GET', `/api/v1/complaints/${number}`);
    return c.deadlines.find((d: { stage: string }) => d.stage === stage);
  };
  const register = async (overrides = {}) =>
    (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number as string;
  const assignAt = async (local: string) => {
    clock.set(shanghai(local));
    const number = await register();
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
    return number;
  };

  it('runs a 1-hour working-time limit from Friday 17:50 to Monday 09:50', async () => {
    const number = await assignAt('2026-03-13T17:50:00');
    const d = await deadline(number, 'first_response');
    expect(d).toMatchObject({ mode: 'working', limitMinutes: 60, state: 'running' });
    expect(d.dueAt).toBe(new Date(shanghai('2026-03-16T09:50:00')).toISOString());
  });

  it('carries a deadline set the evening before National Day to the first working day after it', async () => {
    const number = await assignAt('2026-09-30T20:00:00');
    expect((await deadline(number, 'first_response')).dueAt).toBe(
      new Date(shanghai('2026-10-08T10:00:00')).toISOString(),
    );
  });

  it('pauses the running clocks while the customer is asked for evidence, runs the evidence clock meanwhile, and extends each by exactly the wait', async () => {
    const number = await assignAt('2026-03-16T10:00:00');
    await agent.ok('POST', `/api/v1/complaints/${number}/start`);
    const before = await deadline(number, 'whole');
    expect(before.mode).toBe('clock');
    clock.advance(60 * MIN);
    await agent.ok('POST', `/api/v1/complaints/${number}/request-info`, { reason: '请提供开箱照片' });
    const paused = await agent.ok('GET', `/api/v1/complaints/${number}`);
    const stage = (s: string) => paused.deadlines.find((d: { stage: string }) => d.stage === s);
    expect(stage('whole').state).toBe('paused');
    // The customer's evidence has its own clock, from the request, in working time; it does not pause.
    expect(stage('evidence_request')).toMatchObject({
      state: 'running',
      mode: 'working',
      limitMinutes: 18 * 60,
    });
    expect(paused.dueAt).toBe(stage('evidence_request').dueAt);
    clock.advance(4 * 60 * MIN + 17_000);
    await agent.ok('POST', `/api/v1/complaints/${number}/resume`);
    const after = await deadline(number, 'whole');
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(4 * 60 * MIN + 17_000);
    expect((await deadline(number, 'evidence_request')).state).toBe('met');
    const timeline = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    const responded = timeline.find((e: { kind: string }) => e.kind === 'customer_responded').data.clocks;
    expect(responded.resumed).toEqual([{ stage: 'whole', dueAt: after.dueAt }]);
    expect(responded.met).toEqual(['evidence_request']);
  });

  it('recomputes deadlines when the priority changes, and the history says so', async () => {
    clock.set(shanghai('2026-03-16T11:00:00'));
    const number = await register();
    expect((await deadline(number, 'register')).limitMinutes).toBe(60);
    const updated = await agent.ok('PATCH', `/api/v1/complaints/${number}`, { priority: 'P1' });
    const reg = updated.deadlines.find((d: { stage: string }) => d.stage === 'register');
    expect(reg.limitMinutes).toBe(5);
    expect(reg.dueAt).toBe(new Date(clock.now() + 5 * MIN).toISOString());
    const last = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items.at(-1);
    expect(last.kind).toBe('updated');
    expect(last.data.clocks.recomputed).toEqual([
      { stage: 'register', from: new Date(clock.now() + 60 * MIN).toISOString(), to: reg.dueAt },
    ]);
  });

  it('follows admin policies inherited down the category tree', async () => {
    await admin.ok('PUT', '/api/v1/sla-policies', {
      stage: 'register',
      categoryId: t.org.categoryIds.get('damage'),
      priority: null,
      mode: 'clock',
      minutes: 30,
    });
    clock.set(shanghai('2026-03-16T12:00:00'));
    const damaged = await register({ categoryId: t.org.categoryIds.get('damage.contents.fragile') });
    expect((await deadline(damaged, 'register')).limitMinutes).toBe(30);
    const delayed = await register();
    expect((await deadline(delayed, 'register')).limitMinutes).toBe(60);
  });

  it('lists what is due soon and what is overdue, with time left', async () => {
    clock.set(shanghai('2026-03-17T09:00:00'));
    const number = await register({ title: '即将到期' });
    clock.advance(50 * MIN);
    const soon = await agent.ok('GET', '/api/v1/complaints?dueWithin=15');
    expect(soon.items.map((i: { number: string }) => i.number)).toContain(number);
    expect((await deadline(number, 'register')).timeLeftMs).toBe(10 * MIN);
    clock.advance(20 * MIN);
    const overdue = await agent.ok('GET', '/api/v1/complaints?overdue=true');
    expect(overdue.items.map((i: { number: string }) => i.number)).toContain(number);
    expect(
      (await agent.ok('GET', '/api/v1/complaints?dueWithin=15')).items.map(
        (i: { number: string }) => i.number,
      ),
    ).not.toContain(number);
  });

  it('reminds the owner at 80 % and escalates once at the breach, raising the priority', async () => {
    clock.set(shanghai('2026-03-18T10:00:00'));
    const number = await assignAt('2026-03-18T10:00:00');
    await sweepBreaches(t.app);
    clock.advance(48 * MIN);
    expect(await sweepReminders(t.app)).toBeGreaterThanOrEqual(1);
    const handler = await tokenClient(t, 'handler');
    const inbox = await handler.ok('GET', '/api/v1/inbox');
    expect(
      inbox.items.some(
        (i: { event: string; complaintNumber: string }) =>
          i.event === 'reminder' && i.complaintNumber === number,
      ),
    ).toBe(true);
    expect(inbox.unreadCount).toBeGreaterThan(0);

    clock.advance(13 * MIN);
    await sweepBreaches(t.app);
    await sweepBreaches(t.app);
    const c = await agent.ok('GET', `/api/v1/complaints/${number}`);
    expect(c).toMatchObject({ escalationLevel: 1, priority: 'P2' });
    expect(c.deadlines.find((d: { stage: string }) => d.stage === 'first_response').breached).toBe(true);
    const events = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items.filter(
      (e: { kind: string }) => e.kind === 'escalated',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: null,
      data: { automatic: true, breached: ['first_response'], toRole: 'supervisor' },
    });
    const supervisor = await tokenClient(t, 'supervisor');
    const items = (await supervisor.ok('GET', '/api/v1/inbox')).items;
    expect(
      items.filter(
        (i: { event: string; complaintNumber: string }) =>
          i.event === 'escalated' && i.complaintNumber === number,
      ),
    ).toHaveLength(1);
  });

  it('tells the manager and the executive of a major complaint at once', async () => {
    const number = await register({ majorReasons: ['injury', 'media_referral'] });
    for (const who of ['manager', 'executive']) {
      const items = (await (await tokenClient(t, who)).ok('GET', '/api/v1/inbox')).items;
      const item = items.find((i: { complaintNumber: string }) => i.complaintNumber === number);
      expect(item).toMatchObject({ event: 'major_registered' });
      // The reasons by their names, not their codes.
      expect(item.body).toContain('原因：人身伤害、媒体曝光/转来。');
    }
  });

  it('sends the customer an acknowledgment letter at acceptance, with number, times and how to track', async () => {
    clock.set(shanghai('2026-03-19T09:30:00'));
    const number = await register({
      complainant: {
        name: '王女士',
        phone: '13800138000',
        email: 'wang@example.com',
        preferredContact: 'email',
      },
    });
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    const n = await t.app.db
      .selectFrom('notifications')
      .selectAll()
      .where('event', '=', 'acknowledgment')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(n).toMatchObject({ channel: 'email', status: 'pending' });
    expect(open(piiKeys(t.app.config.secret), n.recipient)).toBe('wang@example.com');
    expect(n.subject).toContain(number);
    expect(n.body).toContain('2026-03-19 09:30');
    expect(n.body).toContain('2026-03-22 09:30');
    expect(n.body).toContain(`http://kesu.test/track/${number}`);
    const job = await t.app.db
      .selectFrom('jobs')
      .selectAll()
      .where('key', '=', `notice:${n.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: 'notify.send', state: 'pending' });
  });

  it('closes a complaint whose customer cannot be reached after 2 working days, unless they answer', async () => {
    clock.set(shanghai('2026-03-20T15:00:00'));
    const a = await assignAt('2026-03-20T15:00:00');
    const b = await assignAt('2026-03-20T15:00:00');
    for (const n of [a, b]) {
      await agent.ok('POST', `/api/v1/complaints/${n}/start`);
      await agent.ok('PUT', `/api/v1/complaints/${n}/judgement`, judgement);
      const res = await agent.ok('POST', `/api/v1/complaints/${n}/contact-attempts`, {
        outcome: 'unreachable',
        note: '无人接听',
      });
      expect(res.status).toBe('investigating');
    }
    const sms = await t.app.db
      .selectFrom('notifications')
      .selectAll()
      .where('event', '=', 'unreachable')
      .execute();
    expect(sms.filter((s) => s.channel === 'sms')).toHaveLength(2);
    clock.set(shanghai('2026-03-23T10:00:00'));
    await agent.ok('POST', `/api/v1/complaints/${b}/contact-attempts`, {
      outcome: 'reached',
      note: '客户回电',
    });
    // Friday 15:00 + 18 working hours (two days of 09:00–18:00) is Tuesday 15:00.
    clock.set(shanghai('2026-03-24T14:59:00'));
    await runDueJobs(t.app, kesuJobs());
    expect((await agent.ok('GET', `/api/v1/complaints/${a}`)).status).toBe('investigating');
    clock.set(shanghai('2026-03-24T15:01:00'));
    await runDueJobs(t.app, kesuJobs());
    expect(await agent.ok('GET', `/api/v1/complaints/${a}`)).toMatchObject({
      status: 'closed',
      closeReason: 'customer_unreachable',
    });
    expect((await agent.ok('GET', `/api/v1/complaints/${b}`)).status).toBe('investigating');
  });

  it('lets dispatch rules pick the unit and hand out complaints in turn, recording the rule', async () => {
    const second = await admin.ok('POST', '/api/v1/users', {
      username: 'handler3',
      displayName: '孙处理',
      password: 'handler3-pass',
      unitId: t.org.unitIds.get('pudong'),
      roles: ['handler'],
    });
    await admin.ok('POST', '/api/v1/dispatch-rules', {
      name: '上海破损件',
      position: 1,
      conditions: { categoryId: t.org.categoryIds.get('damage'), regions: ['上海'], keywords: ['破损'] },
      unitId: t.org.unitIds.get('pudong'),
      assign: 'round_robin',
    });
    const make = async () =>
      agent.ok(
        'GET',
        `/api/v1/complaints/${await register({ categoryId: t.org.categoryIds.get('damage.packaging'), region: '上海市浦东新区', content: '外包装破损严重' })}`,
      );
    const one = await make();
    const two = await make();
    expect(one.unit.name).toBe('浦东网点');
    expect(new Set([one.assignee.id, two.assignee.id])).toEqual(
      new Set([t.org.userIds.get('handler'), second.id]),
    );
    const registered = (await agent.ok('GET', `/api/v1/complaints/${one.number}/timeline`)).items[0];
    expect(registered.data.dispatch).toMatchObject({
      rule: { name: '上海破损件' },
      unitId: t.org.unitIds.get('pudong'),
    });
    const other = await agent.ok('GET', `/api/v1/complaints/${await register({ region: '深圳' })}`);
    expect(other.unit.name).toBe('客服中心');
    await agent.ok('POST', `/api/v1/complaints/${other.number}/accept`);
    const unmatched = await agent.post(`/api/v1/complaints/${other.number}/transfer`, {
      reason: '按规则转派',
    });
    expect(unmatched.body.fields).toEqual([
      expect.objectContaining({ path: '/body/unitId', code: 'no_rule_matched' }),
    ]);

    // On transfer without a unit the rules choose, and the history names the rule.
    const manual = await register({
      categoryId: t.org.categoryIds.get('damage.packaging'),
      region: '上海',
      content: '破损',
      unitId: t.org.unitIds.get('service'),
    });
    await agent.ok('POST', `/api/v1/complaints/${manual}/accept`);
    const moved = await agent.ok('POST', `/api/v1/complaints/${manual}/transfer`, { reason: '按规则转派' });
    expect(moved).toMatchObject({ status: 'assigned', unit: { name: '浦东网点' } });
    expect(moved.assignee).not.toBeNull();
    const transferred = (await agent.ok('GET', `/api/v1/complaints/${manual}/timeline`)).items.find(
      (e: { kind: string }) => e.kind === 'transferred',
    );
    expect(transferred.data.dispatch.rule.name).toBe('上海破损件');
  });
});
