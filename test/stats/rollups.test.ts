import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES, type Status } from '../../src/domain/complaint-model.js';
import { dateKey } from '../../src/lib/time.js';
import { loadActor } from '../../src/modules/org/index.js';
import { followHistory, onTimeByUnit, rebuildStats, statsFigures } from '../../src/modules/stats/index.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { applyStep, evenHistory, type History, historyArb, MIDNIGHT, writeComplaints } from './history.js';
import { ROLLUP_KEYS, runFollowJob, statsWatermark } from './support.js';

const TABLES = ROLLUP_KEYS;
const ORG = -1;

for (const dialect of DIALECTS) {
  describe(`statistics rollups (统计) on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    // Batches of one, a few and the most: any split of the history into transactions counts the same.
    let follows = 0;
    const follow = async () => {
      const batch = [1, 3, 2_000][follows++ % 3];
      while (await t.app.db.transaction().execute((tx) => followHistory(tx, t.app, batch)));
    };

    /** Every rollup row, numbers as numbers, in key order. */
    async function rollups() {
      const out: Record<string, unknown[]> = {};
      for (const [table, keys] of Object.entries(TABLES)) {
        const rows = await t.app.db
          .selectFrom(table as keyof typeof TABLES)
          .selectAll()
          .execute();
        out[table] = rows
          .map((r) =>
            Object.fromEntries(
              Object.entries(r).map(([k, v]) => [
                k,
                typeof v === 'string' && !keys.includes(k as never) ? Number(v) : v,
              ]),
            ),
          )
          .sort((a, b) => {
            const ka = JSON.stringify(keys.map((k) => a[k]));
            const kb = JSON.stringify(keys.map((k) => b[k]));
            return ka < kb ? -1 : ka > kb ? 1 : 0;
          });
      }
      return out;
    }

    /** Figures counted straight from the complaints and their rows. */
    async function directCount() {
      const db = t.app.db;
      const complaints = await db
        .selectFrom('complaints')
        .selectAll()
        .where('merged_into_id', 'is', null)
        .execute();
      const tz = t.app.config.timeZone;
      const byDayUnit = new Map<
        string,
        { complaints: number; closed: number; valid: number; reopens: number }
      >();
      for (const c of complaints) {
        const key = `${dateKey(c.received_at, tz)}:${c.unit_id}`;
        const s = byDayUnit.get(key) ?? { complaints: 0, closed: 0, valid: 0, reopens: 0 };
        s.complaints++;
        if (!OPEN_STATUSES.includes(c.status as Status)) s.closed++;
        if (c.validity === 'valid') s.valid++;
        s.reopens += c.reopen_count;
        byDayUnit.set(key, s);
      }
      const live = new Set(complaints.map((c) => c.id));
      const surveys = (
        await db.selectFrom('satisfaction_surveys').select(['complaint_id', 'recommendation']).execute()
      ).filter((s) => live.has(s.complaint_id));
      const remedies = (
        await db.selectFrom('remedy_proposals').select(['complaint_id', 'amount', 'status']).execute()
      ).filter((r) => live.has(r.complaint_id) && r.status === 'approved');
      const stages = (
        await db.selectFrom('complaint_deadlines').select(['complaint_id', 'met_at', 'due_at']).execute()
      ).filter((d) => live.has(d.complaint_id) && d.met_at !== null);
      return {
        byDayUnit: Object.fromEntries([...byDayUnit].sort()),
        surveys: surveys.length,
        recommendation: surveys.reduce((a, s) => a + s.recommendation, 0),
        remedies: remedies.length,
        amount: remedies.reduce((a, r) => a + r.amount, 0),
        stages: stages.length,
        onTime: stages.filter((d) => Number(d.met_at) <= d.due_at).length,
      };
    }

    function countedFromRollups(r: Record<string, unknown[]>) {
      const rows = (table: keyof typeof TABLES, org = false) =>
        (r[table] as Array<Record<string, number>>).filter((x) => (x.unit_id === ORG) === org);
      const byDayUnit = new Map<
        string,
        { complaints: number; closed: number; valid: number; reopens: number }
      >();
      const at = (row: Record<string, number>) => {
        const key = `${row.day}:${row.unit_id}`;
        const s = byDayUnit.get(key) ?? { complaints: 0, closed: 0, valid: 0, reopens: 0 };
        byDayUnit.set(key, s);
        return s;
      };
      for (const row of rows('stats_totals')) {
        const s = at(row);
        s.complaints += row.complaints ?? 0;
        s.closed += row.closed ?? 0;
        s.reopens += row.reopens ?? 0;
      }
      for (const row of rows('stats_counts'))
        if ((row.dim as unknown) === 'validity' && (row.key as unknown) === 'valid')
          at(row).valid += row.complaints ?? 0;
      const sum = (list: Array<Record<string, number>>, col: string) =>
        list.reduce((a, x) => a + (x[col] ?? 0), 0);
      return {
        byDayUnit: Object.fromEntries([...byDayUnit].sort()),
        surveys: sum(rows('stats_totals'), 'surveys'),
        recommendation: sum(rows('stats_totals'), 'recommendation'),
        remedies: sum(rows('stats_remedies'), 'remedies'),
        amount: sum(rows('stats_remedies'), 'amount'),
        stages: sum(rows('stats_stages'), 'complaints'),
        onTime: sum(rows('stats_stages'), 'on_time'),
      };
    }

    /** The whole organisation's rows are the sums of the units' rows, key by key. */
    function orgRowsAreUnitSums(r: Record<string, unknown[]>) {
      for (const [table, keys] of Object.entries(TABLES)) {
        const summed = new Map<string, Record<string, unknown>>();
        for (const row of r[table] as Array<Record<string, unknown>>) {
          if (row.unit_id === ORG) continue;
          const key = JSON.stringify(keys.map((k) => (k === 'unit_id' ? ORG : row[k])));
          const had = summed.get(key);
          if (!had) summed.set(key, { ...row, unit_id: ORG });
          else
            for (const [k, v] of Object.entries(row))
              if (!keys.includes(k as never)) had[k] = Number(had[k]) + Number(v);
        }
        const org = (r[table] as Array<Record<string, unknown>>).filter((row) => row.unit_id === ORG);
        const key = (row: Record<string, unknown>) => JSON.stringify(keys.map((k) => row[k]));
        expect(new Map(org.map((row) => [key(row), row])), table).toEqual(
          new Map([...summed.values()].map((row) => [key(row), row])),
        );
      }
    }

    /** 各单位及时率 read for every unit at once equals each unit's own figures (what reports showed before). */
    async function onTimeAgreesWithFigures(): Promise<void> {
      const actor = await loadActor(t.app.db, t.org.userIds.get('executive') ?? 0);
      if (!actor) throw new Error('no executive');
      const ctx = { ...t.app, actor };
      const period = { from: '2026-10-01', to: '2027-01-31' };
      const unitIds = [...t.org.unitIds.values()];
      const read = await onTimeByUnit(ctx, period, unitIds);
      for (const unitId of unitIds) {
        const stages = (await statsFigures(ctx, { ...period, unitId })).stages;
        expect(read.get(unitId), `unit ${unitId}`).toEqual({
          met: stages.reduce((n, st) => n + st.met, 0),
          onTime: stages.reduce((n, st) => n + st.onTime, 0),
        });
      }
    }

    async function check(h: History): Promise<void> {
      const ids = await writeComplaints(t.app.db, t.org, h);
      let at = MIDNIGHT + 48 * 3_600_000;
      for (const s of h.steps) {
        at += 60_000;
        if (s.op === 'follow') await follow();
        else await applyStep(t.app.db, t.org, ids, s, at);
      }
      await follow();
      const incremental = await rollups();
      await onTimeAgreesWithFigures();
      const direct = await directCount();
      expect(countedFromRollups(incremental)).toEqual(direct);
      orgRowsAreUnitSums(incremental);
      // Steps this small split the rebuild into many transactions, and a day's sums from the next's.
      await rebuildStats(t.app, { complaints: 3, facts: 2 });
      expect(await rollups()).toEqual(incremental);
      // Following the history again after a rebuild changes nothing.
      await follow();
      expect(await rollups()).toEqual(incremental);
    }

    it('incremental rollups equal the rebuild and a direct count for any history (property)', async () => {
      await fc.assert(fc.asyncProperty(historyArb, check), { numRuns: dialect === 'sqlite' ? 40 : 15 });
    }, 600_000);

    it('rebuilds the rollups on its next run when a migration emptied them (no watermark left)', async () => {
      const ids = await writeComplaints(t.app.db, t.org, {
        complaints: [
          {
            receivedAt: MIDNIGHT + 3_600_000,
            unit: 'pudong',
            channel: 'web',
            priority: 'P2',
            grade: 'general',
            region: null,
            firstContact: true,
            repeat: false,
          },
        ],
        steps: [],
      });
      await follow();
      const counted = await rollups();
      for (const table of ['stats_facts', 'stats_watermarks', ...Object.keys(TABLES)] as const)
        await t.app.db.deleteFrom(table as 'stats_facts').execute();
      await runFollowJob(t.app);
      expect(ids).toHaveLength(1);
      expect(await rollups()).toEqual(counted);
    });

    it('the recurring job catches up with a long history in short transactions, counting what a rebuild counts', async () => {
      const h = evenHistory(450, MIDNIGHT - 225 * 300_000, 300_000);
      const ids = await writeComplaints(t.app.db, t.org, h);
      let at = MIDNIGHT + 48 * 3_600_000;
      for (let i = 0; i < ids.length; i += 9) {
        at += 60_000;
        await applyStep(t.app.db, t.org, ids, { op: 'close', i }, at);
      }
      // More events than one of the job's first transactions takes; a run that stops at its time
      // budget leaves the rest to the next run, which goes on from its watermark.
      const last = Number(
        (
          await t.app.db
            .selectFrom('events')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst()
        )?.id,
      );
      const watermark = () => statsWatermark(t.app.db);
      for (let run = 0; run < 20 && (await watermark()) !== last; run++) await runFollowJob(t.app);
      expect(await watermark()).toBe(last);
      const incremental = await rollups();
      expect(countedFromRollups(incremental)).toEqual(await directCount());
      await rebuildStats(t.app);
      expect(await rollups()).toEqual(incremental);
    }, 120_000);

    it('counts a complaint on the local day of receipt: 23:59:59.999 and 00:00 fall on two days', async () => {
      await check({
        complaints: [
          {
            receivedAt: MIDNIGHT - 1,
            unit: 'pudong',
            channel: 'phone',
            priority: 'P3',
            grade: 'general',
            region: null,
            firstContact: false,
            repeat: false,
          },
          {
            receivedAt: MIDNIGHT,
            unit: 'pudong',
            channel: 'phone',
            priority: 'P3',
            grade: 'general',
            region: null,
            firstContact: false,
            repeat: false,
          },
        ],
        steps: [],
      });
      const days = (
        await t.app.db
          .selectFrom('stats_totals')
          .select('day')
          .where('unit_id', '=', ORG)
          .orderBy('day')
          .execute()
      ).map((r) => Number(r.day));
      expect(days).toEqual([20261130, 20261201]);
    });
  });
}
