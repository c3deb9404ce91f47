/**
 * The SLA sweep benchmark's worker: one database, in its own process (bench/sla-sweep.ts starts it
 * with `node --import tsx`). Kesu runs in-process from src/ with a fixed clock: a fresh migrated
 * database with the demo organisation, the bulk-written open complaints (lib/sla-dataset.ts), then
 * the sweeps at the instants of the timeline, the measured `sweepBreaches` among them, and the checks.
 * See bench/README.md "SLA sweep".
 *
 * Also usable on its own (creates its own SQLite file or throwaway PostgreSQL):
 *
 *   npx tsx bench/sla-sweep-worker.ts [sqlite|postgres]
 *
 * Environment: SLA_DATABASE_URL (else a fresh one), SLA_OPEN (100000), SLA_BREACHES (10000),
 * SLA_WARMUP (500), SLA_RESULT_FILE (JSON result), SLA_CPU_PROFILE (write a .cpuprofile of the
 * measured sweep there), SLA_QUERIES=measured (record statements during the measured sweep instead
 * of the warm-up sweep), SLA_CACHE=<dir> (SQLite: keep the set-up database there for the next run,
 * sla-sweep-cache.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DEFAULT_SQLITE_CACHE_MIB } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock } from '../src/lib/clock.js';
import { verifyChain } from '../src/modules/audit/index.js';
import { sweepBreaches, sweepReminders } from '../src/modules/sla/sweep.js';
import { seedDemoOrganisation } from '../src/seed/demo.js';
import { createDatabase, startPostgres } from '../test/support/postgres-server.js';
import type { DbKind } from './lib/context.js';
import { formatWaits, samplePgWaits, type WaitSample } from './lib/pg-waits.js';
import { type Dataset, type DatasetSpec, loadDataset } from './lib/sla-dataset.js';
import { formatSqlSummary, instrumentDriver, SqlStats, type SqlSummary } from './lib/sql-stats.js';
import { restoreDataset, storeDataset } from './sla-sweep-cache.js';

/** Tuesday 2026-11-24 15:00 in Asia/Shanghai: a working day, so working-time clocks run. */
const SWEEP_NOW = Date.parse('2026-11-24T15:00:00+08:00');

export interface SweepPhase {
  /** What the sweep returned: deadlines reminded or breached. */
  count: number;
  seconds: number;
  /**
   * CPU seconds of this process (user + system) during the sweep: on SQLite all of the work, on
   * PostgreSQL Node's share. Less sensitive than `seconds` to other work on the machine.
   */
  cpuSeconds: number;
}

export interface SlaWorkerResult {
  db: DbKind;
  rows: number;
  breaches: number;
  /** The measured `sweepBreaches`: wall seconds, and milliseconds per breach. */
  seconds: number;
  perBreachMs: number;
  /** `select 1` through Kysely just before the measured sweep: on PostgreSQL the round trip. */
  trivialStatementMs: number;
  /** Migrate + demo organisation + bulk load + settle. */
  setupSeconds: number;
  setup: { schemaSeconds: number; loadSeconds: number; settleSeconds: number };
  /** verifyChain over the whole history after the sweep. */
  verifySeconds: number;
  chain: { intact: boolean; events: number; streams?: number; detail?: unknown };
  phases: {
    warmupReminders: SweepPhase;
    warmupBreaches: SweepPhase;
    reminders: SweepPhase;
    breaches: SweepPhase;
    remindersAfter: SweepPhase;
  };
  dataset: { firstId: number; warmup: number; deadlines: number; events: number; now: string };
  checks: Record<string, { expected: number; actual: number }>;
  /** Notices the measured sweep wrote. */
  notices: { notifications: number; inboxItems: number; jobs: number; noticeEvents: number };
  /** Statements per breach, recorded during the warm-up sweep (or the measured one). */
  statements: SqlSummary & { recordedDuring: 'warmup' | 'measured' | 'off' };
  /** Statements per reminder, recorded during the warm-up reminder sweep. */
  reminderStatements: SqlSummary;
  problems: string[];
  peakRssMb: number;
  profileFile?: string;
  pgWaits?: WaitSample[];
}

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
};
const seconds = (ms: number) => Math.round(ms) / 1000;
const started = performance.now();
/** Run by sla-sweep.ts (a result file wanted), the parent stamps the lines with its own clock. */
const log = (message: string) => {
  const rss = `${Math.round(process.memoryUsage.rss() / 1048576)} MB`;
  console.log(
    process.env.SLA_RESULT_FILE
      ? `${message} [rss ${rss}]`
      : `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s ${rss.padStart(7)}] ${message}`,
  );
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

async function count(app: AppContext, query: string): Promise<number> {
  const res = await sql<{ n: number | string }>`${sql.raw(query)}`.execute(app.db);
  return Number(res.rows[0]?.n ?? 0);
}

/** After a bulk write: what a database left alone for a while looks like (checkpointed, analysed). */
async function settle(app: AppContext): Promise<void> {
  if (app.dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(app.db);
  else {
    await sql`vacuum analyze`.execute(app.db);
    await sql`checkpoint`.execute(app.db);
  }
}

async function main(): Promise<void> {
  const kind = (process.env.SLA_DB ?? process.argv[2] ?? 'sqlite') as DbKind;
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`unknown database ${kind}`);
  const open = num('SLA_OPEN', 100_000);
  const breaches = num('SLA_BREACHES', 10_000);
  const warmup = num('SLA_WARMUP', 500);
  const q = process.env.SLA_QUERIES ?? 'warmup';
  if (q !== 'warmup' && q !== 'measured' && q !== 'off')
    throw new Error(`SLA_QUERIES must be warmup, measured or off, got ${q}`);
  const queriesDuring: 'warmup' | 'measured' | 'off' = q;

  // Standalone: a database of our own.
  let tmp: string | undefined;
  let server: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let url = process.env.SLA_DATABASE_URL;
  if (!url) {
    if (kind === 'sqlite') {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'kesu-sla-sweep-'));
      url = `sqlite:${path.join(tmp, 'kesu.db')}`;
    } else {
      log('starting a throwaway PostgreSQL');
      server = await startPostgres();
      url = await createDatabase(server.url, 'bench_sla_sweep');
    }
  }
  try {
    const result = await measure(kind, url, { open, breaches, warmup, queriesDuring });
    if (process.env.SLA_RESULT_FILE)
      writeFileSync(process.env.SLA_RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    if (result.problems.length) {
      for (const p of result.problems) log(`PROBLEM: ${p}`);
      process.exitCode = 1;
    }
  } finally {
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

async function measure(
  kind: DbKind,
  url: string,
  o: { open: number; breaches: number; warmup: number; queriesDuring: 'warmup' | 'measured' | 'off' },
): Promise<SlaWorkerResult> {
  // Before the database opens: Kesu caches prepared SQLite statements.
  const stats = o.queriesDuring === 'off' ? new SqlStats() : instrumentDriver(kind);
  const clock = fixedClock(SWEEP_NOW - 3 * 60 * 60_000);
  const spec: DatasetSpec = { open: o.open, breaches: o.breaches, warmup: o.warmup, now: SWEEP_NOW };
  const cacheDir = kind === 'sqlite' ? process.env.SLA_CACHE : undefined;
  const file = url.slice('sqlite:'.length);
  const restored = cacheDir ? restoreDataset(cacheDir, spec, file) : undefined;
  // As `kesu serve` and `kesu worker` open it (WAL checkpoints in a thread of their own).
  // As `kesu worker` opens it.
  const handle = openDatabase(url, { backgroundCheckpoints: true, pageCacheMiB: DEFAULT_SQLITE_CACHE_MIB });
  const problems: string[] = [];
  try {
    const app: AppContext = {
      db: handle.db,
      dialect: handle.dialect,
      clock,
      config: {
        timeZone: 'Asia/Shanghai',
        secret: Buffer.alloc(32, 7),
        publicUrl: 'http://127.0.0.1',
        dataDir: os.tmpdir(),
      },
    };

    // Setup.
    if (restored) log(`${kind}: the set-up database from the cache (${cacheDir})`);
    const [data, schemaMs, loadMs]: [Dataset, number, number] = restored
      ? [restored, 0, 0]
      : await (async () => {
          log(`${kind}: migrating, seeding the demo organisation`);
          const [org, schema] = await timed(async () => {
            await migrateToLatest(handle.db);
            return seedDemoOrganisation(app, 'bench-password');
          });
          log(
            `${kind}: writing ${o.open} open complaints (${o.breaches} to breach) + ${o.warmup} for the warm-up`,
          );
          const [written, load] = await timed(() => loadDataset(app, org, spec, log));
          return [written, schema, load];
        })();
    const [, settleMs] = await timed(() => settle(app));
    if (cacheDir && !restored) storeDataset(cacheDir, spec, file, data);
    const setupMs = schemaMs + loadMs + settleMs;
    log(
      `${kind}: setup ${seconds(setupMs)} s (schema + demo ${seconds(schemaMs)} s, ` +
        `${data.rows.complaints} complaints / ${data.rows.deadlines} deadlines / ${data.rows.events} events ` +
        `${seconds(loadMs)} s, settle ${seconds(settleMs)} s)`,
    );
    const tl = data.timeline;

    const phase = async (at: number, what: string, fn: () => Promise<number>, expected: number) => {
      clock.set(at);
      const cpu = process.cpuUsage();
      const [n, ms] = await timed(fn);
      const { user, system } = process.cpuUsage(cpu);
      const cpuSeconds = seconds((user + system) / 1000);
      log(`${kind}: ${what}: ${n} in ${seconds(ms)} s (cpu ${cpuSeconds} s)`);
      if (n !== expected) problems.push(`${what}: ${n}, expected ${expected}`);
      return { count: n, seconds: seconds(ms), cpuSeconds };
    };

    // Warm-up: the small set's reminders and breaches (JIT, statement caches, pool), statements counted.
    stats.recording = o.queriesDuring !== 'off';
    const warmupReminders = await phase(
      tl.warmupRemind,
      'warm-up reminder sweep',
      () => sweepReminders(app),
      o.warmup,
    );
    stats.recording = false;
    const reminderStatements = stats.summary(warmupReminders.count, 25);
    stats.reset();
    if (o.queriesDuring !== 'off')
      log(
        `${kind}: reminder sweep: ${reminderStatements.statementsPerUnit} statements per reminder, ` +
          `${reminderStatements.dbMsPerUnit} ms per reminder in the driver (warm-up sweep)`,
      );
    stats.recording = o.queriesDuring === 'warmup';
    const warmupBreaches = await phase(
      tl.warmupDue,
      'warm-up breach sweep',
      () => sweepBreaches(app),
      o.warmup,
    );
    stats.recording = false;

    // The reminders of the deadlines about to breach, as the every-minute sweep sends them (measured too).
    const reminders = await phase(tl.breachRemind, 'reminder sweep', () => sweepReminders(app), o.breaches);
    await settle(app);

    // The machine's state just before: one trivial statement's time through Kesu's stack (Kysely and
    // the driver; on PostgreSQL the round trip, which varies with the host's load).
    const probes = 2000;
    const [, probeMs] = await timed(async () => {
      for (let i = 0; i < probes; i++) await sql`select 1`.execute(app.db);
    });
    const trivialStatementMs = Math.round((1000 * probeMs) / probes) / 1000;
    log(`${kind}: a trivial statement takes ${trivialStatementMs} ms`);

    // The measured sweep.
    const profileFile = process.env.SLA_CPU_PROFILE;
    let session: Session | undefined;
    if (profileFile) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const sampler = profileFile && kind === 'postgres' ? await samplePgWaits(url) : undefined;
    stats.recording = o.queriesDuring === 'measured';
    const measured = await phase(tl.now, 'BREACH SWEEP', () => sweepBreaches(app), o.breaches);
    stats.recording = false;
    let pgWaits: WaitSample[] | undefined;
    if (sampler) {
      pgWaits = (await sampler.stop()).top;
      for (const line of formatWaits(pgWaits)) log(`${kind} pg waits: ${line}`);
    }
    if (session && profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      session.disconnect();
    }
    const statementUnits = o.queriesDuring === 'warmup' ? warmupBreaches.count : measured.count;
    const statements = { ...stats.summary(statementUnits, 25), recordedDuring: o.queriesDuring };
    log(
      `${kind}: ${statements.statementsPerUnit} statements per breach, ` +
        `${statements.dbMsPerUnit} ms per breach in the driver (${o.queriesDuring} sweep)`,
    );
    for (const line of formatSqlSummary(statements, 'breach', 130)) log(`  ${line}`);

    // Nothing left to remind.
    const remindersAfter = await phase(tl.now, 'reminder sweep after', () => sweepReminders(app), 0);

    // Checks.
    const now = tl.now;
    const last = data.firstId + o.open - 1;
    const inSet = `id between ${data.firstId} and ${last}`;
    const checks: SlaWorkerResult['checks'] = {
      escalatedNow: {
        expected: o.breaches,
        actual: await count(
          app,
          `select count(*) as n from complaints where escalation_level = 1 and updated_at = ${now}`,
        ),
      },
      escalatedBreachers: {
        expected: o.breaches,
        actual: await count(
          app,
          `select count(*) as n from complaints where escalation_level = 1 and ${inSet} and (id - ${data.firstId}) % ${data.stride} = ${data.breachResidue}`,
        ),
      },
      escalatedAll: {
        expected: o.breaches + o.warmup,
        actual: await count(app, 'select count(*) as n from complaints where escalation_level > 0'),
      },
      raisedToP2Now: {
        expected: o.breaches,
        actual: await count(
          app,
          `select count(*) as n from complaints where priority = 'P2' and updated_at = ${now}`,
        ),
      },
      escalatedEventsNow: {
        expected: o.breaches,
        actual: await count(app, `select count(*) as n from events where kind = 'escalated' and at = ${now}`),
      },
      deadlinesBreachedNow: {
        expected: o.breaches,
        actual: await count(app, `select count(*) as n from complaint_deadlines where breached_at = ${now}`),
      },
      remindedBeforeBreach: {
        expected: o.breaches,
        actual: await count(
          app,
          `select count(*) as n from complaint_deadlines where breached_at = ${now} and reminded_at = ${tl.breachRemind}`,
        ),
      },
    };
    for (const [name, c] of Object.entries(checks))
      if (c.actual !== c.expected) problems.push(`${name}: ${c.actual}, expected ${c.expected}`);
    const notices = {
      notifications: await count(
        app,
        `select count(*) as n from notifications where event = 'escalated' and created_at = ${now}`,
      ),
      inboxItems: await count(
        app,
        `select count(*) as n from inbox_items where event = 'escalated' and created_at = ${now}`,
      ),
      jobs: await count(app, `select count(*) as n from jobs where created_at = ${now}`),
      noticeEvents: await count(
        app,
        `select count(*) as n from events where kind = 'notice_sent' and at = ${now}`,
      ),
    };
    log(`${kind}: the sweep wrote ${JSON.stringify(notices)}`);

    log(`${kind}: verifying the hash chains`);
    const [report, verifyMs] = await timed(() => verifyChain(app.db));
    const chain = report.intact
      ? { intact: true, events: report.events, streams: report.streams }
      : { intact: false, events: report.events, detail: report };
    if (!report.intact) problems.push(`chain broken: ${JSON.stringify(report)}`);
    log(
      `${kind}: chain ${report.intact ? 'intact' : 'BROKEN'} (${report.events} events) in ${seconds(verifyMs)} s`,
    );

    return {
      db: kind,
      rows: o.open,
      breaches: o.breaches,
      seconds: measured.seconds,
      perBreachMs: Math.round((1_000_000 * measured.seconds) / Math.max(measured.count, 1)) / 1000,
      trivialStatementMs,
      setupSeconds: seconds(setupMs),
      setup: {
        schemaSeconds: seconds(schemaMs),
        loadSeconds: seconds(loadMs),
        settleSeconds: seconds(settleMs),
      },
      verifySeconds: seconds(verifyMs),
      chain,
      phases: { warmupReminders, warmupBreaches, reminders, breaches: measured, remindersAfter },
      dataset: {
        firstId: data.firstId,
        warmup: o.warmup,
        deadlines: data.rows.deadlines,
        events: data.rows.events,
        now: new Date(now).toISOString(),
      },
      checks,
      notices,
      statements,
      reminderStatements,
      problems,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(profileFile ? { profileFile } : {}),
      ...(pgWaits ? { pgWaits } : {}),
    };
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
