/**
 * The mixed 80/20 workload: `kesu serve` on a database of BENCH_MIXED_ROWS complaints (written in
 * bulk with the search bench's generator), BENCH_CONNECTIONS connections for BENCH_DURATION seconds
 * after a warm-up, about 80 % reads (workbench lists and their next pages, complaint detail, search)
 * and 20 % writes (the registration mix, accept, assign, start, call-back, correction) as the demo
 * supervisor, agent and handler. Throughput, and p50/p95 by request kind. See bench/README.md.
 */
import { openDatabase } from '../src/db/database.js';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { countRows, type FreshDatabase, freshDatabase, KesuClient, startKesu } from './lib/kesu.js';
import { describeLoad, type LoadSummary, runLoad, type VariedRequest } from './lib/load.js';
import { mixedRows, writeMixedDataset } from './lib/mixed-dataset.js';
import { KINDS, type Kind, loadPools, MIXED_SEED, mixedRequests, type User } from './lib/mixed-requests.js';
import { formatStatements, resetStatementStats, topStatements } from './lib/pg-statements.js';
import { formatWaits, samplePgWaits } from './lib/pg-waits.js';
import { mixRefs, registrationMix, settleCategories } from './lib/workload.js';
import { profileDir, readProfile, settle } from './registration.js';
import type { Org } from './search.js';

const USERS: User[] = ['supervisor', 'agent', 'handler'];

interface Result {
  date: string;
  rows: number;
  setupSeconds?: number;
  valid: boolean;
  problems: string[];
  load?: LoadSummary;
  /** Complaints registered through the API (sanity, warm-up and measured 201s) and found stored. */
  registrations?: { answered: number; stored: number };
  error?: string;
}

const okCount = (load: LoadSummary, kind: Kind) => {
  const k = load.kinds?.[kind];
  return k ? k.count - k.errors : 0;
};

/** One request of each kind with fetch: a clear error beats 50 connections of 4xx. */
async function sanity(url: string, make: Record<Kind, () => VariedRequest>) {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const r = make[kind]();
    const res = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
    const text = await res.text();
    if (res.status >= 300)
      throw new Error(
        `mixed: sanity ${kind} ${r.method} ${r.path}: HTTP ${res.status} ${text.slice(0, 300)}`,
      );
  }
}

async function measure(ctx: BenchContext, kind: DbKind, db: FreshDatabase, org: Org, result: Result) {
  const handle = openDatabase(db.url);
  const pools = await loadPools(handle.db, org).finally(() => handle.close());
  const profiles = profileDir(ctx);
  const kesu = await startKesu(ctx, { name: `kesu-mixed-${kind}`, db, cpuProfileDir: profiles });
  let answered = 0;
  try {
    const admin = await KesuClient.login(kesu.url, 'admin');
    const bearers = {} as Record<User, string>;
    const clients = {} as Record<User, KesuClient>;
    for (const user of USERS) {
      bearers[user] = await admin.bearerFor(user, 'bench mixed');
      clients[user] = new KesuClient(kesu.url, { authorization: bearers[user] });
    }
    const refs = await mixRefs(admin);
    const { bodies } = await settleCategories(admin, refs, registrationMix(refs));
    const { next, make, exhausted } = await mixedRequests({
      org,
      rows: result.rows,
      pools,
      bearers,
      clients,
      registrations: bodies,
    });
    await sanity(kesu.url, make);
    answered = 1;
    await settle(ctx, kesu);
    const { connections, warmupSeconds, durationSeconds } = ctx.options;
    const spec = { url: kesu.url, method: 'GET' as const, connections, next };
    if (warmupSeconds > 0) {
      ctx.log(`kesu-mixed-${kind}: warm-up ${warmupSeconds} s`);
      const warm = await runLoad({ ...spec, durationSeconds: warmupSeconds });
      answered += okCount(warm, 'register');
      if (warm.errors.total) ctx.log(`kesu-mixed-${kind}: warm-up had errors: ${describeLoad(warm)}`);
      // Kesu is still working, by turns, through the warm-up's last requests; a list asked now is
      // answered about when they are, and that backlog is not the measured run's time.
      const drain = make.list();
      await (await fetch(`${kesu.url}${drain.path}`, { headers: drain.headers })).text();
    }
    ctx.log(`kesu-mixed-${kind}: measuring ${durationSeconds} s with ${connections} connections`);
    // Profiling on PostgreSQL: what its backends do during the measured run, beside Kesu's CPU profile.
    const pgProfile = profiles !== undefined && kind === 'postgres';
    if (pgProfile) await resetStatementStats(db.url);
    const waits = pgProfile ? await samplePgWaits(db.url) : undefined;
    const load = await runLoad({ ...spec, durationSeconds });
    if (waits)
      for (const line of formatWaits((await waits.stop()).top))
        ctx.log(`kesu-mixed-${kind} pg waits: ${line}`);
    if (pgProfile)
      for (const line of formatStatements(await topStatements(db.url)))
        ctx.log(`kesu-mixed-${kind} pg statements: ${line}`);
    answered += okCount(load, 'register');
    result.load = load;
    ctx.log(`kesu-mixed-${kind}: ${describeLoad(load)}`);
    for (const [k, s] of Object.entries(load.kinds ?? {})) {
      ctx.log(`kesu-mixed-${kind}:   ${k}: ${s.count} p50 ${s.latencyMs.p50} ms p95 ${s.latencyMs.p95} ms`);
      if (s.errors) result.problems.push(`${k}: ${s.errors} errors ${JSON.stringify(s.statusCodes)}`);
    }
    if (load.errors.socket || load.errors.timeouts)
      result.problems.push(`${load.errors.socket} socket errors, ${load.errors.timeouts} timeouts`);
    for (const k of exhausted) result.problems.push(`${k}: ran out of complaints to act on`);
    const exited = kesu.exitedEarly();
    if (exited) throw new Error(`kesu-mixed-${kind} ${exited} during the run (log ${kesu.logFile})`);
  } finally {
    await kesu.stop();
  }
  if (profiles) readProfile(ctx, profiles, `kesu-mixed-${kind}`);
  const stored = (await countRows(db.url, 'complaints')) - result.rows;
  result.registrations = { answered, stored };
  if (stored < answered) result.problems.push(`${answered} registrations acknowledged but ${stored} stored`);
  result.valid = result.problems.length === 0;
}

function summaryLine(kind: DbKind, r: Result): string {
  const what = `mixed 80/20 ${kind}`;
  if (r.error || !r.load) return `${what}: failed (${(r.error ?? 'no measurement').split('\n')[0]})`;
  const p95 = (group: string) => r.load?.groups?.[group]?.latencyMs.p95 ?? '–';
  const line = `${what}: ${r.load.requestsPerSecond} req/s, p95 read ${p95('read')} ms, p95 write ${p95('write')} ms`;
  return r.valid ? line : `${line} INVALID (${r.problems.join('; ')})`;
}

async function run(ctx: BenchContext): Promise<ModuleOutcome> {
  const rows = mixedRows();
  const databases: Record<string, Result> = {};
  const dbs: Array<{ kind: DbKind; db: FreshDatabase }> = [];
  try {
    for (const kind of ctx.options.databases)
      databases[kind] = { date: new Date().toISOString(), rows, valid: false, problems: [] };
    for (const kind of ctx.options.databases)
      dbs.push({ kind, db: await freshDatabase(ctx, kind, 'bench_mixed') });
    const started = performance.now();
    ctx.log(`mixed: writing ${rows} complaints to ${dbs.map((d) => d.kind).join(' and ')}`);
    const org = await writeMixedDataset(ctx, dbs, rows);
    const setupSeconds = Math.round((performance.now() - started) / 100) / 10;
    ctx.log(`mixed: dataset written in ${setupSeconds} s`);
    for (const { kind, db } of dbs) {
      const result = databases[kind] as Result;
      result.setupSeconds = setupSeconds;
      try {
        await measure(ctx, kind, db, org, result);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        ctx.log(`mixed ${kind} failed: ${result.error}`);
      }
    }
  } finally {
    for (const { kind, db } of dbs) {
      if (databases[kind]?.valid) db.remove();
      else {
        db.keep();
        ctx.log(`mixed ${kind}: keeping ${db.dataDir} (database and server logs)`);
      }
    }
  }
  return {
    ok: Object.values(databases).every((r) => r.valid),
    summary: ctx.options.databases.map((kind) => summaryLine(kind, databases[kind] as Result)),
    section: {
      options: {
        rows,
        seed: MIXED_SEED,
        durationSeconds: ctx.options.durationSeconds,
        warmupSeconds: ctx.options.warmupSeconds,
        connections: ctx.options.connections,
        kinds: KINDS,
      },
      databases,
    },
  };
}

export const mixedBench: BenchModule = { name: 'mixed', run };
