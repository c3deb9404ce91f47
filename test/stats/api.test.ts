import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followHistory } from '../../src/modules/stats/index.js';
import { cookieOf, download, readXlsx } from '../spreadsheets/support.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { applyStep, type History, MIDNIGHT, writeComplaints } from './history.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const base = { priority: 'P3', grade: 'general', region: null, firstContact: false, repeat: false } as const;
// 2026-12-01 (local): three in Pudong (one by wechat, one merged away and archived), one in Nanshan; 2026-11-30: two; 2025-12-01: one.
const history: History = {
  complaints: [
    { ...base, receivedAt: MIDNIGHT + 9 * HOUR, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT + 10 * HOUR, unit: 'pudong', channel: 'wechat', repeat: true },
    { ...base, receivedAt: MIDNIGHT, unit: 'nanshan', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT + 11 * HOUR, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT - 1, unit: 'pudong', channel: 'phone' },
    { ...base, receivedAt: MIDNIGHT - 5 * HOUR, unit: 'nanshan', channel: 'web' },
    { ...base, receivedAt: MIDNIGHT - 365 * DAY + HOUR, unit: 'pudong', channel: 'phone' },
  ],
  steps: [],
};
const TODAY = 'from=2026-12-01&to=2026-12-01';

for (const dialect of DIALECTS) {
  describe(`statistics API (统计) on ${dialect}`, () => {
    let t: TestApp;
    const as: Record<string, Client> = {};
    const u = (username: string): Client => {
      const c = as[username];
      if (!c) throw new Error(`${username} is not signed in`);
      return c;
    };
    const unit = (key: string) => t.org.unitIds.get(key) ?? 0;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      for (const name of ['admin', 'executive', 'handler', 'handler2']) as[name] = await login(t.http, name);
      const ids = await writeComplaints(t.app.db, t.org, history);
      await applyStep(t.app.db, t.org, ids, { op: 'merge', i: 3, into: 0 }, MIDNIGHT + 30 * HOUR);
      // The duplicate is archived after its merge: still not counted, and not listed behind a figure.
      await t.app.db
        .updateTable('complaints')
        .set({ status: 'closed', closed_at: MIDNIGHT + 31 * HOUR })
        .where('id', '=', ids[3] ?? 0)
        .execute();
      await applyStep(
        t.app.db,
        t.org,
        ids,
        { op: 'judge', i: 0, validity: 'valid', liable: 'company' },
        MIDNIGHT + 31 * HOUR,
      );
      while (await t.app.db.transaction().execute((tx) => followHistory(tx, t.app)));
    });
    afterAll(() => t?.close());

    it('counts a period with the previous period (环比) and the same days last year (同比)', async () => {
      const f = await u('executive').ok('GET', `/api/v1/stats?${TODAY}`);
      expect(f.period).toEqual({ from: '2026-12-01', to: '2026-12-01' });
      expect(f.previous).toEqual({ from: '2026-11-30', to: '2026-11-30' });
      expect(f.lastYear).toEqual({ from: '2025-12-01', to: '2025-12-01' });
      expect(f.totals).toMatchObject({ complaints: 3, previous: 2, lastYear: 1, change: 0.5, yearChange: 2 });
      expect(f.totals).toMatchObject({ valid: 1, validRate: 1, repeat: 1 });
      const channel = Object.fromEntries(
        f.breakdowns.channel.map((b: { key: string; complaints: number; previous: number }) => [
          b.key,
          [b.complaints, b.previous],
        ]),
      );
      expect(channel).toEqual({ phone: [2, 1], wechat: [1, 0], web: [0, 1] });
      expect(f.trend).toEqual([expect.objectContaining({ day: '2026-12-01', complaints: 3 })]);
      // 09:00, 10:00 and 00:00 local on a Tuesday
      expect(f.heatmap).toEqual([
        { weekday: 2, hour: 0, complaints: 1 },
        { weekday: 2, hour: 9, complaints: 1 },
        { weekday: 2, hour: 10, complaints: 1 },
      ]);
    });

    it('shows a station its own subtree only', async () => {
      const mine = await u('handler').ok('GET', `/api/v1/stats?${TODAY}`);
      expect(mine.unit.name).toBe('浦东网点');
      expect(mine.totals).toMatchObject({ complaints: 2, previous: 1 });
      const other = await u('handler').get(`/api/v1/stats?${TODAY}&unitId=${unit('nanshan')}`);
      expect(other.status).toBe(403);
      const east = await u('executive').ok('GET', `/api/v1/stats?${TODAY}&unitId=${unit('east')}`);
      expect(east.totals.complaints).toBe(2);
      const bad = await u('executive').get('/api/v1/stats?from=2026-02-30');
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].path).toBe('/querystring/from');
      // A year outside 2000–2099 is refused the same way (590 has no year before it worth comparing).
      const ancient = await u('executive').get('/api/v1/stats?from=0590-10-28');
      expect([ancient.status, ancient.body.fields[0].code]).toEqual([400, 'bad_day']);
    });

    it('gives each bucket the list filters that list exactly the complaints it counts', async () => {
      const f = await u('admin').ok('GET', `/api/v1/stats?${TODAY}`);
      const buckets = [
        ...f.breakdowns.channel,
        ...f.breakdowns.unit,
        ...f.breakdowns.category,
        ...f.breakdowns.priority,
        ...f.breakdowns.repeat,
        ...f.trend,
      ].filter((b) => b.drill && b.complaints > 0);
      expect(buckets.length).toBeGreaterThan(5);
      for (const b of buckets) {
        const query = new URLSearchParams(
          Object.entries(b.drill).map(([k, v]) => [k, String(v)]) as Array<[string, string]>,
        );
        const list = await u('admin').ok('GET', `/api/v1/complaints?${query}&limit=200`);
        expect(list.items.length, `${b.key ?? b.day}`).toBe(b.complaints);
      }
      // The archived duplicate is listed by its own filter.
      const merged = await u('admin').ok('GET', '/api/v1/complaints?merged=true&status=closed');
      expect(merged.items.map((c: { number: string }) => c.number)).toHaveLength(1);
    });

    it('exports a table as xlsx with the figures', async () => {
      const res = await download(
        t.http,
        await cookieOf(t.http, 'admin'),
        `/api/v1/stats/table.xlsx?${TODAY}&table=channel`,
      );
      expect(res.status).toBe(200);
      const rows = await readXlsx(res.body);
      expect(rows[0]).toEqual(['项目', '名称', '投诉量', '占比 %', '上期', '环比 %', '去年同期', '同比 %']);
      expect(rows).toContainEqual(['phone', 'phone', '2', '66.7', '1', '100', '1', '100']);
    });
  });
}
