import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { runForecastCommand } from '../../src/modules/forecast/index.js';
import { rebuildStats } from '../../src/modules/stats/index.js';
import { runTopicsCommand } from '../../src/modules/topics/index.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { FRAUD, history, MIDNIGHT, writeRows } from './support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The clock reads 10:00 local on Tuesday 2026-12-01.
const NOW = MIDNIGHT + 10 * HOUR;

interface TopicView {
  id: number;
  words: string[];
  size: number;
  isNew: boolean;
  inScope: number;
  examples: Array<{ id: number; number: string }>;
}

for (const dialect of DIALECTS) {
  describe(`hot topics and forecasts on ${dialect}`, () => {
    let t: TestApp;
    const clock = fixedClock(NOW);
    let executive: Client;
    let handler: Client;
    let admin: Client;
    let pudongIds: Set<number>;

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      executive = await login(t.http, 'executive');
      handler = await login(t.http, 'handler');
      admin = await login(t.http, 'admin');
      const rows = history();
      const ids = await writeRows(t.app.db, t.org, rows);
      pudongIds = new Set(rows.flatMap((r, i) => (r.unit === 'pudong' ? [ids.get(`KS-T-${i}`) ?? 0] : [])));
      await rebuildStats(t.app);
    });
    afterAll(() => t?.close());

    const fraudTopic = (topics: TopicView[]) => topics.find((x) => x.words.includes('冒充'));

    it('groups the fraud calls into a new topic with their key words, and says so on the command line', async () => {
      const lines = await runTopicsCommand(t.app);
      expect(lines[0]).toMatch(/^hot topics of 2026-12-01: \d+ topics from \d+ complaints$/);
      expect(lines.some((l) => l.startsWith('new and growing:') && l.includes('冒充'))).toBe(true);
      const body = await executive.ok('GET', '/api/v1/topics');
      expect(body.day).toBe('2026-12-01');
      const fraud = fraudTopic(body.topics);
      expect(fraud).toBeDefined();
      if (!fraud) return;
      expect(fraud.words.slice(0, 5)).toEqual(expect.arrayContaining(['冒充', '理赔']));
      expect(fraud.size).toBeGreaterThanOrEqual(8);
      expect(fraud.isNew).toBe(true);
      expect(fraud.examples.length).toBe(5);
      // The new, fast-growing topic raised an early warning (预警) with its words and complaints.
      const warnings = await executive.ok('GET', '/api/v1/warnings?kind=topic');
      const raised = warnings.items.find((w: { scope: { key: string } }) => w.scope.key === String(fraud.id));
      expect(raised).toMatchObject({ kind: 'topic', status: 'open' });
    });

    it('shows a station the topics of its own complaints only, and refuses another station', async () => {
      const body = await handler.ok('GET', '/api/v1/topics');
      const examples = (body.topics as TopicView[]).flatMap((x) => x.examples.map((e) => e.id));
      expect(examples.length).toBeGreaterThan(0);
      for (const id of examples) expect(pudongIds.has(id)).toBe(true);
      expect(fraudTopic(body.topics)).toBeDefined();
      const other = await handler.get(`/api/v1/topics?unitId=${t.org.unitIds.get('nanshan')}`);
      expect(other.status).toBe(403);
    });

    it('does not count a merged duplicate, archived or not, in a topic', async () => {
      const before = fraudTopic((await executive.ok('GET', '/api/v1/topics')).topics);
      const original = await t.app.db
        .selectFrom('complaints')
        .selectAll()
        .where('content', '=', FRAUD[0] ?? '')
        .executeTakeFirstOrThrow();
      const { id, number: _number, ...row } = original;
      for (const [i, status] of (['merged', 'closed'] as const).entries())
        await t.app.db
          .insertInto('complaints')
          .values({ ...row, number: `KS-T-DUP-${i}`, status, merged_into_id: id })
          .execute();
      await runTopicsCommand(t.app);
      const after = fraudTopic((await executive.ok('GET', '/api/v1/topics')).topics);
      expect(after?.size).toBe(before?.size);
    });

    it('keeps a topic’s id the next day', async () => {
      const before = fraudTopic((await executive.ok('GET', '/api/v1/topics')).topics);
      clock.set(NOW + DAY);
      try {
        await runTopicsCommand(t.app);
        const after = await (await login(t.http, 'executive')).ok('GET', '/api/v1/topics');
        expect(after.day).toBe('2026-12-02');
        expect(fraudTopic(after.topics)?.id).toBe(before?.id);
      } finally {
        clock.set(NOW);
      }
    });

    it('forecasts 30 days from today with intervals, fewer on weekends, by category and region', async () => {
      expect(await runForecastCommand(t.app)).toMatch(
        /^forecasts from 2026-12-01: \d+ series, 30 days each$/,
      );
      const f = await executive.ok('GET', '/api/v1/forecast');
      expect(f.total).toHaveLength(30);
      expect(f.total[0].date).toBe('2026-12-01');
      for (const d of f.total) {
        expect(d.lo95).toBeLessThanOrEqual(d.lo80);
        expect(d.lo80).toBeLessThanOrEqual(Math.ceil(d.expected));
        expect(d.hi80).toBeGreaterThanOrEqual(Math.floor(d.expected));
        expect(d.hi95).toBeGreaterThanOrEqual(d.hi80);
      }
      const on = (date: string) => f.total.find((d: { date: string }) => d.date === date).expected;
      // Saturday 2026-12-05 against Tuesday 2026-12-08: the history had 4 a weekend day and 9 a weekday.
      expect(on('2026-12-05')).toBeLessThan(on('2026-12-08') * 0.7);
      expect(on('2026-12-08')).toBeGreaterThan(6);
      expect(f.regions.map((r: { region: string }) => r.region).sort()).toEqual(['上海', '深圳']);
      expect(f.categories.length).toBeGreaterThan(0);
      // Handlers = expected × the working minutes of a complaint ÷ a handler's day: 30 min and 8 h by default…
      expect(f.staffing).toMatchObject({ minutesPerComplaint: 30, hoursPerHandler: 8 });
      expect(f.staffing.days).toHaveLength(30);
      expect(f.staffing.days[0].handlers).toBeCloseTo((f.total[0].expected * 30) / 480, 1);
      // … and what the admin says (the elapsed time of a complaint, mostly waiting, is not its work).
      expect(
        (await executive.put('/api/v1/settings/staffing', { minutesPerComplaint: 90, hoursPerHandler: 6 }))
          .status,
      ).toBe(403);
      const bad = await admin.put('/api/v1/settings/staffing', {
        minutesPerComplaint: 0,
        hoursPerHandler: 6,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].path).toBe('/body/minutesPerComplaint');
      await admin.ok('PUT', '/api/v1/settings/staffing', { minutesPerComplaint: 90, hoursPerHandler: 6 });
      expect(await executive.ok('GET', '/api/v1/settings/staffing')).toEqual({
        minutesPerComplaint: 90,
        hoursPerHandler: 6,
      });
      const after = await executive.ok('GET', '/api/v1/forecast');
      expect(after.staffing.days[0].handlers).toBeCloseTo((after.total[0].expected * 90) / 360, 1);
      const mine = await handler.ok('GET', '/api/v1/forecast');
      expect(mine.total[0].expected).toBeLessThan(f.total[0].expected);
      expect((await handler.get(`/api/v1/forecast?unitId=${t.org.unitIds.get('nanshan')}`)).status).toBe(403);
    });
  });
}
