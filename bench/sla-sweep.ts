/**
 * SLA sweep: with 100,000 open complaints carrying deadlines, the time `sweepBreaches` takes to find
 * and escalate the 10,000 that breached a minute ago. Each database runs in a worker process
 * (sla-sweep-worker.ts: Kesu in-process with a fixed clock). See bench/README.md "SLA sweep".
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { formatProfile, type ProfileSummary, summariseProfile } from './lib/cpu-profile.js';
import { type FreshDatabase, freshDatabase } from './lib/kesu.js';
import { runChild } from './lib/processes.js';
import type { SlaWorkerResult } from './sla-sweep-worker.js';

const OPEN = 100_000;
const BREACHES = 10_000;
const WARMUP = 500;
const LABEL = `sla-sweep ${BREACHES / 1000}k breaches of ${OPEN / 1000}k open`;

interface DbResult extends Partial<SlaWorkerResult> {
  date: string;
  valid: boolean;
  problems: string[];
  profile?: { file: string; summary: ProfileSummary };
  error?: string;
  /** The worker's log (kept with the database when something went wrong). */
  logFile?: string;
}

async function measure(ctx: BenchContext, kind: DbKind, db: FreshDatabase, result: DbResult): Promise<void> {
  const resultFile = path.join(db.dataDir, 'sla-sweep-result.json');
  const logFile = path.join(db.dataDir, 'sla-sweep-worker.log');
  const profileDir = ctx.options.profile ? path.join(ctx.resultsDir, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profileFile = profileDir ? path.join(profileDir, `sla-sweep-${kind}.cpuprofile`) : undefined;
  const env: Record<string, string> = {
    SLA_DB: kind,
    SLA_DATABASE_URL: db.url,
    SLA_OPEN: String(OPEN),
    SLA_BREACHES: String(BREACHES),
    SLA_WARMUP: String(WARMUP),
    SLA_RESULT_FILE: resultFile,
    ...(profileFile ? { SLA_CPU_PROFILE: profileFile } : {}),
  };
  const { code, signal } = await runChild({
    name: `sla-sweep ${kind}`,
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/sla-sweep-worker.ts'],
    cwd: ctx.root,
    env,
    logFile,
    onLine: (line) => ctx.log(`sla-sweep ${line}`),
  });
  if (!existsSync(resultFile)) {
    result.logFile = logFile;
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(
      `worker ${signal ? `killed by ${signal}` : `exited with code ${code}`}, no result:\n${tail}`,
    );
  }
  const worker = JSON.parse(readFileSync(resultFile, 'utf8')) as SlaWorkerResult;
  Object.assign(result, worker);
  result.problems = [...worker.problems];
  if (code !== 0 && !result.problems.length) result.problems.push(`worker exited with code ${code}`);
  if (profileFile && existsSync(profileFile)) {
    result.profile = {
      file: path.relative(ctx.root, profileFile),
      summary: summariseProfile(profileFile, 30),
    };
    for (const line of formatProfile(result.profile.summary)) ctx.log(`sla-sweep ${kind} profile: ${line}`);
  }
  result.valid = result.problems.length === 0;
  if (!result.valid) result.logFile = logFile;
}

export const slaSweep: BenchModule = {
  name: 'sla-sweep',
  async run(ctx): Promise<ModuleOutcome> {
    const databases: Record<string, DbResult> = {};
    const summary: string[] = [];
    let ok = true;
    for (const kind of ctx.options.databases) {
      const result: DbResult = { date: new Date().toISOString(), valid: false, problems: [] };
      databases[kind] = result;
      let db: FreshDatabase | undefined;
      try {
        db = await freshDatabase(ctx, kind, 'bench_sla_sweep');
        await measure(ctx, kind, db, result);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        ctx.log(`sla-sweep ${kind} failed: ${result.error}`);
      }
      if (result.valid) db?.remove();
      else if (db) {
        db.keep();
        ctx.log(`sla-sweep ${kind}: keeping ${db.dataDir} (database and worker log)`);
      }

      const secs = result.seconds === undefined ? '' : result.seconds.toFixed(2);
      if (result.error) summary.push(`${LABEL} ${kind}: failed (${result.error.split('\n')[0]})`);
      else if (!result.valid)
        summary.push(`${LABEL} ${kind}: ${secs} INVALID (${result.problems.join('; ')})`);
      else summary.push(`${LABEL} ${kind}: ${secs}`);
      ok &&= result.valid;
    }
    return {
      ok,
      summary,
      section: {
        options: { open: OPEN, breaches: BREACHES, warmup: WARMUP, profiled: ctx.options.profile },
        databases,
      },
    };
  },
};
