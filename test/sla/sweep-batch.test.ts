import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { writeSetting } from '../../src/modules/settings/index.js';
import { sweepBreaches, sweepReminders } from '../../src/modules/sla/sweep.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

type TimelineEvent = { kind: string; seq: number; data: Record<string, unknown> };

/** The sweeps write a whole batch at once: what each complaint gets must be what one at a time gave. */
describe.each(DIALECTS)('the SLA sweep writing a batch at once on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  const start = shanghai('2026-04-08T10:00:00');
  const clock = fixedClock(start);
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await tokenClient(t, 'agent');
    const admin = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
    if (!admin) throw new Error('demo admin missing');
    await writeSetting(
      { ...t.app, actor: admin },
      'notify_channels',
      {
        robots: [{ name: 'ops', config: { channel: 'wecom', webhookUrl: 'http://127.0.0.1:9/send?key=k' } }],
      },
      {},
    );
  });
  afterAll(() => t.close());

  const timeline = async (number: string): Promise<TimelineEvent[]> =>
    (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;

  it('escalates several complaints in one sweep, each with its own breaches, clocks, notices and history', async () => {
    // Left unaccepted: `register` (60 min, 5 min at P1), `dispatch` (2 h) and `whole` (3 days) all breach
    // before the sweep; the assigned one breaches `first_response`, `investigation` (24 h) and `whole`.
    const urgent = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { priority: 'P2' })))
      .number as string;
    const assigned = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { priority: 'P3' })))
      .number as string;
    await agent.ok('POST', `/api/v1/complaints/${assigned}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${assigned}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
    clock.set(start + 3 * 24 * 60 * MIN + MIN);
    expect(await sweepReminders(t.app)).toBeGreaterThanOrEqual(2);
    expect(await sweepBreaches(t.app)).toBe(6);
    expect(await sweepBreaches(t.app)).toBe(0);

    const u = await agent.ok('GET', `/api/v1/complaints/${urgent}`);
    expect(u).toMatchObject({ escalationLevel: 1, priority: 'P1', dueAt: iso(start + 5 * MIN) });
    const uEvents = await timeline(urgent);
    const uEscalated = uEvents.filter((e) => e.kind === 'escalated');
    expect(uEscalated).toHaveLength(1);
    expect(uEscalated[0]?.data).toMatchObject({
      automatic: true,
      breached: ['register', 'dispatch', 'whole'],
      toRole: 'supervisor',
      changes: { escalation_level: { from: 0, to: 1 }, priority: { from: 'P2', to: 'P1' } },
      clocks: { recomputed: [{ stage: 'register', from: iso(start + 60 * MIN), to: iso(start + 5 * MIN) }] },
    });

    const a = await agent.ok('GET', `/api/v1/complaints/${assigned}`);
    expect(a).toMatchObject({ escalationLevel: 1, priority: 'P2' });
    const aEscalated = (await timeline(assigned)).filter((e) => e.kind === 'escalated');
    expect(aEscalated).toHaveLength(1);
    expect(aEscalated[0]?.data.breached).toEqual(['first_response', 'investigation', 'whole']);
    expect(aEscalated[0]?.data).not.toHaveProperty('clocks');

    // The escalation comes first in each history, then the in-app notices it sent, one per inbox item.
    for (const number of [urgent, assigned]) {
      const events = await timeline(number);
      const at = events.findIndex((e) => e.kind === 'escalated');
      const after = events.slice(at + 1);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((e) => e.kind === 'notice_sent' && e.data.event === 'escalated')).toBe(true);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const { id } = await t.app.db
        .selectFrom('complaints')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      const notices = await t.app.db
        .selectFrom('notifications')
        .selectAll()
        .where('complaint_id', '=', id)
        .where('event', '=', 'escalated')
        .orderBy('id')
        .execute();
      const inbox = notices.filter((n) => n.channel === 'inbox');
      expect(after.map((e) => e.data.notificationId)).toEqual(inbox.map((n) => n.id));
      const items = await t.app.db
        .selectFrom('inbox_items')
        .select('notification_id')
        .where('complaint_id', '=', id)
        .where('event', '=', 'escalated')
        .orderBy('notification_id')
        .execute();
      expect(items.map((i) => i.notification_id)).toEqual(inbox.map((n) => n.id));
      // Every other channel (the robot, e-mail) waits for its send job.
      const others = notices.filter((n) => n.channel !== 'inbox');
      expect(others.some((n) => n.channel === 'robot:ops')).toBe(true);
      const jobs = await t.app.db
        .selectFrom('jobs')
        .select(['key', 'kind', 'state'])
        .where(
          'key',
          'in',
          others.map((n) => `notice:${n.id}`),
        )
        .execute();
      expect(jobs).toHaveLength(others.length);
      expect(jobs.every((j) => j.kind === 'notify.send' && j.state === 'pending')).toBe(true);
      for (const n of notices) {
        expect(n.subject).toContain(number);
        expect(n.body).toContain(number === urgent ? '优先级 P1' : '优先级 P2');
      }
    }
    expect((await verifyChain(t.app.db)).intact).toBe(true);
  });

  it('reminds before it escalates, each notice followed by the reminder in the history', async () => {
    clock.set(shanghai('2026-04-13T10:00:00'));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const number = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
      await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
      await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
        unitId: t.org.unitIds.get('pudong'),
        assigneeId: t.org.userIds.get('handler'),
      });
      numbers.push(number);
    }
    clock.advance(49 * MIN);
    expect(await sweepReminders(t.app)).toBe(3);
    for (const number of numbers) {
      const tail = (await timeline(number)).slice(-2);
      expect(tail.map((e) => e.kind)).toEqual(['notice_sent', 'deadline_reminded']);
      expect(tail[0]?.data).toMatchObject({ event: 'reminder', channel: 'inbox' });
      expect(tail[1]?.data).toMatchObject({
        stage: 'first_response',
        dueAt: iso(shanghai('2026-04-13T11:00:00')),
        owners: [t.org.userIds.get('handler')],
      });
    }
    expect((await verifyChain(t.app.db)).intact).toBe(true);
  });
});
