/**
 * Registration throughput: `POST /api/v1/complaints` as the demo agent (bearer token), against the
 * ceiling of a bare Fastify app inserting one row into the same database: one body sent again and
 * again, and the seeded registration mix (lib/workload.ts) on a database of its own. See
 * bench/README.md.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchModule, DbKind, ModuleOutcome } from './lib/context.js';
import { formatProfile, type ProfileSummary, summariseProfile } from './lib/cpu-profile.js';
import { countRows, type FreshDatabase, freshDatabase, KesuClient, startKesu } from './lib/kesu.js';
import { describeLoad, type LoadSpec, type LoadSummary, runLoad } from './lib/load.js';
import { formatWaits, samplePgWaits, type WaitSample } from './lib/pg-waits.js';
import { type ServerChild, startServer, waitUntilQuiet } from './lib/processes.js';
import { MIX_BODIES, MIX_SEED, mixRefs, registrationMix, settleCategories } from './lib/workload.js';

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
  /** The registration mix, on a fresh database of its own, against the same ceiling. */
  mix?: MixResult;
}

interface MixResult {
  valid: boolean;
  problems: string[];
  registration?: Measured;
  /** Of the bodies sent without a category: how many of MIX_BODIES the classifier chose for. */
  classified?: number;
  /** mix requests/s ÷ ceiling requests/s. */
  ratio?: number;
  profile?: { file: string; summary: ProfileSummary };
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
  await settle(ctx, server);
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

function check(problems: string[], label: string, m: Measured): void {
  if (m.errors.total) problems.push(`${label}: ${m.errors.total} errors under load`);
  if (m.rowsStored < m.rowsAnswered)
    problems.push(`${label}: ${m.rowsAnswered} rows acknowledged but only ${m.rowsStored} stored`);
}

/** Waits for the server to finish its start-up work (see `waitUntilQuiet`), saying how long it took. */
export async function settle(ctx: BenchContext, server: ServerChild): Promise<void> {
  const { seconds, quiet } = await waitUntilQuiet(server);
  ctx.log(`${server.name}: ${quiet ? 'quiet' : 'still busy'} after ${seconds} s`);
}

export function profileDir(ctx: BenchContext): string | undefined {
  if (!ctx.options.profile) return undefined;
  const dir = path.join(ctx.resultsDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The CPU profile a Kesu child wrote on exit, summarised and logged. */
export function readProfile(ctx: BenchContext, dir: string, name: string) {
  const file = path.join(dir, `${name}.cpuprofile`);
  if (!existsSync(file)) {
    ctx.log(`${name}: no profile written at ${file}`);
    return undefined;
  }
  const profile = { file: path.relative(ctx.root, file), summary: summariseProfile(file) };
  for (const line of formatProfile(profile.summary)) ctx.log(`${name} profile: ${line}`);
  return profile;
}

async function measure(ctx: BenchContext, kind: DbKind, db: FreshDatabase, result: DbResult) {
  // Kesu.
  const profiles = profileDir(ctx);
  const kesu = await startKesu(ctx, { name: `kesu-${kind}`, db, cpuProfileDir: profiles });
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
  check(result.problems, 'registration', result.registration);
  if (profiles) result.profile = readProfile(ctx, profiles, `kesu-${kind}`);

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
  check(result.problems, 'ceiling', result.ceiling);

  result.ratio = ratio(result.registration, result.ceiling);
  result.valid = result.problems.length === 0;
}

/** The registration mix on a fresh database: MIX_BODIES seeded bodies, cycled. */
async function measureMix(ctx: BenchContext, kind: DbKind, db: FreshDatabase, mix: MixResult) {
  const profiles = profileDir(ctx);
  const kesu = await startKesu(ctx, { name: `kesu-mix-${kind}`, db, cpuProfileDir: profiles });
  try {
    const admin = await KesuClient.login(kesu.url, 'admin');
    const headers = {
      authorization: await admin.bearerFor('agent', 'bench registration mix'),
      'content-type': 'application/json',
    };
    const refs = await mixRefs(admin);
    const { bodies, classified } = await settleCategories(admin, refs, registrationMix(refs));
    mix.classified = classified;
    ctx.log(`kesu-mix-${kind}: ${bodies.length} bodies, ${classified} of them left to the classifier`);
    let sent = 0;
    const route = '/api/v1/complaints';
    const { summary, answered } = await loadServer(ctx, kesu, {
      url: `${kesu.url}${route}`,
      method: 'POST',
      headers,
      body: bodies[0],
      next: () => ({
        kind: 'registration',
        method: 'POST',
        path: route,
        headers,
        body: bodies[++sent % bodies.length],
      }),
    });
    mix.registration = { ...summary, rowsAnswered: answered, rowsStored: 0 };
  } finally {
    await kesu.stop();
  }
  mix.registration.rowsStored = await countRows(db.url, 'complaints');
  check(mix.problems, 'registration-mix', mix.registration);
  if (profiles) mix.profile = readProfile(ctx, profiles, `kesu-mix-${kind}`);
  mix.valid = mix.problems.length === 0;
}

/** Runs `run` on a fresh database, kept (with the server logs) when the result is not valid. */
async function onFreshDatabase<R extends { valid: boolean; error?: string }>(
  ctx: BenchContext,
  kind: DbKind,
  name: string,
  result: R,
  run: (db: FreshDatabase) => Promise<void>,
): Promise<void> {
  let db: FreshDatabase | undefined;
  try {
    db = await freshDatabase(ctx, kind, name);
    await run(db);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    ctx.log(`${name} ${kind} failed: ${result.error}`);
  }
  if (result.valid) db?.remove();
  else if (db) {
    db.keep();
    ctx.log(`${name} ${kind}: keeping ${db.dataDir} (database and server logs)`);
  }
}

const ratio = (m: Measured | undefined, ceiling: Measured | undefined) =>
  m && ceiling ? Math.round((10_000 * m.requestsPerSecond) / ceiling.requestsPerSecond) / 10_000 : undefined;

function summaryLine(
  what: string,
  kind: DbKind,
  r: { valid: boolean; error?: string; problems: string[]; ratio?: number },
): string {
  const value = r.ratio === undefined ? '' : r.ratio.toFixed(2);
  if (r.error) return `${what}/ceiling ${kind}: failed (${r.error.split('\n')[0]})`;
  if (!r.valid) return `${what}/ceiling ${kind}: ${value} INVALID (${r.problems.join('; ')})`;
  return `${what}/ceiling ${kind}: ${value}`;
}

export const registration: BenchModule = {
  name: 'registration',
  async run(ctx): Promise<ModuleOutcome> {
    const databases: Record<string, DbResult> = {};
    const lines: string[] = [];
    const mixLines: string[] = [];
    let ok = true;
    for (const kind of ctx.options.databases) {
      const result: DbResult = { date: new Date().toISOString(), valid: false, problems: [] };
      databases[kind] = result;
      await onFreshDatabase(ctx, kind, 'bench_registration', result, (db) => measure(ctx, kind, db, result));
      const mix: MixResult = { valid: false, problems: [] };
      result.mix = mix;
      await onFreshDatabase(ctx, kind, 'bench_registration_mix', mix, (db) => measureMix(ctx, kind, db, mix));
      mix.ratio = ratio(mix.registration, result.ceiling);
      if (!result.ceiling) mix.problems.push('no ceiling measured');
      mix.valid &&= mix.problems.length === 0;
      lines.push(summaryLine('registration', kind, result));
      mixLines.push(summaryLine('registration-mix', kind, mix));
      ok &&= result.valid && mix.valid;
    }
    const summary = [...lines, ...mixLines];
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
          mix: { seed: MIX_SEED, bodies: MIX_BODIES, generator: 'bench/lib/workload.ts' },
        },
        databases,
      },
    };
  },
};
