import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../../src/lib/periods.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('the whole life of a complaint on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let supervisor: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    supervisor = await login(t.http, 'supervisor');
  });
  afterAll(() => t.close());

  it('goes from registration to archive, with every step in the timeline', async () => {
    const created = await agent.post('/api/v1/complaints', buildComplaint(t.org));
    expect(created.status).toBe(201);
    const number: string = created.body.number;
    expect(number).toMatch(/^KS\d{8}-\d{6}$/);
    expect(created.headers.location).toBe(`/api/v1/complaints/${number}`);
    expect(created.body).toMatchObject({
      status: 'received',
      priority: 'P3',
      grade: 'general',
      replayed: false,
    });
    const base = `/api/v1/complaints/${number}`;

    expect((await agent.ok('POST', `${base}/accept`)).status).toBe('accepted');
    const assigned = await agent.ok('POST', `${base}/assign`, {
      unitId: t.org.unitIds.get('service'),
      assigneeId: t.org.userIds.get('agent'),
    });
    expect(assigned.status).toBe('assigned');
    expect(assigned.assignee.name).toBe('陈坐席');
    expect((await agent.ok('POST', `${base}/start`)).status).toBe('investigating');
    const judged = await agent.ok('PUT', `${base}/judgement`, judgement);
    expect(judged.judgement.liableParty).toBe('company');

    // ¥50 is above the agent's ¥20 limit: it waits for the supervisor.
    const proposed = await agent.ok('POST', `${base}/remedies`, remedy(5000));
    expect(proposed.status).toBe('proposed');
    expect(proposed.remedies[0]).toMatchObject({
      amount: 5000,
      status: 'pending',
      requiredRole: 'supervisor',
    });
    expect(proposed.allowedActions).not.toContain('reply');
    const agentApproves = await agent.post(`${base}/approve`);
    expect(agentApproves.status).toBe(403);
    expect(agentApproves.body.code).toBe('approval_limit_exceeded');

    const approved = await supervisor.ok('POST', `${base}/approve`, { comment: '同意' });
    expect(approved.status).toBe('approved');
    expect(approved.remedies[0]).toMatchObject({ status: 'approved', decidedBy: { name: '张主管' } });

    const replied = await agent.ok('POST', `${base}/reply`, reply());
    expect(replied.status).toBe('replied');
    // The compensation is not paid yet: the reply says by when it will be (the default setting).
    expect(replied.replies[0].method).toBe('phone');
    expect(replied.replies[0].result).toMatch(
      /^包裹已于今日送达。\n待执行：赔偿（¥50\.00），将于 .+ 前完成。$/,
    );
    const resolved = await agent.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
    expect(resolved.status).toBe('resolved');
    expect(resolved.customerConfirmation).toBe('satisfied');
    const closed = await agent.ok('POST', `${base}/archive`);
    expect(closed.status).toBe('closed');
    expect(closed.allowedActions).toEqual([]);

    // Archived means read-only.
    const late = await agent.patch(base, { priority: 'P1' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('complaint_archived');

    const everything = (await agent.ok('GET', `${base}/timeline`)).items;
    // In-app notices (the assignment, the approval request) are in the history too.
    const notices = everything
      .filter((e: { kind: string }) => e.kind === 'notice_sent')
      .map((e: { data: { event: string } }) => e.data.event);
    expect(notices).toEqual(['assigned', 'approval_needed']);
    const timeline = everything.filter((e: { kind: string }) => e.kind !== 'notice_sent');
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'registered',
      'accepted',
      'assigned',
      'investigation_started',
      'judged',
      'remedy_proposed',
      'remedy_approved',
      'replied',
      'confirmed_satisfied',
      'archived',
    ]);
    expect(timeline[6].actor.name).toBe('张主管');
    expect(timeline[1].data.changes.status).toEqual({ from: 'received', to: 'accepted' });
    expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
  });

  it('resolves on first contact in one step', async () => {
    const res = await agent.post(
      '/api/v1/complaints',
      buildComplaint(t.org, { firstContact: { reply: reply(), remedy: remedy(1500) } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('resolved');
    expect(await agent.ok('GET', res.headers.location as string)).toMatchObject({
      status: 'resolved',
      remedies: [{ amount: 1500, status: 'approved' }],
      replies: [{ kind: 'first_contact' }],
      // The agent who resolved it keeps it, in the agent's unit (no dispatch to a station): it counts
      // among the agent's first-contact resolutions.
      assignee: { id: t.org.userIds.get('agent') },
      unit: { id: t.org.unitIds.get('service') },
    });
    const month = periodOf(Date.now(), t.app.config.timeZone);
    const mine = await agent.ok('GET', `/api/v1/assessment/me?from=${month}`);
    expect(mine.handler.firstContact).toBeGreaterThanOrEqual(1);
    const over = await agent.post(
      '/api/v1/complaints',
      buildComplaint(t.org, { firstContact: { reply: reply(), remedy: remedy(2001) } }),
    );
    expect(over.status).toBe(403);
    expect(over.body.code).toBe('approval_limit_exceeded');
  });

  it('reopens when the customer is not satisfied, counting the reopen', async () => {
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    const base = `/api/v1/complaints/${number}`;
    await agent.ok('POST', `${base}/accept`);
    await agent.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('agent') });
    await agent.ok('POST', `${base}/start`);
    await agent.ok('PUT', `${base}/judgement`, judgement);
    expect((await agent.ok('POST', `${base}/remedies`, remedy(1000))).status).toBe('approved');
    await agent.ok('POST', `${base}/reply`, reply());
    const reopened = await agent.ok('POST', `${base}/confirmation`, {
      outcome: 'unsatisfied',
      comment: '赔偿太少',
    });
    expect(reopened).toMatchObject({
      status: 'investigating',
      reopenCount: 1,
      customerConfirmation: 'unsatisfied',
    });
    // A second round: propose again, reply, satisfied, then a later reopen from resolved.
    await agent.ok('POST', `${base}/remedies`, remedy(2000));
    await agent.ok('POST', `${base}/reply`, reply());
    await agent.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
    const again = await agent.ok('POST', `${base}/reopen`, { reason: '客户再次来电' });
    expect(again).toMatchObject({ status: 'investigating', reopenCount: 2 });
  });

  it('takes the side paths: waiting for the customer, transfer, escalation, merge, withdraw, invalid', async () => {
    const make = async () =>
      (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
    const a = await make();
    await agent.ok('POST', `/api/v1/complaints/${a}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${a}/assign`, { unitId: t.org.unitIds.get('pudong') });
    const transferred = await agent.ok('POST', `/api/v1/complaints/${a}/transfer`, {
      unitId: t.org.unitIds.get('nanshan'),
      assigneeId: t.org.userIds.get('handler2'),
      reason: '实际派送网点为南山',
    });
    expect(transferred).toMatchObject({
      status: 'assigned',
      unit: { name: '南山网点' },
      assignee: { name: '赵处理' },
    });
    await agent.ok('POST', `/api/v1/complaints/${a}/start`);
    expect(
      (await agent.ok('POST', `/api/v1/complaints/${a}/request-info`, { reason: '请提供开箱照片' })).status,
    ).toBe('waiting_customer');
    expect(
      (await agent.ok('POST', `/api/v1/complaints/${a}/resume`, { comment: '客户已上传照片' })).status,
    ).toBe('investigating');
    const escalated = await agent.ok('POST', `/api/v1/complaints/${a}/escalate`, {
      reason: '客户情绪激动',
      raisePriority: true,
    });
    expect(escalated).toMatchObject({ escalationLevel: 1, priority: 'P2' });

    const b = await make();
    const merged = await agent.ok('POST', `/api/v1/complaints/${b}/merge`, {
      into: a,
      reason: '同一运单重复投诉',
    });
    expect(merged).toMatchObject({ status: 'merged', links: [{ kind: 'merged_into', number: a }] });
    expect((await agent.ok('GET', `/api/v1/complaints/${a}`)).links).toEqual([
      expect.objectContaining({ kind: 'merged_into:incoming', number: b }),
    ]);
    expect((await agent.ok('POST', `/api/v1/complaints/${b}/archive`)).status).toBe('closed');

    const c = await make();
    expect(
      (await agent.ok('POST', `/api/v1/complaints/${c}/withdraw`, { reason: '客户已收到包裹，撤诉' })).status,
    ).toBe('withdrawn');

    const d = await make();
    const invalid = await agent.ok('POST', `/api/v1/complaints/${d}/invalidate`, {
      reason: 'untrue_information',
      explanation: '签收记录与监控显示包裹已本人签收',
      reply: reply({ result: '经核实包裹已由您本人签收，不予受理。' }),
    });
    expect(invalid).toMatchObject({
      status: 'invalid',
      validity: { validity: 'invalid', invalidReason: 'untrue_information' },
    });
    expect(invalid.replies[0].kind).toBe('invalid_answer');
  });

  it('links a complaint to the one it repeats, and refuses a link to itself', async () => {
    const first = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
    const second = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
    const linked = await agent.ok('POST', `/api/v1/complaints/${second}/links`, {
      kind: 'repeat_of',
      number: first,
      comment: '同一客户再次投诉',
    });
    expect(linked.links).toEqual([expect.objectContaining({ kind: 'repeat_of', number: first })]);
    expect((await agent.ok('GET', `/api/v1/complaints/${first}`)).links).toEqual([
      expect.objectContaining({ kind: 'repeat_of:incoming', number: second }),
    ]);
    // Both histories say so: the other complaint's with who linked it, from where, and why.
    const history = (await agent.ok('GET', `/api/v1/complaints/${first}/timeline`)).items;
    expect(history.at(-1)).toMatchObject({
      kind: 'linked_from',
      data: { link: 'repeat_of', from: second },
      comment: '同一客户再次投诉',
    });
    const self = await agent.post(`/api/v1/complaints/${second}/links`, { kind: 'related', number: second });
    expect(self.body.fields).toEqual([
      expect.objectContaining({ path: '/body/number', code: 'link_to_self' }),
    ]);
  });

  it('lets only the manager or the executive archive a major complaint, and routes its remedy to the manager', async () => {
    const manager = await login(t.http, 'manager');
    const body = buildComplaint(t.org, { majorReasons: ['valuables_lost'], priority: 'P4' });
    const created = await agent.ok('POST', '/api/v1/complaints', body);
    expect(created).toMatchObject({ grade: 'major', priority: 'P2' });
    const base = `/api/v1/complaints/${created.number}`;
    await agent.ok('POST', `${base}/accept`);
    await agent.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('agent') });
    await agent.ok('POST', `${base}/start`);
    await agent.ok('PUT', `${base}/judgement`, judgement);
    const proposed = await agent.ok('POST', `${base}/remedies`, remedy(500));
    expect(proposed.remedies[0]).toMatchObject({ status: 'pending', requiredRole: 'manager' });
    expect((await supervisor.post(`${base}/approve`)).body.code).toBe('approval_limit_exceeded');
    await manager.ok('POST', `${base}/approve`);
    // The police playbook (报警处置) came with the reason: its required steps are done before the reply.
    for (const step of (await agent.ok('GET', `${base}/checklist`)).items)
      if (step.required) await agent.ok('PUT', `${base}/checklist/${step.id}`, { done: true });
    await agent.ok('POST', `${base}/reply`, reply());
    await agent.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
    const refused = await agent.post(`${base}/archive`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('major_requires_manager');
    expect((await manager.ok('POST', `${base}/archive`)).status).toBe('closed');
  });
});
