/**
 * Export: the time and peak memory of `kesu export` writing 1,000,000 complaints to an xlsx file,
 * against the ceiling of a bare keyset scan of the same rows. SQLite only (the data is written in
 * bulk through better-sqlite3). See bench/README.md "Export".
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/lib/clock.js';
import { CLOCKS_UPGRADED } from '../src/modules/sla/index.js';
import { seedDemoOrganisation } from '../src/seed/demo.js';
import type { BenchContext, BenchModule, ModuleOutcome } from './lib/context.js';
import { formatProfile, type ProfileSummary, summariseProfile } from './lib/cpu-profile.js';
import { cachedDatabasePath, restoreDatabase, storeDatabase } from './lib/database-cache.js';
import { envRows } from './lib/env-rows.js';
import { type ExportDatasetOrg, writeExportDataset } from './lib/export-dataset.js';
import { DEMO_PASSWORD, type FreshDatabase, freshDatabase } from './lib/kesu.js';
import { runChild } from './lib/processes.js';

export const DEFAULT_EXPORT_ROWS = 1_000_000;
const SECRET = 'bench-export-secret-0123456789abcdef';
const TIME_ZONE = 'Asia/Shanghai';
/** The demo manager: sees the customer service centre's complaints, i.e. all of them (their intake unit). */
const EXPORTER = 'manager';
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

/** BENCH_EXPORT_ROWS (default 1,000,000): fewer for a quick run (a trial run, see run.ts). */
export const exportRows = (): number => envRows('BENCH_EXPORT_ROWS', DEFAULT_EXPORT_ROWS);

const label = (rows: number) =>
  rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);

interface Result {
  date: string;
  valid: boolean;
  problems: string[];
  rows: number;
  /** Wall time of the whole `kesu export` command (start, open the database, export, exit). */
  seconds?: number;
  /** The export alone, as the command reports it. */
  exportSeconds?: number;
  /** Peak RSS of the `kesu export` process. */
  peakRssMb?: number;
  fileBytes?: number;
  ceiling?: { rows: number; seconds: number; peakRssMb: number };
  /** Ceiling seconds ÷ export seconds (the export alone). */
  ratio?: number;
  setup?: { schemaSeconds: number; writeSeconds: number };
  verify?: { seconds: number; rows: number; maskedPhones: number; firstNumber: string; lastNumber: string };
  /** BENCH_PROFILE=1: the CPU profile of `kesu export`. */
  profile?: { file: string; summary: ProfileSummary };
  error?: string;
  logFile?: string;
}

/** Schema, demo organisation, then the complaints in bulk. */
async function prepare(ctx: BenchContext, db: FreshDatabase, rows: number): Promise<Result['setup']> {
  const started = performance.now();
  const handle = openDatabase(db.url);
  const app: AppContext = {
    db: handle.db,
    dialect: 'sqlite',
    clock: systemClock,
    config: {
      timeZone: TIME_ZONE,
      secret: Buffer.from(SECRET),
      publicUrl: 'http://127.0.0.1',
      dataDir: db.dataDir,
    },
  };
  let org: ExportDatasetOrg;
  try {
    await migrateToLatest(handle.db);
    const demo = await seedDemoOrganisation(app, DEMO_PASSWORD);
    // As on a database that has been running: the one-time clock upgrade is behind it, not in every command's start.
    await app.db
      .insertInto('settings')
      .values({ key: CLOCKS_UPGRADED, value: 'true', updated_at: Date.now() })
      .execute();
    const units = await app.db.selectFrom('units').select(['id', 'path']).execute();
    const categories = await app.db.selectFrom('categories').select(['id', 'parent_id']).execute();
    const parents = new Set(categories.map((c) => c.parent_id));
    const unit = (key: string) => {
      const u = units.find((x) => x.id === demo.unitIds.get(key));
      if (!u) throw new Error(`demo organisation has no unit ${key}`);
      return u;
    };
    const user = (name: string) => demo.userIds.get(name) ?? 0;
    org = {
      agentId: user('agent'),
      service: unit('service'),
      stations: [
        { ...unit('pudong'), handlerId: user('handler') },
        { ...unit('nanshan'), handlerId: user('handler2') },
      ],
      categoryIds: categories.filter((c) => !parents.has(c.id)).map((c) => c.id),
    };
  } finally {
    await handle.close();
  }
  const schemaSeconds = (performance.now() - started) / 1000;
  ctx.log(`export: writing ${rows} complaints`);
  const writeSeconds = writeExportDataset(db.url.slice('sqlite:'.length), org, {
    rows,
    now: Date.now(),
    secret: Buffer.from(SECRET),
    timeZone: TIME_ZONE,
  });
  ctx.log(`export: ${rows} complaints written in ${writeSeconds.toFixed(1)} s`);
  return { schemaSeconds, writeSeconds };
}

/**
 * BENCH_EXPORT_CACHE=<dir>: keep the written database there and copy it on the next run with the same
 * rows, generator, migrations and demo organisation (a million rows take one to ten minutes to write).
 */
async function cachedPrepare(ctx: BenchContext, db: FreshDatabase, rows: number): Promise<Result['setup']> {
  const dir = process.env.BENCH_EXPORT_CACHE;
  if (!dir) return prepare(ctx, db, rows);
  const sources = ['bench/lib/export-dataset.ts', 'bench/export.ts', 'src/seed/demo.ts', 'src/db/migrate.ts'];
  const cached = cachedDatabasePath(dir, `export-${rows}`, `${rows}:${SECRET}`, [
    ...sources,
    'src/db/migrations',
  ]);
  const file = db.url.slice('sqlite:'.length);
  if (restoreDatabase(cached, file)) {
    ctx.log(`export: database from the cache ${cached}`);
    return { schemaSeconds: 0, writeSeconds: 0 };
  }
  const setup = await prepare(ctx, db, rows);
  storeDatabase(cached, file);
  return setup;
}

async function ceiling(ctx: BenchContext, db: FreshDatabase): Promise<NonNullable<Result['ceiling']>> {
  let line = '';
  const { code } = await runChild({
    name: 'export ceiling',
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/export-ceiling.ts'],
    cwd: ctx.root,
    env: { EXPORT_DATABASE_FILE: db.url.slice('sqlite:'.length) },
    logFile: path.join(db.dataDir, 'export-ceiling.log'),
    onLine: (l) => {
      if (l.startsWith('{')) line = l;
    },
  });
  if (code !== 0 || !line) throw new Error(`the ceiling scan exited with code ${code}`);
  return JSON.parse(line);
}

/** `kesu export` as a user would run it, its peak RSS reported by a preloaded module at exit. */
async function exportFile(ctx: BenchContext, db: FreshDatabase, out: string, result: Result): Promise<void> {
  const rssFile = path.join(db.dataDir, 'export-peak-rss');
  const logFile = path.join(db.dataDir, 'kesu-export.log');
  let reported: string | null = null;
  const profileDir = ctx.options.profile ? path.join(ctx.resultsDir, 'profiles') : undefined;
  const profileFile = 'kesu-export-sqlite.cpuprofile';
  const profiling = profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', profileFile]
    : [];
  const started = performance.now();
  const { code, signal } = await runChild({
    name: 'kesu export',
    command: process.execPath,
    args: [
      ...profiling,
      '--import',
      './bench/lib/peak-rss.js',
      'bin/kesu.js',
      'export',
      '--out',
      out,
      '--as',
      EXPORTER,
    ],
    cwd: ctx.root,
    env: {
      DATABASE_URL: db.url,
      KESU_DATA_DIR: db.dataDir,
      KESU_SECRET: SECRET,
      KESU_TIMEZONE: TIME_ZONE,
      BENCH_PEAK_RSS_FILE: rssFile,
    },
    logFile,
    onLine: (l) => {
      if (l.startsWith('exported ')) reported = l;
    },
  });
  result.seconds = (performance.now() - started) / 1000;
  if (code !== 0 || reported === null) {
    result.logFile = logFile;
    throw new Error(`kesu export ${signal ? `killed by ${signal}` : `exited with code ${code}`}`);
  }
  const m = /^exported (\d+) complaints to .* \(([\d.]+) s\)$/.exec(reported);
  if (!m) throw new Error(`kesu export said: ${reported}`);
  if (Number(m[1]) !== result.rows)
    result.problems.push(`kesu export wrote ${m[1]} complaints, not ${result.rows}`);
  result.exportSeconds = Number(m[2]);
  result.peakRssMb = Math.round(Number(readFileSync(rssFile, 'utf8')));
  result.fileBytes = statSync(out).size;
  if (profileDir) {
    const file = path.join(profileDir, profileFile);
    result.profile = { file: path.relative(ctx.root, file), summary: summariseProfile(file) };
    for (const line of formatProfile(result.profile.summary)) ctx.log(`kesu export profile: ${line}`);
  }
}

/** Stream the file back: the header, one row per complaint in order, every phone masked. */
async function verify(file: string, result: Result): Promise<void> {
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  let masked = 0;
  let firstNumber = '';
  let lastNumber = '';
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      const values = Array.isArray(row.values) ? row.values : [];
      if (rows === 1) {
        if (values[1] !== '编号 number') result.problems.push(`unexpected header ${String(values[1])}`);
        continue;
      }
      lastNumber = String(values[1]);
      if (rows === 2) firstNumber = lastNumber;
      const phone = values[12];
      if (typeof phone === 'string' && MASKED_PHONE.test(phone)) masked++;
    }
  }
  if (rows !== result.rows + 1) result.problems.push(`the file has ${rows} rows, not ${result.rows + 1}`);
  if (masked !== result.rows) result.problems.push(`${result.rows - masked} phones are not masked`);
  result.verify = {
    seconds: (performance.now() - started) / 1000,
    rows,
    maskedPhones: masked,
    firstNumber,
    lastNumber,
  };
}

export const exportBench: BenchModule = {
  name: 'export',
  async run(ctx): Promise<ModuleOutcome> {
    const rows = exportRows();
    const what = `export ${label(rows)} rows`;
    const result: Result = { date: new Date().toISOString(), valid: false, problems: [], rows };
    let db: FreshDatabase | undefined;
    try {
      db = await freshDatabase(ctx, 'sqlite', 'bench_export');
      result.setup = await cachedPrepare(ctx, db, rows);
      result.ceiling = await ceiling(ctx, db);
      ctx.log(`export: ceiling (bare keyset scan) ${result.ceiling.seconds.toFixed(2)} s`);
      const out = path.join(db.dataDir, 'export.xlsx');
      await exportFile(ctx, db, out, result);
      ctx.log(`export: kesu export ${result.seconds?.toFixed(1)} s, peak RSS ${result.peakRssMb} MiB`);
      if (result.exportSeconds)
        result.ratio = Math.round((result.ceiling.seconds / result.exportSeconds) * 1000) / 1000;
      await verify(out, result);
      ctx.log(
        `export: file read back in ${result.verify?.seconds.toFixed(1)} s (${result.verify?.rows} rows)`,
      );
      result.valid = result.problems.length === 0;
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      ctx.log(`export failed: ${result.error}`);
    }
    if (result.valid) db?.remove();
    else if (db) {
      db.keep();
      ctx.log(`export: keeping ${db.dataDir} (database, file and logs)`);
    }
    const summary: string[] = [];
    if (result.error) summary.push(`${what}: failed (${result.error.split('\n')[0]})`);
    else {
      const line = `${what}: ${result.seconds?.toFixed(1)} s, ${result.peakRssMb} MiB peak`;
      summary.push(result.valid ? line : `${line} INVALID (${result.problems.join('; ')})`);
      summary.push(`export/ceiling sqlite: ${result.ratio?.toFixed(2)}`);
    }
    return {
      ok: result.valid,
      summary,
      section: { options: { rows, exporter: EXPORTER }, databases: { sqlite: result } },
    };
  },
};
