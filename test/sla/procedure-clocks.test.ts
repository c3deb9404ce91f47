import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepBreaches, sweepReminders } from '../../src/modules/sla/sweep.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const at = (local: string) => new Date(shanghai(local)).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Issue 13: the clocks counted as the courier plan counts them (ADR 0005). */
describe.each(DIALECTS)('clocks as the procedures say on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let handler: Client;
  const clock = fixedClock(shanghai('2026-03-16T09:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await tokenClient(t, 'agent');
    handler = await tokenClient(t, 'handler');
  });
  afterAll(() => t.close());

  type Deadline = { stage: string; dueAt: string; state: string; breached: boolean };
  const detail = (number: string) => agent.ok('GET', `/api/v1/complaints/${number}`);
  const deadlines = async (number: string): Promise<Record<string, Deadline>> =>
    Object.fromEntries((await detail(number)).deadlines.map((d: Deadline) => [d.stage, d]));
  const register = async (overrides = {}) =>
    (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number as string;
  const timeline = async (number: string) =>
    (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items as Array<{
      kind: string;
      data: Record<string, unknown>;
    }>;
  const assign = async (number: string) => {
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
  };

  it('runs registration, dispatch and the whole complaint from receipt: a letter received Monday 09:00 and registered at 15:00', async () => {
    clock.set(shanghai('2026-03-16T15:00:00'));
    const number = await register({ channel: 'letter', receivedAt: at('2026-03-16T09:00:00') });
    const d = await deadlines(number);
    expect(d.register).toMatchObject({ dueAt: at('2026-03-16T10:00:00'), breached: true });
    expect(d.dispatch).toMatchObject({ dueAt: at('2026-03-16T11:00:00'), breached: true });
    expect(d.whole?.dueAt).toBe(at('2026-03-19T09:00:00'));
    // Overdue at once: the workbench lists it, and the sweep escalates it for registration and dispatch.
    const overdue = await agent.ok('GET', '/api/v1/complaints?overdue=true');
    expect(overdue.items.map((i: { number: string }) => i.number)).toContain(number);
    await sweepBreaches(t.app);
    const escalated = (await timeline(number)).filter((e) => e.kind === 'escalated');
    expect(escalated.map((e) => e.data.breached)).toEqual([['register', 'dispatch']]);
    // Acceptance meets registration only; dispatch is met by the assignment.
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    expect((await deadlines(number)).dispatch?.state).toBe('running');
  });

  it('gives the unit 24 h from dispatch to start investigating, and never times how long the investigation takes', async () => {
    clock.set(shanghai('2026-03-17T09:00:00'));
    const number = await register();
    await assign(number);
    expect((await deadlines(number)).investigation).toMatchObject({
      dueAt: at('2026-03-18T09:00:00'),
      state: 'running',
    });
    clock.advance(20 * HOUR);
    await handler.ok('POST', `/api/v1/complaints/${number}/start`);
    expect((await deadlines(number)).investigation).toMatchObject({ state: 'met', breached: false });
    // A 30-hour investigation: nothing is late, so nothing escalates.
    clock.advance(30 * HOUR);
    await sweepReminders(t.app);
    await sweepBreaches(t.app);
    const c = await detail(number);
    expect(c.escalationLevel).toBe(0);
    expect(c.priority).toBe('P3');
    expect((await timeline(number)).some((e) => e.kind === 'escalated')).toBe(false);
  });

  it('runs no evidence clock for a complaint whose customer was never asked for evidence', async () => {
    clock.set(shanghai('2026-03-17T10:00:00'));
    const number = await register();
    await assign(number);
    await handler.ok('POST', `/api/v1/complaints/${number}/start`);
    clock.advance(8 * HOUR);
    await sweepBreaches(t.app);
    await handler.ok('PUT', `/api/v1/complaints/${number}/judgement`, judgement);
    await handler.ok('POST', `/api/v1/complaints/${number}/remedies`, remedy(1000));
    expect((await deadlines(number)).evidence_request).toBeUndefined();
    const started = (await timeline(number)).flatMap(
      (e) => (e.data.clocks as { started?: Array<{ stage: string }> } | undefined)?.started ?? [],
    );
    expect(started.map((s) => s.stage)).not.toContain('evidence_request');
  });

  it('gives the department 2 working hours from the end of the investigation to propose, and does not time the approver', async () => {
    clock.set(shanghai('2026-03-18T16:00:00'));
    const number = await register();
    await assign(number);
    await handler.ok('POST', `/api/v1/complaints/${number}/start`);
    await handler.ok('PUT', `/api/v1/complaints/${number}/judgement`, judgement);
    // Wednesday 16:00 + 2 working hours (09:00–18:00) = Wednesday 18:00.
    expect((await deadlines(number)).proposal).toMatchObject({
      dueAt: at('2026-03-18T18:00:00'),
      state: 'running',
    });
    clock.advance(30 * MIN);
    await handler.ok('POST', `/api/v1/complaints/${number}/remedies`, remedy(50_000));
    const d = await deadlines(number);
    expect(d.proposal).toMatchObject({ state: 'met', breached: false });
    expect(d.approval).toBeUndefined();
    // The remedy waits for the manager's approval; no clock of its own escalates it.
    clock.advance(26 * HOUR);
    await sweepBreaches(t.app);
    const escalated = (await timeline(number)).filter((e) => e.kind === 'escalated');
    expect(escalated).toEqual([]);
  });

  it('grades a media referral major, tells the manager and the executive, and lets only a manager clear it with a reason', async () => {
    clock.set(shanghai('2026-03-19T10:00:00'));
    const number = await register({ channel: 'media' });
    const c = await detail(number);
    expect(c).toMatchObject({ grade: 'major', majorReasons: ['media_referral'], priority: 'P2' });
    for (const who of ['manager', 'executive']) {
      const items = (await (await tokenClient(t, who)).ok('GET', '/api/v1/inbox')).items;
      expect(items.find((i: { complaintNumber: string }) => i.complaintNumber === number)).toMatchObject({
        event: 'major_registered',
      });
    }
    const supervisor = await tokenClient(t, 'supervisor');
    const refused = await supervisor.request('PATCH', `/api/v1/complaints/${number}`, {
      majorReasons: [],
      comment: '经核实非媒体曝光',
    });
    expect(refused.status).toBe(403);
    const manager = await tokenClient(t, 'manager');
    const noReason = await manager.request('PATCH', `/api/v1/complaints/${number}`, { majorReasons: [] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([
      expect.objectContaining({ path: '/body/comment', code: 'reason_required' }),
    ]);
    await manager.ok('PATCH', `/api/v1/complaints/${number}`, {
      majorReasons: [],
      comment: '经核实非媒体曝光',
    });
    expect(await detail(number)).toMatchObject({ grade: 'general', majorReasons: [] });
  });

  it("runs a regulator's own deadline as a clock of its own, reminded and escalated", async () => {
    clock.set(shanghai('2026-03-20T10:00:00'));
    const number = await register({
      channel: 'regulator',
      referral: { number: 'YZ-2026-0316', authority: '上海市邮政管理局', dueAt: at('2026-03-25T10:00:00') },
    });
    const c = await detail(number);
    expect(c).toMatchObject({ grade: 'major', majorReasons: ['government_referral'] });
    const external = c.deadlines.find((d: Deadline) => d.stage === 'external');
    expect(external).toMatchObject({ dueAt: at('2026-03-25T10:00:00'), state: 'running', mode: 'clock' });
    // Waiting for the customer does not stop the authority's clock.
    await assign(number);
    await handler.ok('POST', `/api/v1/complaints/${number}/start`);
    await handler.ok('POST', `/api/v1/complaints/${number}/request-info`, { reason: '请提供照片' });
    expect((await deadlines(number)).external?.state).toBe('running');
    // Reminded at 80 % of its span (4 of 5 days), escalated at the deadline.
    clock.set(shanghai('2026-03-24T10:30:00'));
    await sweepReminders(t.app);
    const reminded = (await handler.ok('GET', '/api/v1/inbox')).items.filter(
      (i: { event: string; complaintNumber: string }) =>
        i.event === 'reminder' && i.complaintNumber === number,
    );
    expect(reminded.length).toBeGreaterThanOrEqual(1);
    clock.set(shanghai('2026-03-25T10:01:00'));
    await sweepBreaches(t.app);
    const escalated = (await timeline(number)).filter((e) => e.kind === 'escalated');
    expect(escalated.map((e) => e.data.breached)).toContainEqual(expect.arrayContaining(['external']));
  });
});
