import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepProgressNotices } from '../../src/modules/sla/index.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);

describe.each(DIALECTS)('progress notices to the customer on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  // 2026-03-13 is an ordinary Friday.
  const clock = fixedClock(shanghai('2026-03-13T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await tokenClient(t, 'admin');
    agent = await tokenClient(t, 'agent');
    await admin.ok('PUT', '/api/v1/settings/progress-notices', { P1: 1, P2: 2, P3: 2, P4: 0 });
  });
  afterAll(() => t.close());

  /** A complaint accepted now: the acknowledgment is the last notice to the customer. */
  const accepted = async (overrides = {}) => {
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides));
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    return number as string;
  };
  const progressNotices = async (number: string) =>
    t.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select(['notifications.channel', 'notifications.body', 'notifications.created_at'])
      .where('complaints.number', '=', number)
      .where('notifications.event', '=', 'progress_update')
      .orderBy('notifications.id')
      .execute();
  const sweepAt = async (local: string) => {
    clock.set(shanghai(local));
    return sweepProgressNotices(t.app);
  };

  it('tells the customer every 2 working days since the last notice, skipping the weekend, once per period', async () => {
    clock.set(shanghai('2026-03-13T10:00:00'));
    const p3 = await accepted();
    const p1 = await accepted({ priority: 'P1' });
    const p4 = await accepted({ priority: 'P4' });

    // Monday 10:00 is one working day after Friday 10:00: P1 is due, P3 not yet.
    await sweepAt('2026-03-16T10:00:00');
    expect(await progressNotices(p1)).toHaveLength(1);
    expect(await progressNotices(p3)).toHaveLength(0);
    await sweepAt('2026-03-17T09:59:59');
    expect(await progressNotices(p3)).toHaveLength(0);

    // Tuesday 10:00: two working days. Two sweepers at once still send one notice.
    clock.set(shanghai('2026-03-17T10:00:00'));
    await Promise.all([sweepProgressNotices(t.app), sweepProgressNotices(t.app)]);
    await sweepProgressNotices(t.app);
    const [notice, ...more] = await progressNotices(p3);
    expect(more).toHaveLength(0);
    expect(notice?.channel).toBe('sms');
    expect(notice?.body).toContain(p3);
    expect(notice?.body).toContain('已受理');
    const whole = (await agent.ok('GET', `/api/v1/complaints/${p3}`)).deadlines.find(
      (d: { stage: string }) => d.stage === 'whole',
    );
    const expected = new Date(Date.parse(whole.dueAt) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(notice?.body).toContain(expected);
    // The history says the customer was told.
    const timeline = (await agent.ok('GET', `/api/v1/complaints/${p3}/timeline`)).items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'progress_notified')).toHaveLength(1);

    // The next period counts from that notice: Thursday 10:00.
    await sweepAt('2026-03-19T09:59:00');
    expect(await progressNotices(p3)).toHaveLength(1);
    await sweepAt('2026-03-19T10:00:00');
    expect(await progressNotices(p3)).toHaveLength(2);
    // P4 is off.
    expect(await progressNotices(p4)).toHaveLength(0);
  });

  it('counts from any other notice to the customer, and stops when the complaint is finished', async () => {
    clock.set(shanghai('2026-03-23T10:00:00'));
    const told = await accepted();
    const withdrawn = await accepted();
    await agent.ok('POST', `/api/v1/complaints/${withdrawn}/withdraw`, { reason: '客户撤诉' });
    // A message to the customer on Tuesday restarts the count.
    clock.set(shanghai('2026-03-24T15:00:00'));
    await agent.ok('POST', `/api/v1/complaints/${told}/messages`, { body: '我们正在联系网点核实。' });
    await sweepAt('2026-03-25T10:00:00');
    expect(await progressNotices(told)).toHaveLength(0);
    await sweepAt('2026-03-26T15:00:00');
    expect(await progressNotices(told)).toHaveLength(1);
    await sweepAt('2026-04-10T10:00:00');
    expect(await progressNotices(withdrawn)).toHaveLength(0);
  });
});
