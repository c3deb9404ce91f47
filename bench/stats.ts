/**
 * Statistics at 1M: the time of `kesu stats rebuild` (rebuildStats) over 1,000,000 complaints on each
 * database (BENCH_STATS_ROWS to change; another number is a trial run) and the longest a write waited
 * meanwhile, then the p95 latency of the
 * analysis page's figures (statsFigures, what GET /stats answers: every breakdown with 环比/同比,
 * stages, remedies, trend and heat map) for a day, a week, the last 30 days and the last whole month,
 * as the admin (the whole organisation) and as the Pudong station handler (their subtree).
 */
import { sql } from 'kysely';
import { type Db, openDatabase } from '../src/db/database.js';
import { fixedClock } from '../src/lib/clock.js';
import { dateKey } from '../src/lib/time.js';
import { loadActor } from '../src/modules/org/actor.js';
import { rebuildStats, statsFigures } from '../src/modules/stats/index.js';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { envRows } from './lib/env-rows.js';
import { type FreshDatabase, freshDatabase } from './lib/kesu.js';
import { writeListDataset } from './list.js';
import { appContext, label, percentile, round, TIME_ZONE } from './search.js';

export const DEFAULT_STATS_ROWS = 1_000_000;
const REPETITIONS = 5;
const DAY = 86_400_000;

export const statsRows = (): number => envRows('BENCH_STATS_ROWS', DEFAULT_STATS_ROWS);

const day = (ms: number) => {
  const k = dateKey(ms, TIME_ZONE);
  return `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}`;
};

function periods(now: number) {
  const today = day(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = day(Date.parse(`${monthStart}T00:00:00+08:00`) - DAY);
  return [
    { name: 'day', from: day(now - DAY), to: day(now - DAY) },
    { name: 'week', from: day(now - 7 * DAY), to: day(now - DAY) },
    { name: '30 days', from: day(now - 30 * DAY), to: day(now - DAY) },
    { name: 'last month', from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd },
  ];
}

/**
 * While `work` runs, a one-row write in its own transaction every 20 ms (as registrations would come):
 * how long the longest of them waited. A rebuild in one transaction kept every write waiting for all of it.
 */
async function longestWriteWait<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; longest: number }> {
  await sql`create table bench_write_probe (id bigint primary key, at bigint not null)`.execute(db);
  let running = true;
  let longest = 0;
  const probe = (async () => {
    for (let i = 1; running; i++) {
      const started = performance.now();
      await db
        .transaction()
        .execute((tx) => sql`insert into bench_write_probe values (${i}, ${Date.now()})`.execute(tx));
      longest = Math.max(longest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  let result: T;
  try {
    result = await work();
  } finally {
    running = false;
    await probe;
  }
  return { result, longest };
}

async function run(ctx: BenchContext): Promise<ModuleOutcome> {
  const rows = statsRows();
  const databases: Record<string, unknown> = {};
  const summary: string[] = [];
  const dbs: Array<{ kind: DbKind; db: FreshDatabase }> = [];
  let ok = true;
  try {
    for (const kind of ctx.options.databases) dbs.push({ kind, db: await freshDatabase(ctx, kind, 'stats') });
    const now = Date.now();
    ctx.log(`stats: writing ${rows} complaints to ${ctx.options.databases.join(' and ')}`);
    await writeListDataset(dbs, rows, now, ctx.log);
    for (const { kind, db } of dbs) {
      const handle = openDatabase(db.url);
      try {
        const app = { ...appContext(handle, kind, db), clock: fixedClock(now) };
        const { result: rebuilt, longest } = await longestWriteWait(app.db, () => rebuildStats(app));
        if (kind === 'postgres') await sql`vacuum (analyze)`.execute(handle.db);
        ctx.log(
          `stats ${kind}: rebuild of ${rebuilt.complaints} complaints in ${rebuilt.seconds.toFixed(1)} s, longest write wait ${round(longest)} ms`,
        );
        const times: number[] = [];
        const shapes: Array<{ shape: string; p95: number }> = [];
        for (const username of ['admin', 'handler']) {
          const user = await app.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirstOrThrow();
          const actor = await loadActor(app.db, user.id);
          if (!actor) throw new Error(`no user ${username}`);
          for (const p of periods(now)) {
            const mine: number[] = [];
            await statsFigures({ ...app, actor }, { from: p.from, to: p.to }); // warm-up
            for (let i = 0; i < REPETITIONS; i++) {
              const started = performance.now();
              await statsFigures({ ...app, actor }, { from: p.from, to: p.to });
              mine.push(performance.now() - started);
            }
            times.push(...mine);
            mine.sort((a, b) => a - b);
            shapes.push({ shape: `${p.name} as ${username}`, p95: round(percentile(mine, 95)) });
          }
        }
        times.sort((a, b) => a - b);
        shapes.sort((a, b) => b.p95 - a.p95);
        const p95 = round(percentile(times, 95));
        databases[kind] = {
          rows,
          rebuildSeconds: round(rebuilt.seconds),
          rebuildLongestWriteMs: round(longest),
          p95,
          shapes,
        };
        for (const s of shapes) ctx.log(`stats ${kind}: ${s.shape}: p95 ${s.p95} ms`);
        summary.push(
          `stats ${label(rows)} ${kind}: p95 ${p95} ms (worst: ${shapes[0]?.shape}), rebuild ${round(rebuilt.seconds)} s (longest write wait ${round(longest)} ms)`,
        );
      } catch (error) {
        ok = false;
        const message = error instanceof Error ? error.message : String(error);
        databases[kind] = { rows, error: message };
        summary.push(`stats ${label(rows)} ${kind}: failed (${message.split('\n')[0]})`);
      } finally {
        await handle.close();
      }
    }
  } finally {
    for (const { db } of dbs) db.remove();
  }
  return { section: { databases }, summary, ok };
}

export const statsBench: BenchModule = { name: 'stats', run };
