import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// 10:00 in Shanghai (02:00 UTC): local midnight is 16:00 UTC of the day before.
const NOW = Date.parse('2026-11-23T10:00:00+08:00');

describe.each(DIALECTS)('the home dashboard on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  const category = (code: string) => t.org.categoryIds.get(code) ?? 0;

  beforeAll(async () => {
    t = await startTestApp(dialect, { clock: fixedClock(NOW) });
    agent = await login(t.http, 'agent');
    const register = async (code: string, receivedAt?: string) =>
      (
        await agent.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, { categoryId: category(code), ...(receivedAt ? { receivedAt } : {}) }),
        )
      ).number as string;
    const assigned = await register('delay.transit');
    // Just after local midnight: today in Shanghai, though still yesterday in UTC.
    const afterMidnight = await register('delay.lastmile', '2026-11-23T00:10:00+08:00');
    const yesterday = await register('lost.whole', '2026-11-22T23:50:00+08:00');
    await register('damage.packaging', '2026-10-01T09:00:00+08:00');

    await agent.ok('POST', `/api/v1/complaints/${assigned}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${assigned}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
    await agent.ok('POST', `/api/v1/complaints/${yesterday}/withdraw`, { reason: '客户已收到包裹，撤诉' });
    await t.app.db
      .updateTable('complaints')
      .set({ due_at: NOW - 60_000 })
      .where('number', '=', afterMidnight)
      .execute();
  });
  afterAll(() => t?.close());

  it('counts what the supervisor may see: today, open, overdue, by status, category and day', async () => {
    const supervisor = await login(t.http, 'supervisor');
    const d = await supervisor.ok('GET', '/api/v1/dashboard');
    // Overdue: the one set so, and the one received on 1 October (its clocks run from the receipt).
    expect(d).toMatchObject({ timeZone: 'Asia/Shanghai', today: 2, open: 3, overdue: 2 });
    const byStatus = Object.fromEntries(
      d.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]),
    );
    expect(byStatus).toEqual({ received: 2, assigned: 1, withdrawn: 1 });
    expect(d.byCategory.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([
      ['delay', 2],
      ['lost', 1],
      ['damage', 1],
    ]);
    expect(d.byCategory[0]).toMatchObject({ nameZh: '延误', nameEn: 'Delay' });
    expect(d.daily).toHaveLength(30);
    expect(d.daily[0].date).toBe('2026-10-25');
    expect(d.daily.at(-1)).toEqual({ date: '2026-11-23', count: 2 });
    expect(d.daily.at(-2)).toEqual({ date: '2026-11-22', count: 1 });
    expect(d.daily.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(3);
  });

  it('shows a handler of another unit only their own unit’s complaints', async () => {
    const handler = await login(t.http, 'handler');
    const d = await handler.ok('GET', '/api/v1/dashboard');
    expect(d).toMatchObject({ today: 1, open: 1, overdue: 0, byStatus: [{ status: 'assigned', count: 1 }] });
    expect(d.byCategory).toMatchObject([{ code: 'delay', count: 1 }]);

    const other = await login(t.http, 'handler2');
    const none = await other.ok('GET', '/api/v1/dashboard');
    expect(none).toMatchObject({ today: 0, open: 0, overdue: 0, byStatus: [], byCategory: [] });
    expect(none.daily.every((x: { count: number }) => x.count === 0)).toBe(true);
  });

  it('sees everything as the executive and refuses an anonymous caller', async () => {
    const executive = await login(t.http, 'executive');
    expect(await executive.ok('GET', '/api/v1/dashboard')).toMatchObject({ today: 2, open: 3 });
    const anonymous = await t.http.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expect(anonymous.statusCode).toBe(401);
  });
});
