/**
 * The customer list (客户档案) at 1M customers: p95 of the first page and the next ones (to the 5th)
 * of each filter the console offers — none, a level, repeat complainants, a name's start, a level
 * with a name's start — as the supervisor, who sees every customer. BENCH_CUSTOMER_ROWS to change
 * the number (another is a trial run). The lists go through `listCustomers`, the function the API uses.
 */
import { sql } from 'kysely';
import { DEFAULT_SQLITE_CACHE_MIB } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { listCustomers } from '../src/modules/customers/queries.js';
import { loadActor } from '../src/modules/org/actor.js';
import { seedDemoOrganisation } from '../src/seed/demo.js';
import type { BenchContext, BenchModule, ModuleOutcome } from './lib/context.js';
import { envRows } from './lib/env-rows.js';
import { freshDatabase } from './lib/kesu.js';
import { appContext, label, percentile, round } from './search.js';

export const DEFAULT_CUSTOMER_ROWS = 1_000_000;
const PAGES = 5;
const REPETITIONS = 5;
const BATCH = 1000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';

/** BENCH_CUSTOMER_ROWS (default 1,000,000): fewer for a quick run. */
export const customerRows = (): number => envRows('BENCH_CUSTOMER_ROWS', DEFAULT_CUSTOMER_ROWS);

/** The filters of the console's customer list; a key account is 1 in 1,000, a VIP 1 in 200. */
const SHAPES: Array<{ name: string; input: Parameters<typeof listCustomers>[1] }> = [
  { name: 'all', input: {} },
  { name: 'level key', input: { level: 'key' } },
  { name: 'level vip', input: { level: 'vip' } },
  { name: 'repeat', input: { repeat: true } },
  { name: 'name 王', input: { q: '王' } },
  { name: 'name 王 + level vip', input: { q: '王', level: 'vip' } },
  { name: 'level key + repeat', input: { level: 'key', repeat: true } },
];

/** `rows` customers with a seeded mix of names, levels and repeat complainants. */
async function writeCustomers(app: AppContext, rows: number, now: number, log: (m: string) => void) {
  let seed = 20261207;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)] ?? '';
  for (let written = 0; written < rows; written += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, rows - written) }, () => {
      const r = random();
      return {
        name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : ''),
        level: r < 0.001 ? 'key' : r < 0.006 ? 'vip' : 'regular',
        tags: '[]',
        addresses: null,
        note: null,
        repeat_complainant: random() < 0.03 ? (1 as const) : (0 as const),
        created_at: now,
        updated_at: now,
      };
    });
    await app.db.insertInto('customers').values(batch).execute();
    if ((written + BATCH) % 200_000 === 0) log(`customers: ${written + BATCH} written`);
  }
}

async function measure(app: AppContext) {
  const user = await app.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'supervisor')
    .executeTakeFirstOrThrow();
  const actor = await loadActor(app.db, user.id);
  if (!actor) throw new Error('no supervisor');
  const results = [];
  const all: number[] = [];
  for (const shape of SHAPES) {
    const times: number[] = [];
    let firstPage = 0;
    for (let round = 0; round <= REPETITIONS; round++) {
      let cursor: string | undefined;
      for (let p = 0; p < PAGES; p++) {
        const started = performance.now();
        const page = await listCustomers({ ...app, actor }, { ...shape.input, cursor });
        // The first round warms the caches and is not counted.
        if (round > 0) times.push(performance.now() - started);
        if (p === 0) firstPage = page.items.length;
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
    }
    all.push(...times);
    times.sort((a, b) => a - b);
    results.push({
      shape: shape.name,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(times.at(-1) ?? 0),
      firstPage,
    });
  }
  all.sort((a, b) => a - b);
  results.sort((a, b) => b.p95 - a.p95);
  return { p95: round(percentile(all, 95)), shapes: results };
}

async function run(ctx: BenchContext): Promise<ModuleOutcome> {
  const rows = customerRows();
  const databases: Record<string, unknown> = {};
  const summary: string[] = [];
  let ok = true;
  for (const kind of ctx.options.databases) {
    const db = await freshDatabase(ctx, kind, 'customers');
    const handle = openDatabase(db.url, { pageCacheMiB: DEFAULT_SQLITE_CACHE_MIB });
    try {
      const app = appContext(handle, kind, db);
      await migrateToLatest(app.db);
      await seedDemoOrganisation(app, 'bench-password');
      ctx.log(`customers ${kind}: writing ${rows} customers`);
      await writeCustomers(app, rows, Date.now(), ctx.log);
      if (kind === 'postgres') await sql`vacuum (analyze) customers`.execute(app.db);
      else await sql`analyze`.execute(app.db);
      const measured = await measure(app);
      databases[kind] = { rows, ...measured };
      for (const s of measured.shapes)
        ctx.log(
          `customers ${kind}: ${s.shape}: p50 ${s.p50} p95 ${s.p95} max ${s.max} ms (${s.firstPage} on page 1)`,
        );
      const worst = measured.shapes[0];
      summary.push(
        `customer list ${label(rows)} ${kind}: p95 ${measured.p95} ms (worst filter: ${worst?.shape}, p95 ${worst?.p95} ms)`,
      );
    } catch (error) {
      ok = false;
      const message = error instanceof Error ? error.message : String(error);
      databases[kind] = { rows, error: message };
      summary.push(`customer list ${label(rows)} ${kind}: failed (${message.split('\n')[0]})`);
    } finally {
      await handle.close();
      db.remove();
    }
  }
  return { section: { databases }, summary, ok };
}

export const customersBench: BenchModule = { name: 'customers', run };
