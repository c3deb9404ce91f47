import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { formatLocal } from '../../src/lib/time.js';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { type Client, tokenClient } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

interface Deadline {
  stage: string;
  state: string;
  dueAt: string;
}

describe.each(DIALECTS)('extensions of time limits on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  let handler: Client;
  let supervisor: Client;
  // 2026-03-13 is an ordinary Friday.
  const clock = fixedClock(shanghai('2026-03-13T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await tokenClient(t, 'admin');
    agent = await tokenClient(t, 'agent');
    handler = await tokenClient(t, 'handler');
    supervisor = await tokenClient(t, 'supervisor');
    await configurePortal(t, admin);
  });
  afterAll(() => t.close());

  /** A web complaint, accepted and assigned to the Pudong handler, and its customer on the portal. */
  let ip = 0;
  const assigned = async () => {
    const address = `203.0.113.${++ip}`;
    const filed = await visitor(t, address).post('/complaints', webForm(t, { email: 'zhou@example.com' }));
    const { number, trackingToken } = filed.body as { number: string; trackingToken: string };
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
    return { number, customer: visitor(t, address, trackingToken) };
  };
  const deadlines = async (number: string): Promise<Deadline[]> =>
    (await agent.ok('GET', `/api/v1/complaints/${number}`)).deadlines;
  const extensionsUrl = (number: string) => `/api/v1/complaints/${number}/extensions`;

  it('an approved 2-day extension moves every running deadline by 2 working days across the weekend, and the customer sees it', async () => {
    clock.set(shanghai('2026-03-13T10:00:00'));
    const { number, customer } = await assigned();
    const before = await deadlines(number);
    const firstResponse = before.find((d) => d.stage === 'first_response');
    // 1 working hour from Friday 10:00.
    expect(firstResponse?.dueAt).toBe(iso(shanghai('2026-03-13T11:00:00')));

    clock.set(shanghai('2026-03-13T10:20:00'));
    const asked = await handler.ok('POST', extensionsUrl(number), {
      days: 2,
      reason: '需要向航空公司调取运输记录',
    });
    expect(asked.items[0]).toMatchObject({ status: 'pending', days: 2, requestedBy: { name: '刘处理' } });
    // The superior hears of it and finds it in their list.
    const inbox = await supervisor.ok('GET', '/api/v1/inbox');
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain(
      `投诉 ${number} 申请延期 2 个工作日，待您审批`,
    );
    const pending = await supervisor.ok('GET', '/api/v1/extensions/pending');
    expect(pending.items.map((e: { number: string }) => e.number)).toContain(number);

    clock.set(shanghai('2026-03-13T10:30:00'));
    const decided = await supervisor.ok('POST', `${extensionsUrl(number)}/${asked.items[0].id}/approve`, {
      comment: '同意',
    });
    expect(decided).toMatchObject({ approvedDays: 2, maxDays: 5 });
    expect(decided.items[0]).toMatchObject({
      status: 'approved',
      decidedBy: { name: '张主管' },
      comment: '同意',
    });

    const after = await deadlines(number);
    // Friday 11:00 + 2 working days = Tuesday 11:00.
    expect(after.find((d) => d.stage === 'first_response')?.dueAt).toBe(iso(shanghai('2026-03-17T11:00:00')));
    // The start of the investigation fell due on Saturday 10:00 (24 h from dispatch): two working days
    // after a day off end with Tuesday.
    expect(after.find((d) => d.stage === 'investigation')?.dueAt).toBe(iso(shanghai('2026-03-18T00:00:00')));
    for (const d of before.filter((x) => x.state === 'running' && x.stage !== 'investigation')) {
      const moved = after.find((x) => x.stage === d.stage);
      const days = (Date.parse(moved?.dueAt ?? '') - Date.parse(d.dueAt)) / 86_400_000;
      // Two working days after a Friday or a Monday–Wednesday: 4 calendar days or 2.
      expect([2, 4]).toContain(days);
    }
    const whole = after.find((d) => d.stage === 'whole');
    expect(decided.items[0].expectedAt).toBe(whole?.dueAt);

    // The history records every move.
    const timeline = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    const kinds = timeline.map((e: { kind: string }) => e.kind);
    // Each change first, then the notices it caused.
    expect(kinds.slice(kinds.indexOf('extension_requested'))).toEqual([
      'extension_requested',
      'notice_sent',
      'extension_approved',
      'notice_sent',
    ]);
    const event = timeline.find((e: { kind: string }) => e.kind === 'extension_approved');
    expect(event.data.clocks.extended).toEqual(
      expect.arrayContaining([
        {
          stage: 'first_response',
          from: iso(shanghai('2026-03-13T11:00:00')),
          to: iso(shanghai('2026-03-17T11:00:00')),
        },
      ]),
    );

    // The customer: the portal shows the new expected date and the reason; the notice says it.
    const view = (await customer.get(`/complaints/${number}`)).body;
    expect(view.expectedBy).toBe(whole?.dueAt);
    expect(view.extensions).toEqual([
      {
        days: 2,
        reason: '需要向航空公司调取运输记录',
        approvedAt: iso(clock.now()),
        expectedBy: whole?.dueAt,
      },
    ]);
    const notice = await t.app.db
      .selectFrom('notifications')
      .select(['channel', 'body'])
      .where('event', '=', 'extension_approved')
      .where('complaint_id', '=', (await complaintId(number)) ?? 0)
      .executeTakeFirstOrThrow();
    expect(notice.channel).not.toBe('inbox');
    expect(notice.body).toContain(formatLocal(Date.parse(whole?.dueAt ?? ''), 'Asia/Shanghai'));
    expect(notice.body).toContain('需要向航空公司调取运输记录');
  });

  const complaintId = async (number: string) =>
    (await t.app.db.selectFrom('complaints').select('id').where('number', '=', number).executeTakeFirst())
      ?.id;

  it('a refused request leaves the deadlines alone and tells the handler', async () => {
    clock.set(shanghai('2026-03-16T10:00:00'));
    const { number } = await assigned();
    const before = await deadlines(number);
    const asked = await handler.ok('POST', extensionsUrl(number), { days: 1, reason: '等待网点回复' });
    const refused = await supervisor.ok('POST', `${extensionsUrl(number)}/${asked.items[0].id}/refuse`, {
      comment: '网点今天必须回复',
    });
    expect(refused.items[0]).toMatchObject({
      status: 'refused',
      comment: '网点今天必须回复',
      expectedAt: null,
    });
    expect(await deadlines(number)).toEqual(before);
    const inbox = await handler.ok('GET', '/api/v1/inbox');
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain(`投诉 ${number} 的延期申请被驳回`);
    const again = await supervisor.post(`${extensionsUrl(number)}/${asked.items[0].id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('extension_decided');
  });

  it('one pending request at a time, and never past the maximum', async () => {
    clock.set(shanghai('2026-03-16T11:00:00'));
    const { number } = await assigned();
    const first = await handler.ok('POST', extensionsUrl(number), { days: 3, reason: '调取监控' });
    const second = await handler.post(extensionsUrl(number), { days: 1, reason: '再等一天' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('extension_pending');
    await supervisor.ok('POST', `${extensionsUrl(number)}/${first.items[0].id}/approve`, {});
    const over = await handler.post(extensionsUrl(number), { days: 3, reason: '还需要三天' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'extension_over_maximum' });
    expect(over.body.detail ?? over.body.title).toContain('5');
    await handler.ok('POST', extensionsUrl(number), { days: 2, reason: '最后两天' });

    await admin.ok('PUT', '/api/v1/settings/extensions', { maxDays: 1 });
    const { number: other } = await assigned();
    const tooMany = await handler.post(extensionsUrl(other), { days: 2, reason: '两天' });
    expect(tooMany.body.code).toBe('extension_over_maximum');
    await admin.ok('PUT', '/api/v1/settings/extensions', { maxDays: 5 });
  });

  it('only a superior decides, never their own request; the customer and a stranger cannot ask', async () => {
    clock.set(shanghai('2026-03-16T14:00:00'));
    const { number, customer } = await assigned();
    const asked = await handler.ok('POST', extensionsUrl(number), { days: 1, reason: '等待鉴定' });
    const url = `${extensionsUrl(number)}/${asked.items[0].id}/approve`;
    expect((await handler.post(url, {})).status).toBe(403);
    expect((await agent.post(url, {})).status).toBe(403);
    expect(
      (await (await tokenClient(t, 'auditor')).post(extensionsUrl(number), { days: 1, reason: 'x' })).status,
    ).toBe(403);
    // The Nanshan handler does not see a Pudong complaint.
    expect(
      (await (await tokenClient(t, 'handler2')).post(extensionsUrl(number), { days: 1, reason: 'x' })).status,
    ).toBe(404);
    expect((await customer.post(`/complaints/${number}/extensions`, { days: 1, reason: 'x' })).status).toBe(
      404,
    );
    expect((await handler.post(extensionsUrl(number), { days: 0, reason: 'x' })).status).toBe(400);

    const manager = await tokenClient(t, 'manager');
    const own = await manager.ok('POST', extensionsUrl(number).replace(number, (await assigned()).number), {
      days: 1,
      reason: '经理自己申请',
    });
    const ownUrl = `/api/v1/complaints/${own.items[0].number}/extensions/${own.items[0].id}/approve`;
    expect((await manager.post(ownUrl, {})).body.code).toBe('extension_own_request');
    expect((await supervisor.post(url, {})).status).toBe(200);

    // A finished complaint's limits are not extended.
    const { number: gone } = await assigned();
    await agent.ok('POST', `/api/v1/complaints/${gone}/withdraw`, { reason: '客户撤诉' });
    const late = await handler.post(extensionsUrl(gone), { days: 1, reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('extension_complaint_not_open');
  });
});
