import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

interface Item {
  number: string;
  status: string;
  dueAt: string | null;
}

/** Every page of a list, through its cursor. */
async function pages(client: Client, url: string, limit: number): Promise<Item[]> {
  const seen: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Item[]; nextCursor: string | null } = await client.ok(
      'GET',
      `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

/** Urgency order: the nearest deadline first (overdue ones are the nearest), none last; then registration order. */
const byUrgency = (items: Item[], registered: string[]) =>
  [...items].sort((a, b) => {
    if (a.dueAt !== b.dueAt) {
      if (a.dueAt === null) return 1;
      if (b.dueAt === null) return -1;
      return Date.parse(a.dueAt) - Date.parse(b.dueAt);
    }
    return registered.indexOf(a.number) - registered.indexOf(b.number);
  });

describe.each(DIALECTS)('the most urgent first on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let handler: Client;
  const clock = fixedClock(Date.parse('2026-11-23T02:00:00Z'));
  const numbers: string[] = [];
  const register = async (overrides: Parameters<typeof buildComplaint>[1]) => {
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides));
    numbers.push(number);
    clock.advance(7 * MINUTE);
    return number as string;
  };
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await login(t.http, 'agent');
    handler = await login(t.http, 'handler');
    const service = t.org.unitIds.get('service');
    const pudong = t.org.unitIds.get('pudong');
    // Priorities give different acceptance limits; two complaints share a priority, so a deadline.
    for (const priority of ['P4', 'P3', 'P1', 'P2', 'P3', 'P1'] as const)
      await register({ priority, unitId: service });
    await register({ priority: 'P2', firstContact: { reply: reply() } });
    const assigned = await register({ priority: 'P3', unitId: pudong });
    await agent.ok('POST', `/api/v1/complaints/${assigned}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${assigned}/assign`, {
      unitId: pudong,
      assigneeId: t.org.userIds.get('handler'),
    });
    await register({ priority: 'P2', unitId: pudong });
    for (const priority of ['P3', 'P1'] as const) {
      const withdrawn = await register({ priority, unitId: pudong });
      await agent.ok('POST', `/api/v1/complaints/${withdrawn}/withdraw`, { reason: '客户已自行解决' });
      // Archived: no clock runs any more.
      await agent.ok('POST', `/api/v1/complaints/${withdrawn}/archive`, {});
    }
    // Some deadlines have passed by now.
    clock.advance(240 * MINUTE);
  });
  afterAll(() => t.close());

  it('sorts by the nearest running deadline, overdue first and none last, every complaint once a page at a time', async () => {
    const all = await pages(agent, '/api/v1/complaints', 200);
    expect(all).toHaveLength(numbers.length);
    expect(all.filter((i) => i.dueAt === null)).toHaveLength(2);
    expect(all.some((i) => i.dueAt !== null && Date.parse(i.dueAt) < clock.now())).toBe(true);
    const expected = byUrgency(all, numbers).map((i) => i.number);
    for (const limit of [1, 2, 3, 50]) {
      const seen = await pages(agent, '/api/v1/complaints?sort=dueAt', limit);
      expect(seen.map((i) => i.number)).toEqual(expected);
    }
    // A receipt range: the second to the tenth complaint (the first withdrawn one is the only one without a deadline).
    const from = new Date(Date.parse('2026-11-23T02:00:00Z') + 7 * MINUTE).toISOString();
    const to = new Date(Date.parse('2026-11-23T02:00:00Z') + 70 * MINUTE).toISOString();
    const ranged = await pages(
      agent,
      `/api/v1/complaints?sort=dueAt&receivedFrom=${from}&receivedTo=${to}`,
      2,
    );
    const inRange = all.filter((i) => numbers.indexOf(i.number) >= 1 && numbers.indexOf(i.number) <= 9);
    expect(ranged.map((i) => i.number)).toEqual(byUrgency(inRange, numbers).map((i) => i.number));
    expect(ranged.filter((i) => i.dueAt === null)).toHaveLength(1);
    // Every one of them is in one leaf category: its list is the same, the ones without a deadline last.
    const leaf = t.org.categoryIds.get('delay.transit');
    const inLeaf = await pages(handler, `/api/v1/complaints?sort=dueAt&categoryId=${leaf}`, 1);
    const handlers = await pages(handler, '/api/v1/complaints?sort=dueAt', 50);
    expect(handlers.map((i) => i.number)).toEqual(byUrgency(handlers, numbers).map((i) => i.number));
    expect(inLeaf.map((i) => i.number)).toEqual(handlers.map((i) => i.number));
    expect(inLeaf.filter((i) => i.dueAt === null).length).toBeGreaterThan(0);
    const open = await pages(agent, '/api/v1/complaints?sort=dueAt&status=received', 2);
    expect(open.map((i) => i.number)).toEqual(
      byUrgency(
        all.filter((i) => i.status === 'received'),
        numbers,
      ).map((i) => i.number),
    );
  });

  it("shows an agent's queue the complaints waiting in their unit to be accepted, most urgent first", async () => {
    const all = await pages(agent, '/api/v1/complaints', 200);
    const mine = await pages(agent, '/api/v1/complaints/mine', 2);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.status === 'received')).toBe(true);
    // The six registered in the agent's own unit; not the one waiting in Pudong, nor the resolved one.
    expect(mine.map((i) => i.number)).toEqual(
      byUrgency(
        all.filter((i) => numbers.indexOf(i.number) < 6),
        numbers,
      ).map((i) => i.number),
    );
  });

  it("keeps a handler's queue to what is assigned to them: a handler does not accept", async () => {
    const mine = await pages(handler, '/api/v1/complaints/mine', 1);
    expect(mine.map((i) => i.number)).toEqual([numbers[7]]);
  });

  it('pages the overdue and the soon due in urgency order, and never a complaint without a deadline', async () => {
    // Last: it registers two more, whose deadlines are still ahead.
    await register({ priority: 'P1', unitId: t.org.unitIds.get('pudong') });
    await register({ priority: 'P4', unitId: t.org.unitIds.get('pudong') });
    const all = await pages(agent, '/api/v1/complaints', 200);
    const now = clock.now();
    const overdue = all.filter((i) => i.dueAt !== null && Date.parse(i.dueAt) <= now);
    expect(overdue.length).toBeGreaterThan(1);
    expect(
      (await pages(agent, '/api/v1/complaints?sort=dueAt&overdue=true', 1)).map((i) => i.number),
    ).toEqual(byUrgency(overdue, numbers).map((i) => i.number));
    const soon = all.filter(
      (i) => i.dueAt !== null && Date.parse(i.dueAt) > now && Date.parse(i.dueAt) <= now + 100_000 * MINUTE,
    );
    expect(soon.length).toBeGreaterThan(0);
    expect(
      (await pages(agent, '/api/v1/complaints?sort=dueAt&dueWithin=100000', 1)).map((i) => i.number),
    ).toEqual(byUrgency(soon, numbers).map((i) => i.number));
  });
});
