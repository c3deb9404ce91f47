import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RebuildRunning, rebuildStats, statsCaughtUp } from '../../src/modules/stats/index.js';
import { login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { applyStep, evenHistory, MIDNIGHT, writeComplaints } from './history.js';
import { ROLLUP_KEYS, runFollowJob, statsWatermark } from './support.js';

const ORG = -1;
const COMPLAINTS = 300;

/** 300 complaints over 25 days in four units. */
const history = evenHistory(COMPLAINTS, MIDNIGHT - 25 * 86_400_000, 7_200_000);

for (const dialect of DIALECTS) {
  describe(`kesu stats rebuild in short transactions (统计重算) on ${dialect}`, () => {
    let t: TestApp;
    let ids: number[];
    beforeAll(async () => {
      t = await startTestApp(dialect);
      ids = await writeComplaints(t.app.db, t.org, history);
    });
    afterAll(() => t?.close());

    async function rollups() {
      const out: Record<string, unknown[]> = {};
      for (const [table, keys] of Object.entries(ROLLUP_KEYS)) {
        let q = t.app.db.selectFrom(table as keyof typeof ROLLUP_KEYS).selectAll();
        for (const k of keys) q = q.orderBy(k as never);
        out[table] = await q.execute();
      }
      return out;
    }
    const claim = () =>
      t.app.db.selectFrom('stats_watermarks').selectAll().where('name', '=', 'rebuild').executeTakeFirst();
    const watermark = () => statsWatermark(t.app.db);
    const runJob = () => runFollowJob(t.app);
    const orgComplaints = async () =>
      (
        await t.app.db
          .selectFrom('stats_totals')
          .select((eb) => eb.fn.sum<number>('complaints').as('n'))
          .where('unit_id', '=', ORG)
          .executeTakeFirst()
      )?.n;

    it('lets a write through between its transactions, and the job counts that write afterwards', async () => {
      const order: string[] = [];
      const rebuild = rebuildStats(t.app, { complaints: 10, facts: 10 }).then(() => order.push('rebuild'));
      while (!(await claim())) await new Promise((r) => setTimeout(r, 1));
      // A transfer of the first complaint to another unit, made while the rebuild runs (it is
      // read in the rebuild's first batch): in one transaction, it waited for the whole rebuild.
      await applyStep(t.app.db, t.org, ids, { op: 'transfer', i: 0, unit: 'shanghai' }, t.app.clock.now());
      order.push('write');
      await rebuild;
      expect(order).toEqual(['write', 'rebuild']);
      expect(await claim()).toBeUndefined();
      expect(Number(await orgComplaints())).toBe(COMPLAINTS);
      // What the job then follows gives exactly what a rebuild from scratch gives.
      for (let run = 0; run < 5; run++) await runJob();
      const followed = await rollups();
      await rebuildStats(t.app);
      expect(await rollups()).toEqual(followed);
      const shanghai = t.org.unitIds.get('shanghai');
      const first = await t.app.db
        .selectFrom('stats_facts')
        .select('unit_id')
        .where('complaint_id', '=', ids[0] ?? 0)
        .executeTakeFirstOrThrow();
      expect(first.unit_id).toBe(shanghai);
    }, 60_000);

    it('refuses a second rebuild while one is running, and the job leaves the figures to it', async () => {
      await rebuildStats(t.app);
      const before = await rollups();
      const mark = await watermark();
      await t.app.db
        .insertInto('stats_watermarks')
        .values({ name: 'rebuild', event_id: 42, updated_at: t.app.clock.now() })
        .execute();
      await expect(rebuildStats(t.app)).rejects.toThrow(RebuildRunning);
      await expect(rebuildStats(t.app)).rejects.toThrow(/already running/);
      await applyStep(t.app.db, t.org, ids, { op: 'close', i: 5 }, t.app.clock.now());
      await runJob();
      expect(await watermark()).toBe(mark);
      expect(await rollups()).toEqual(before);
      expect((await claim())?.event_id).toBe(42);
    });

    it('tells the readers of the figures that they are being recounted, and holds back the reports', async () => {
      // The claim of the test before is still held: the analysis page's figures say so.
      const admin = await login(t.http, 'admin');
      const figures = () => admin.ok('GET', '/api/v1/stats?from=2026-11-01&to=2026-12-01');
      expect((await figures()).recounting).toBe(true);
      // A report of a period long past waits: its figures may be part old, part new.
      const lastMonth = t.app.clock.now() - 30 * 86_400_000;
      expect(await statsCaughtUp(t.app.db, lastMonth)).toBe(false);
      const held = await claim();
      await t.app.db.deleteFrom('stats_watermarks').where('name', '=', 'rebuild').execute();
      expect((await figures()).recounting).toBe(false);
      expect(await statsCaughtUp(t.app.db, lastMonth)).toBe(true);
      // Rollups emptied by an upgrade are being recounted too, until the job has rebuilt them.
      const mark = await watermark();
      await t.app.db.deleteFrom('stats_watermarks').where('name', '=', 'complaints').execute();
      expect((await figures()).recounting).toBe(true);
      await t.app.db
        .insertInto('stats_watermarks')
        .values([
          { name: 'complaints', event_id: mark ?? 0, updated_at: t.app.clock.now() },
          { name: 'rebuild', event_id: held?.event_id ?? 42, updated_at: held?.updated_at ?? 0 },
        ])
        .execute();
    });

    it('starts again a rebuild that died on the way (its claim no longer kept)', async () => {
      // A rebuild killed after emptying a day's sums: its claim stays, last kept over a minute ago.
      await t.app.db
        .updateTable('stats_watermarks')
        .set({ updated_at: t.app.clock.now() - 61_000 })
        .where('name', '=', 'rebuild')
        .execute();
      const { day } = await t.app.db
        .selectFrom('stats_totals')
        .select('day')
        .orderBy('day', 'desc')
        .executeTakeFirstOrThrow();
      const ofDay = async () => {
        const all = await rollups();
        return Object.fromEntries(
          Object.entries(all).map(([table, rows]) => [
            table,
            rows.filter((r) => (r as { day: number }).day === day),
          ]),
        );
      };
      const dayBefore = await ofDay();
      expect(dayBefore.stats_totals).not.toHaveLength(0);
      for (const table of Object.keys(ROLLUP_KEYS) as Array<keyof typeof ROLLUP_KEYS>)
        await t.app.db.deleteFrom(table).where('day', '=', day).execute();
      await t.app.db
        .deleteFrom('stats_facts')
        .where('complaint_id', '>', ids[100] ?? 0)
        .execute();
      await runJob();
      expect(await claim()).toBeUndefined();
      expect(await ofDay()).toEqual(dayBefore);
      expect(Number(await orgComplaints())).toBe(COMPLAINTS);
      await runJob();
      const resumed = await rollups();
      await rebuildStats(t.app);
      expect(await rollups()).toEqual(resumed);
      // The close made while the dead rebuild's claim was held is counted.
      const closed = await t.app.db
        .selectFrom('stats_facts')
        .select('closed')
        .where('complaint_id', '=', ids[5] ?? 0)
        .executeTakeFirstOrThrow();
      expect(closed.closed).toBe(1);
    });
  });
}
