/**
 * Lists at 1M: p95 latency of every filter and sort of the workbench over 1,000,000 complaints on each
 * database (BENCH_LIST_ROWS to change; another number is a trial run), first page and the next ones
 * (following nextCursor to the 5th), as the supervisor (sees everything) and as the Pudong station
 * handler (sees the few complaints of their station). The complaints are the search benchmark's, with
 * the workflow columns of `lib/list-dataset.ts`; the lists go through `listComplaints`, the function
 * the API uses.
 */
import { sql } from 'kysely';
import { DEFAULT_SQLITE_CACHE_MIB } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { fixedClock } from '../src/lib/clock.js';
import { listComplaints } from '../src/modules/complaints/queries.js';
import { loadActor } from '../src/modules/org/actor.js';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { envRows } from './lib/env-rows.js';
import { type FreshDatabase, freshDatabase } from './lib/kesu.js';
import { listWorkflow } from './lib/list-dataset.js';
import { listShapes, type Shape } from './list-shapes.js';
import { appContext, label, type Org, percentile, round, writeGeneratedDataset } from './search.js';

export const DEFAULT_LIST_ROWS = 1_000_000;
const ACTORS = ['supervisor', 'handler'];
const PAGES = 5;
const REPETITIONS = 5;
/** A shape slower than this on its first round is measured once more only (the run stays bounded). */
const SLOW_MS = 300;

/** BENCH_LIST_ROWS (default 1,000,000): fewer for a quick run. */
export const listRows = (): number => envRows('BENCH_LIST_ROWS', DEFAULT_LIST_ROWS);

/** Writes `rows` generated complaints to each database (schema and demo organisation first). */
export async function writeListDataset(
  dbs: Array<{ kind: DbKind; db: FreshDatabase }>,
  rows: number,
  now: number,
  log: (message: string) => void,
): Promise<Org> {
  const [org] = await writeGeneratedDataset(dbs, rows, {
    now,
    log: (n) => log(`list: ${n} written`),
    shape: (o) => listWorkflow(o, now),
  });
  return org as Org;
}

export interface ShapeResult {
  shape: string;
  actor: string;
  p50: number;
  p95: number;
  max: number;
  samples: number;
  /** Items on the first page: that the shape finds something. */
  firstPage: number;
}

/** Pages 1..PAGES of one shape for one actor, `rounds` times; the time of each page. */
async function pageTimes(app: AppContext, actorName: string, shape: Shape, rounds: number) {
  const user = await app.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', actorName)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(app.db, user.id);
  if (!actor) throw new Error(`no user ${actorName}`);
  const times: number[] = [];
  let firstPage = 0;
  for (let round = 0; round < rounds; round++) {
    let cursor: string | undefined;
    for (let p = 0; p < PAGES; p++) {
      const started = performance.now();
      const page = await listComplaints({ ...app, actor }, { ...shape.input, cursor }, { mine: shape.mine });
      const ms = performance.now() - started;
      times.push(ms);
      if (p === 0) firstPage = page.items.length;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      if (round === 0 && ms > SLOW_MS) rounds = 2;
    }
  }
  return { times, firstPage };
}

/** Every shape (or those whose name contains `only`) as every actor: p50, p95 and max per shape, and all the times for the overall p95. */
export async function measureShapes(app: AppContext, org: Org, now: number, only?: string) {
  const shapes = listShapes(org, now).filter((s) => !only || s.name.includes(only));
  const results: ShapeResult[] = [];
  const all: number[] = [];
  for (const actorName of ACTORS) {
    for (const shape of shapes) {
      await pageTimes(app, actorName, shape, 1); // warm-up
      const { times, firstPage } = await pageTimes(app, actorName, shape, REPETITIONS);
      all.push(...times);
      times.sort((a, b) => a - b);
      results.push({
        shape: shape.name,
        actor: actorName,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        max: round(times.at(-1) ?? 0),
        samples: times.length,
        firstPage,
      });
    }
  }
  all.sort((a, b) => a - b);
  results.sort((a, b) => b.p95 - a.p95);
  return { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), shapes: results };
}

async function run(ctx: BenchContext): Promise<ModuleOutcome> {
  const rows = listRows();
  const databases: Record<string, unknown> = {};
  const summary: string[] = [];
  const dbs: Array<{ kind: DbKind; db: FreshDatabase }> = [];
  let ok = true;
  try {
    for (const kind of ctx.options.databases) dbs.push({ kind, db: await freshDatabase(ctx, kind, 'list') });
    const started = performance.now();
    const now = Date.now();
    ctx.log(`list: writing ${rows} complaints to ${ctx.options.databases.join(' and ')}`);
    const org = await writeListDataset(dbs, rows, now, ctx.log);
    const setupSeconds = Math.round((performance.now() - started) / 100) / 10;
    for (const { kind, db } of dbs) {
      // As `kesu serve` opens it (its page cache on SQLite).
      const handle = openDatabase(db.url, { pageCacheMiB: DEFAULT_SQLITE_CACHE_MIB });
      try {
        const app = { ...appContext(handle, kind, db), clock: fixedClock(now) };
        // As autovacuum leaves a table that is mostly read: its pages marked all-visible, so that an
        // index carrying a list's columns answers it alone (index-only scans; see ADR 0020).
        if (kind === 'postgres') {
          await sql`vacuum (analyze) complaints`.execute(handle.db);
          // The load and the vacuum leave the buffer pool dirty: flushed now, as the checkpoints of a
          // running server would have, not by the measured reads that evict them.
          await sql`checkpoint`.execute(handle.db);
        }
        const measured = await measureShapes(app, org, now, process.env.BENCH_LIST_SHAPES);
        const worst = measured.shapes[0];
        databases[kind] = { rows, setupSeconds, ...measured };
        for (const s of measured.shapes.slice(0, 10))
          ctx.log(`list ${kind}: ${s.shape} as ${s.actor}: p50 ${s.p50} p95 ${s.p95} max ${s.max} ms`);
        summary.push(
          `list ${label(rows)} ${kind}: p95 ${measured.p95} ms (worst filter: ${worst?.shape} as ${worst?.actor}, p95 ${worst?.p95} ms)`,
        );
      } catch (error) {
        ok = false;
        const message = error instanceof Error ? error.message : String(error);
        databases[kind] = { rows, error: message };
        summary.push(`list ${label(rows)} ${kind}: failed (${message.split('\n')[0]})`);
      } finally {
        await handle.close();
      }
    }
  } finally {
    for (const { db } of dbs) db.remove();
  }
  return { section: { databases }, summary, ok };
}

export const listBench: BenchModule = { name: 'list', run };
