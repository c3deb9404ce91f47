import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { complaintIn } from '../support/states.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('the complaint page’s answers on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let supervisor: Client;
  let manager: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    supervisor = await login(t.http, 'supervisor');
    manager = await login(t.http, 'manager');
  });
  afterAll(() => t.close());

  it('says which buttons would be refused and why: approval beyond the limit, a case not yet accepted', async () => {
    const proposed = await complaintIn(t, 'proposed', manager, agent);
    const base = `/api/v1/complaints/${proposed}`;
    const seenByAgent = await agent.ok('GET', base);
    expect(seenByAgent.allowedActions).toContain('approve');
    expect(seenByAgent.blockedActions).toEqual([{ action: 'approve', reason: 'beyond_authority' }]);
    expect((await supervisor.ok('GET', base)).blockedActions).toEqual([]);

    const fresh = await complaintIn(t, 'received', manager, agent);
    const early = await supervisor.ok('GET', `/api/v1/complaints/${fresh}`);
    expect(early.allowedActions).not.toContain('curate_case');
    expect(early.blockedActions).toEqual([{ action: 'curate_case', reason: 'not_accepted' }]);
  });

  it('refuses in words: statuses and actions by name, amounts in yuan, in the reader’s language', async () => {
    const proposed = await complaintIn(t, 'proposed', manager, agent);
    const base = `/api/v1/complaints/${proposed}`;
    const beyond = await agent.post(`${base}/approve`);
    expect(beyond.status).toBe(403);
    expect(beyond.body.title).toBe('金额 ¥50.00 超出您的审批权限。');
    const again = await agent.post(`${base}/remedies`, {
      kinds: ['apology'],
      amount: 0,
      description: '致歉',
    });
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('投诉当前状态为「方案待批」，不能执行「提出方案」。');
    const english = await agent.post(`${base}/accept`, {}, { 'accept-language': 'en' });
    expect(english.body.title).toBe('The complaint is Remedy proposed; "Accept" is not possible now.');
  });

  it('shows the customer behind the complaint with their other complaints', async () => {
    const complainant = { name: '李先生', phone: '13912345678', preferredContact: 'phone' as const };
    const first = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { complainant }));
    const second = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { complainant }));
    const detail = await agent.ok('GET', `/api/v1/complaints/${second.number}`);
    expect(detail.customer).toMatchObject({ level: 'regular', tags: [] });
    expect(detail.customer.id).toBe(detail.complainant.customerId);
    expect(detail.customer.otherComplaints.map((c: { number: string }) => c.number)).toEqual([first.number]);
    expect(detail.customer.otherComplaints[0]).toMatchObject({ status: 'received' });
    expect(detail.repeatComplaint).toBe(true);
    // Masked unless revealed; the reveal is recorded in the history.
    expect(detail.complainant.phone).not.toBe('13912345678');
    const revealed = await supervisor.ok('GET', `/api/v1/complaints/${second.number}?reveal=true`);
    expect(revealed.complainant.phone).toBe('13912345678');
    const timeline = await supervisor.ok('GET', `/api/v1/complaints/${second.number}/timeline`);
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toContain('personal_data_viewed');
  });

  it('answers every property of the detail the page reads (the schema drops nothing)', async () => {
    const number = await complaintIn(t, 'investigating', manager, agent);
    const detail = await agent.ok('GET', `/api/v1/complaints/${number}`);
    for (const key of [
      'deadlines',
      'watchers',
      'references',
      'category',
      'unit',
      'assignee',
      'case',
      'classification',
    ])
      expect(detail, key).toHaveProperty(key);
    expect(detail.deadlines[0]).toHaveProperty('pausedMs');
    expect(detail.deadlines[0]).toHaveProperty('state');
    expect(detail.category.path.length).toBeGreaterThan(0);
  });

  it('lists the pending remedies in one answer, marking those beyond the reader’s authority', async () => {
    const number = await complaintIn(t, 'proposed', manager, agent);
    const forAgent = await agent.ok('GET', '/api/v1/approvals');
    const mine = forAgent.items.find((i: { number: string }) => i.number === number);
    expect(mine).toMatchObject({
      remedy: { amount: 5000, requiredRole: 'supervisor' },
      beyondAuthority: true,
    });
    const forSupervisor = await supervisor.ok('GET', '/api/v1/approvals');
    expect(forSupervisor.items.find((i: { number: string }) => i.number === number).beyondAuthority).toBe(
      false,
    );
    const auditor = await login(t.http, 'auditor');
    expect((await auditor.ok('GET', '/api/v1/approvals')).items).toEqual([]);
  });

  it('lets the handler who must call back reveal the number, and nobody else below the permission', async () => {
    const number = await complaintIn(t, 'investigating', manager, agent);
    const handler = await login(t.http, 'handler');
    const detail = await handler.ok('GET', `/api/v1/complaints/${number}`);
    expect(detail.complainant.mayReveal).toBe(true);
    const revealed = await handler.ok('GET', `/api/v1/complaints/${number}?reveal=true`);
    expect(revealed.complainant.phone).toMatch(/^138\d{8}$/);
    expect((await agent.ok('GET', `/api/v1/complaints/${number}`)).complainant.mayReveal).toBe(false);
    expect((await agent.get(`/api/v1/complaints/${number}?reveal=true`)).status).toBe(403);
  });
});
