/**
 * `npm run bench`: builds Kesu, runs the benchmark modules, merges their sections into
 * bench/results/latest.json and prints each module's summary lines last. See bench/README.md.
 *
 * Options (env): BENCH_DURATION seconds per measured run (default 10; below 10 is a trial run),
 * BENCH_WARMUP seconds (default 3), BENCH_CONNECTIONS (default 50), BENCH_DB (sqlite, postgres;
 * both when unset), BENCH_ONLY (modules, comma-separated: registration, mixed, sla-sweep, export,
 * console, search, list, customers, classify, stats, forecast), BENCH_PROFILE=1 (CPU-profile the Kesu child or worker; a trial run),
 * BENCH_EXPORT_ROWS (complaints exported, default 1,000,000), BENCH_SEARCH_ROWS (default 1,000,000),
 * BENCH_MIXED_ROWS (complaints under the mixed workload, default 200,000), BENCH_LIST_ROWS
 * (complaints listed, default 1,000,000), BENCH_STATS_ROWS (complaints counted, default 1,000,000):
 * another number is a trial run.
 *
 * A new benchmark is a module exporting a `BenchModule` (see lib/context.ts), added to MODULES.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type PostgresServer, startPostgres } from '../test/support/postgres-server.js';
import { classifyBench } from './classify.js';
import { consoleBench } from './console.js';
import { customerRows, customersBench, DEFAULT_CUSTOMER_ROWS } from './customers.js';
import { DEFAULT_EXPORT_ROWS, exportBench, exportRows } from './export.js';
import { forecastBench } from './forecast.js';
import type { BenchContext, BenchModule, BenchOptions, DbKind } from './lib/context.js';
import { DEFAULT_MIXED_ROWS, mixedRows } from './lib/mixed-dataset.js';
import { STATEMENT_STATS_SETTINGS } from './lib/pg-statements.js';
import { stopAll } from './lib/processes.js';
import { writeResults } from './lib/results.js';
import { DEFAULT_LIST_ROWS, listBench, listRows } from './list.js';
import { mixedBench } from './mixed.js';
import { registration } from './registration.js';
import { DEFAULT_SEARCH_ROWS, searchBench, searchRows } from './search.js';
import { slaSweep } from './sla-sweep.js';
import { DEFAULT_STATS_ROWS, statsBench, statsRows } from './stats.js';

const MODULES: BenchModule[] = [
  registration,
  mixedBench,
  slaSweep,
  exportBench,
  consoleBench,
  searchBench,
  listBench,
  customersBench,
  classifyBench,
  statsBench,
  forecastBench,
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const started = Date.now();

function log(message: string): void {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${t}s] ${message}`);
}

function numberOption(name: string, fallback: number, { integer = false, min = 0 } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${raw}`);
  }
  return n;
}

/** BENCH_ONLY: the modules to run (all when unset). */
function selectedModules(): BenchModule[] {
  const raw = (process.env.BENCH_ONLY ?? '').trim();
  if (raw === '' || raw === 'all') return MODULES;
  const names = raw.split(/[\s,]+/);
  const unknown = names.filter((n) => !MODULES.some((m) => m.name === n));
  if (unknown.length) {
    throw new Error(`BENCH_ONLY must name modules of ${MODULES.map((m) => m.name).join(', ')}; got ${raw}`);
  }
  return MODULES.filter((m) => names.includes(m.name));
}

function readOptions(): BenchOptions {
  const durationSeconds = numberOption('BENCH_DURATION', 10, { min: 1 });
  const warmupSeconds = numberOption('BENCH_WARMUP', 3);
  const connections = numberOption('BENCH_CONNECTIONS', 50, { integer: true, min: 1 });
  const rawDb = (process.env.BENCH_DB ?? '').trim();
  const wanted = rawDb === '' || rawDb === 'both' ? ['sqlite', 'postgres'] : rawDb.split(/[\s,]+/);
  const databases: DbKind[] = [];
  for (const d of wanted) {
    if (d !== 'sqlite' && d !== 'postgres')
      throw new Error(`BENCH_DB must be sqlite, postgres or both, got ${rawDb}`);
    if (!databases.includes(d)) databases.push(d);
  }
  const profile = ['1', 'true', 'yes'].includes((process.env.BENCH_PROFILE ?? '').toLowerCase());
  return {
    durationSeconds,
    warmupSeconds,
    connections,
    databases,
    profile,
    trial:
      durationSeconds < 10 ||
      profile ||
      exportRows() !== DEFAULT_EXPORT_ROWS ||
      searchRows() !== DEFAULT_SEARCH_ROWS ||
      listRows() !== DEFAULT_LIST_ROWS ||
      statsRows() !== DEFAULT_STATS_ROWS ||
      mixedRows() !== DEFAULT_MIXED_ROWS ||
      customerRows() !== DEFAULT_CUSTOMER_ROWS,
  };
}

function trialReasons(options: BenchOptions): string[] {
  const reasons = [
    options.profile && 'profiling',
    options.durationSeconds < 10 && `BENCH_DURATION=${options.durationSeconds} < 10`,
    exportRows() !== DEFAULT_EXPORT_ROWS && `BENCH_EXPORT_ROWS=${exportRows()}`,
    searchRows() !== DEFAULT_SEARCH_ROWS && `BENCH_SEARCH_ROWS=${searchRows()}`,
    mixedRows() !== DEFAULT_MIXED_ROWS && `BENCH_MIXED_ROWS=${mixedRows()}`,
    listRows() !== DEFAULT_LIST_ROWS && `BENCH_LIST_ROWS=${listRows()}`,
    statsRows() !== DEFAULT_STATS_ROWS && `BENCH_STATS_ROWS=${statsRows()}`,
    customerRows() !== DEFAULT_CUSTOMER_ROWS && `BENCH_CUSTOMER_ROWS=${customerRows()}`,
  ];
  return reasons.filter((r): r is string => typeof r === 'string');
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

function environment(options: BenchOptions, loadBefore: number[]) {
  const cpus = os.cpus();
  const dirty = git(['status', '--porcelain', '--', 'src', 'bin', 'package.json']);
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    git: { commit: git(['rev-parse', 'HEAD']), srcDirty: dirty === null ? null : dirty !== '' },
    /** 1/5/15-minute load averages before and after: other work on the machine skews the numbers. */
    loadAverage: { before: loadBefore, after: loadAverage() },
    trial: options.trial,
  };
}

function build(): void {
  log('npm run build');
  const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status ?? res.signal})`);
}

async function main(): Promise<number> {
  const options = readOptions();
  const modules = selectedModules();
  const loadBefore = loadAverage();
  if ((loadBefore[0] ?? 0) > 0.5) {
    log(
      `note: load average ${loadBefore.join(' ')} before the run; other work on this machine skews the numbers`,
    );
  }
  if (options.trial) {
    log(
      `trial run (${trialReasons(options).join(', ')}): ` +
        'results go to bench/results/trial.json, not latest.json',
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });

  let postgres: Promise<PostgresServer> | undefined;
  const stopPostgres = async () => {
    const pg = postgres;
    postgres = undefined;
    if (pg) await (await pg.catch(() => undefined))?.stop();
  };
  const ctx: BenchContext = {
    options,
    root: ROOT,
    resultsDir: RESULTS_DIR,
    log,
    async postgresDatabase(name) {
      if (!postgres) {
        log('starting a throwaway PostgreSQL');
        // Profiling: the server also counts what each statement costs (lib/pg-statements.ts).
        postgres = startPostgres(options.profile ? STATEMENT_STATS_SETTINGS : {});
      }
      return createDatabase((await postgres).url, name);
    },
  };

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping the servers`);
    void Promise.allSettled([stopAll(), stopPostgres()]).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const sections: Record<string, Record<string, unknown>> = {};
  const summary: string[] = [];
  let ok = true;
  try {
    build();
    for (const module of modules) {
      log(`== ${module.name}`);
      try {
        const outcome = await module.run(ctx);
        sections[module.name] = outcome.section;
        summary.push(...outcome.summary);
        ok &&= outcome.ok;
      } catch (error) {
        ok = false;
        const message = error instanceof Error ? error.message : String(error);
        log(`${module.name} failed: ${message}`);
        summary.push(`${module.name}: failed (${message.split('\n')[0]})`);
      }
    }
  } finally {
    await stopAll();
    await stopPostgres();
  }

  if (Object.keys(sections).length) {
    const file = path.join(RESULTS_DIR, options.trial ? 'trial.json' : 'latest.json');
    writeResults(file, environment(options, loadBefore), sections);
    log(`results: ${path.relative(ROOT, file)}`);
  }
  for (const line of summary) console.log(line);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
