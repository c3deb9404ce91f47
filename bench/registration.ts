/**
 * Registration throughput: `POST /api/v1/complaints` as the demo agent (bearer token), against the
 * ceiling of a bare Fastify app inserting one row into the same database. See bench/README.md.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { formatProfile, type ProfileSummary, summariseProfile } from './lib/cpu-profile.js';
import { countRows, type FreshDatabase, freshDatabase, KesuClient, startKesu } from './lib/kesu.js';
import { describeLoad, type LoadSpec, type LoadSummary, runLoad } from './lib/load.js';
import { formatWaits, samplePgWaits, type WaitSample } from './lib/pg-waits.js';
import { type ServerChild, startServer } from './lib/processes.js';

const CATEGORY_CODE = 'delay.transit';

/** The request body, as in the API docs' example; categoryId is filled in per database. */
const registrationBody = (categoryId: number) =>
  JSON.stringify({
    channel: 'phone',
    complainant: { name: '王女士', phone: '13800138000' },
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
    categoryId,
    waybillNo: 'KS100000000001',
    demands: ['explanation'],
  });

interface Measured extends LoadSummary {
  /** Rows in the target table after the run (sanity request + warm-up + measured run + in-flight). */
  rowsStored: number;
  /** 2xx answers seen by the clients; `rowsStored` must not be lower. */
  rowsAnswered: number;
}

interface DbResult {
  date: string;
  /** True when both runs had no errors and stored at least every row they acknowledged. */
  valid: boolean;
  problems: string[];
  registration?: Measured;
  ceiling?: Measured;
  /** registration requests/s ÷ ceiling requests/s. */
  ratio?: number;
  profile?: { file: string; summary: ProfileSummary };
  /** With BENCH_PROFILE on PostgreSQL: what Kesu's backends waited on during the measured run. */
  pgWaits?: WaitSample[];
  error?: string;
}

/** One sanity request with fetch (a clear error beats 50 connections of 4xx), warm-up, measured run. */
async function loadServer(
  ctx: BenchContext,
  server: ServerChild,
  spec: Omit<LoadSpec, 'connections' | 'durationSeconds'>,
  during?: () => Promise<() => Promise<void>>,
): Promise<{ summary: LoadSummary; answered: number }> {
  const res = await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`${server.name}: sanity request got HTTP ${res.status}: ${text}`);
  let answered = 1;
  const { connections, warmupSeconds, durationSeconds } = ctx.options;
  if (warmupSeconds > 0) {
    ctx.log(`${server.name}: warm-up ${warmupSeconds} s`);
    const warm = await runLoad({ ...spec, connections, durationSeconds: warmupSeconds });
    answered += warm.ok;
    if (warm.errors.total) ctx.log(`${server.name}: warm-up had errors: ${describeLoad(warm)}`);
  }
  ctx.log(`${server.name}: measuring ${durationSeconds} s with ${connections} connections`);
  const finish = await during?.();
  let summary: LoadSummary;
  try {
    summary = await runLoad({ ...spec, connections, durationSeconds });
  } finally {
    await finish?.();
  }
  answered += summary.ok;
  ctx.log(`${server.name}: ${describeLoad(summary)}`);
  const exited = server.exitedEarly();
  if (exited) {
    throw new Error(
      `${server.name} ${exited} during the run (log ${server.logFile}): ${describeLoad(summary)}`,
    );
  }
  return { summary, answered };
}

async function measure(ctx: BenchContext, kind: DbKind, db: FreshDatabase, result: DbResult) {
  const check = (label: string, m: Measured) => {
    if (m.errors.total) result.problems.push(`${label}: ${m.errors.total} errors under load`);
    if (m.rowsStored < m.rowsAnswered)
      result.problems.push(`${label}: ${m.rowsAnswered} rows acknowledged but only ${m.rowsStored} stored`);
  };

  // Kesu.
  const profileDir = ctx.options.profile ? path.join(ctx.resultsDir, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const kesu = await startKesu(ctx, { name: `kesu-${kind}`, db, cpuProfileDir: profileDir });
  let body: string;
  try {
    const admin = await KesuClient.login(kesu.url, 'admin');
    const bearer = await admin.bearerFor('agent', 'bench registration');
    body = registrationBody(await admin.categoryId(CATEGORY_CODE));
    const sampleWaits =
      ctx.options.profile && kind === 'postgres'
        ? async () => {
            const sampler = await samplePgWaits(db.url);
            return async () => {
              result.pgWaits = (await sampler.stop()).top;
              for (const line of formatWaits(result.pgWaits)) ctx.log(`kesu-${kind} pg waits: ${line}`);
            };
          }
        : undefined;
    const { summary, answered } = await loadServer(
      ctx,
      kesu,
      {
        url: `${kesu.url}/api/v1/complaints`,
        method: 'POST',
        headers: { authorization: bearer, 'content-type': 'application/json' },
        body,
      },
      sampleWaits,
    );
    result.registration = { ...summary, rowsAnswered: answered, rowsStored: 0 };
  } finally {
    await kesu.stop();
  }
  result.registration.rowsStored = await countRows(db.url, 'complaints');
  check('registration', result.registration);
  if (profileDir) {
    const file = path.join(profileDir, `kesu-${kind}.cpuprofile`);
    if (existsSync(file)) {
      result.profile = { file: path.relative(ctx.root, file), summary: summariseProfile(file) };
      for (const line of formatProfile(result.profile.summary)) ctx.log(`kesu-${kind} profile: ${line}`);
    } else ctx.log(`kesu-${kind}: no profile written at ${file}`);
  }

  // The ceiling, on the same database, after Kesu has stopped.
  const ceiling = await startServer({
    name: `ceiling-${kind}`,
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/ceiling-server.ts'],
    cwd: ctx.root,
    env: { CEILING_DATABASE_URL: db.url },
    logFile: path.join(db.dataDir, `ceiling-${kind}.log`),
  });
  try {
    const { summary, answered } = await loadServer(ctx, ceiling, {
      url: `${ceiling.url}/complaints`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    result.ceiling = { ...summary, rowsAnswered: answered, rowsStored: 0 };
  } finally {
    await ceiling.stop();
  }
  result.ceiling.rowsStored = await countRows(db.url, 'bench_ceiling');
  check('ceiling', result.ceiling);

  result.ratio =
    Math.round((10_000 * result.registration.requestsPerSecond) / result.ceiling.requestsPerSecond) / 10_000;
  result.valid = result.problems.length === 0;
}

export const registration: BenchModule = {
  name: 'registration',
  async run(ctx): Promise<ModuleOutcome> {
    const databases: Record<string, DbResult> = {};
    const summary: string[] = [];
    let ok = true;
    for (const kind of ctx.options.databases) {
      const result: DbResult = { date: new Date().toISOString(), valid: false, problems: [] };
      databases[kind] = result;
      let db: FreshDatabase | undefined;
      try {
        db = await freshDatabase(ctx, kind, 'bench_registration');
        await measure(ctx, kind, db, result);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        ctx.log(`registration ${kind} failed: ${result.error}`);
      }
      if (result.valid) db?.remove();
      else if (db) {
        db.keep();
        ctx.log(`registration ${kind}: keeping ${db.dataDir} (database and server logs)`);
      }

      const ratio = result.ratio === undefined ? '' : result.ratio.toFixed(2);
      if (result.error) summary.push(`registration/ceiling ${kind}: failed (${result.error.split('\n')[0]})`);
      else if (!result.valid)
        summary.push(`registration/ceiling ${kind}: ${ratio} INVALID (${result.problems.join('; ')})`);
      else summary.push(`registration/ceiling ${kind}: ${ratio}`);
      ok &&= result.valid;
    }
    return {
      ok,
      summary,
      section: {
        options: {
          durationSeconds: ctx.options.durationSeconds,
          warmupSeconds: ctx.options.warmupSeconds,
          connections: ctx.options.connections,
          profiled: ctx.options.profile,
          body: { ...JSON.parse(registrationBody(0)), categoryId: `<id of ${CATEGORY_CODE}>` },
        },
        databases,
      },
    };
  },
};
