import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('lists, filters and queues on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let handler: Client;
  const clock = fixedClock(Date.parse('2026-11-23T02:00:00Z'));
  const numbers: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await login(t.http, 'agent');
    handler = await login(t.http, 'handler');
    const cat = (code: string) => t.org.categoryIds.get(code);
    const specs = [
      { categoryId: cat('delay.transit'), priority: 'P3', channel: 'phone', waybillNo: 'SF1001' },
      { categoryId: cat('delay.lastmile'), priority: 'P1', channel: 'wechat', waybillNo: 'SF1002' },
      { categoryId: cat('damage.contents.fragile'), priority: 'P2', channel: 'phone', waybillNo: 'YT2001' },
      {
        categoryId: cat('lost.whole'),
        priority: 'P4',
        channel: 'regulator',
        referral: { number: 'YZ-2026-0001', authority: '上海市邮政管理局' },
        waybillNo: 'YT2002',
        majorReasons: ['valuables_lost'],
      },
      {
        categoryId: cat('delay.dispatch'),
        priority: 'P3',
        channel: 'email',
        waybillNo: 'ZT3001',
        complainant: { name: '钱', phone: '13912345678' },
      },
    ] as const;
    for (const [i, spec] of specs.entries()) {
      const body = buildComplaint(t.org, {
        ...spec,
        majorReasons: 'majorReasons' in spec ? [...spec.majorReasons] : undefined,
        receivedAt: new Date(clock.now() - (10 - i) * HOUR).toISOString(),
      });
      numbers.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
      clock.advance(60_000);
    }
    await agent.ok('POST', `/api/v1/complaints/${numbers[2]}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${numbers[2]}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
  });
  afterAll(() => t.close());

  const list = async (query: string, by = agent) =>
    (await by.ok('GET', `/api/v1/complaints?${query}`)).items.map((i: { number: string }) => i.number);

  it('lists newest first by default and pages with a cursor without gaps or repeats', async () => {
    expect(await list('')).toEqual([...numbers].reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await agent.ok('GET', `/api/v1/complaints?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i: { number: string }) => i.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...numbers].reverse());
    expect(await list('sort=receivedAt')).toEqual(numbers);
    expect(await list('sort=priority')).toEqual([numbers[1], numbers[2], numbers[3], numbers[0], numbers[4]]);
    const bad = await agent.get('/api/v1/complaints?cursor=nonsense');
    expect(bad.status).toBe(400);
  });

  it('filters by status, priority, grade, category subtree, unit, assignee, channel and time', async () => {
    expect(await list('status=assigned')).toEqual([numbers[2]]);
    // The major complaint was raised from P4 to P2 at registration.
    expect(await list('status=received,assigned&priority=P1,P2')).toEqual([
      numbers[3],
      numbers[2],
      numbers[1],
    ]);
    expect(await list('grade=major')).toEqual([numbers[3]]);
    expect(await list(`categoryId=${t.org.categoryIds.get('delay')}`)).toEqual([
      numbers[4],
      numbers[1],
      numbers[0],
    ]);
    expect(await list(`categoryId=${t.org.categoryIds.get('damage')}`)).toEqual([numbers[2]]);
    expect(await list(`unitId=${t.org.unitIds.get('east')}`)).toEqual([numbers[2]]);
    expect(await list(`assigneeId=${t.org.userIds.get('handler')}`)).toEqual([numbers[2]]);
    expect(await list('channel=phone')).toEqual([numbers[2], numbers[0]]);
    const from = new Date(clock.now() - 8.5 * HOUR).toISOString();
    const to = new Date(clock.now() - 6.5 * HOUR).toISOString();
    expect(await list(`receivedFrom=${from}&receivedTo=${to}`)).toEqual([numbers[3], numbers[2]]);
  });

  it('keeps a unit filter within what the actor may see, inside, above and beside their own unit', async () => {
    const unit = (key: string) => `unitId=${t.org.unitIds.get(key)}`;
    // The station handler: their own unit, a region above it, and the service centre beside it.
    expect(await list(unit('pudong'), handler)).toEqual([numbers[2]]);
    expect(await list(unit('east'), handler)).toEqual([numbers[2]]);
    expect(await list(unit('service'), handler)).toEqual([]);
    // The agent sees the station's complaint only because it was taken in at the service centre.
    expect(await list(unit('pudong'))).toEqual([numbers[2]]);
    expect(await list(unit('service'))).toEqual([numbers[4], numbers[3], numbers[1], numbers[0]]);
  });

  it('shows a handler moved to another station, under their old station, what is still assigned to them', async () => {
    const unit = (key: string) => `unitId=${t.org.unitIds.get(key)}`;
    const nanshan = t.org.unitIds.get('nanshan') as number;
    const pudong = t.org.unitIds.get('pudong') as number;
    const moveHandler = (unitId: number) =>
      t.app.db.updateTable('users').set({ unit_id: unitId }).where('username', '=', 'handler').execute();
    await moveHandler(nanshan);
    try {
      expect(await list(unit('pudong'), handler)).toEqual([numbers[2]]);
      expect(await list(unit('nanshan'), handler)).toEqual([]);
      expect(await list(unit('service'), handler)).toEqual([]);
    } finally {
      await moveHandler(pudong);
    }
  });

  it('finds by complaint number, waybill prefix and phone', async () => {
    expect(await list(`q=${numbers[3]}`)).toEqual([numbers[3]]);
    expect(await list(`q=${numbers[3]?.toLowerCase()}`)).toEqual([numbers[3]]);
    expect(await list('q=SF100')).toEqual([numbers[1], numbers[0]]);
    expect(await list('q=YT2002')).toEqual([numbers[3]]);
    expect(await list('q=13912345678')).toEqual([numbers[4]]);
    expect(await list('q=nothing-like-it')).toEqual([]);
  });

  it('shows a handler their own queue, most urgent first', async () => {
    const mine = await handler.ok('GET', '/api/v1/complaints/mine');
    expect(mine.items.map((i: { number: string }) => i.number)).toEqual([numbers[2]]);
    expect(mine.items[0]).toMatchObject({
      status: 'assigned',
      assignee: { name: '刘处理' },
      unit: { name: '浦东网点' },
    });
    // An agent accepts: their queue is what waits in their unit to be accepted (issue 10), nothing assigned.
    const agents = (await agent.ok('GET', '/api/v1/complaints/mine')).items;
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.every((i: { status: string }) => i.status === 'received')).toBe(true);
  });

  it('pages a station handler through exactly the complaints they may see, in order', async () => {
    for (const n of [numbers[0], numbers[4]]) {
      await agent.ok('POST', `/api/v1/complaints/${n}/accept`);
      await agent.ok('POST', `/api/v1/complaints/${n}/assign`, {
        unitId: t.org.unitIds.get('pudong'),
        assigneeId: t.org.userIds.get('handler'),
      });
    }
    const pages = async (query: string, by = handler) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await by.ok(
          'GET',
          `/api/v1/complaints?limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((i: { number: string }) => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const visible = [numbers[4], numbers[2], numbers[0]];
    expect(await pages('')).toEqual(visible);
    expect(await pages('sort=receivedAt')).toEqual([...visible].reverse());
    expect(await pages('status=assigned')).toEqual(visible);
    expect(await pages(`categoryId=${t.org.categoryIds.get('delay')}`)).toEqual([numbers[4], numbers[0]]);
    expect(await list('', agent)).toEqual([...numbers].reverse());

    // A leaf category (its own index may be walked, list-plan.ts): two more in it, not the handler's.
    const leaf = t.org.categoryIds.get('delay.transit');
    const more: string[] = [];
    for (const waybillNo of ['SF1003', 'SF1004']) {
      clock.advance(60_000);
      const body = buildComplaint(t.org, {
        categoryId: leaf,
        waybillNo,
        receivedAt: new Date(clock.now()).toISOString(),
      });
      more.push((await agent.ok('POST', '/api/v1/complaints', body)).number);
    }
    const inLeaf = [more[1], more[0], numbers[0]];
    expect(await pages(`categoryId=${leaf}`, agent)).toEqual(inLeaf);
    expect(await pages(`categoryId=${leaf}&sort=receivedAt`, agent)).toEqual([...inLeaf].reverse());
    expect(await pages(`categoryId=${leaf}`)).toEqual([numbers[0]]);
    const since = new Date(clock.now() - 30_000).toISOString();
    expect(await pages(`categoryId=${leaf}&receivedFrom=${since}`, agent)).toEqual([more[1]]);
  });
});
