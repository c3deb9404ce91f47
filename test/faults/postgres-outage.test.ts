/**
 * PostgreSQL goes away under a running Kesu: `kesu serve` and `kesu worker` are real child
 * processes on a private PostgreSQL server that the test stops, starts and restarts with pg_ctl.
 * The steps build on each other (one server, one Kesu), in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { systemClock } from '../../src/lib/clock.js';
import { createJobRegistry, insertJob, startWorker, type WorkerEvent } from '../../src/modules/jobs/index.js';
import { demoPassword } from '../../src/seed/demo.js';
import { appOf, sleep } from '../jobs/support.js';
import { DIALECTS } from '../support/test-app.js';
import { type KesuProcess, servedUrl, spawnKesu } from './kesu-process.js';
import { type Load, signIn, startLoad, summary, type Tally } from './registration-load.js';
import { type RestartablePostgres, startRestartablePostgres } from './restartable-postgres.js';

async function health(base: string, path: '/health/live' | '/health/ready') {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as { status: string; failed?: string[] } };
}

describe.skipIf(!DIALECTS.includes('postgres'))('PostgreSQL restarts and outages (private server)', () => {
  let pg: RestartablePostgres;
  let dataDir: string;
  let env: Record<string, string>;
  let serve: KesuProcess;
  let worker: KesuProcess;
  let base: string;
  let cookie: string;
  let categoryId: number;
  let check: DatabaseHandle;
  const tallies: Array<{ step: string; tally: Tally }> = [];

  beforeAll(async () => {
    pg = await startRestartablePostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'kesu-faults-'));
    env = { DATABASE_URL: pg.url, KESU_DATA_DIR: dataDir, PORT: '0', KESU_DB_WAIT_SECONDS: '120' };
    check = openDatabase(pg.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await Promise.all([serve?.stop(), worker?.stop()]);
    await check?.close();
    await pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const getJobRow = (id: number) =>
    check.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

  /** Registrations run while `fault` happens; then they must be acknowledged again, without a restart. */
  async function underLoad(step: string, fault: (load: Load) => Promise<void>): Promise<Tally> {
    const load = startLoad(base, cookie, categoryId, 4);
    await load.acknowledgedMore(20);
    await fault(load);
    await load.acknowledgedMore(20);
    const tally = await load.stop();
    tallies.push({ step, tally });
    console.log(`[faults] ${step}:`, JSON.stringify(summary(tally)));
    expect(tally.unexpected).toEqual([]);
    expect(serve.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    return tally;
  }

  it('starts while PostgreSQL is down: waits, logging each attempt, and serves once it is up', async () => {
    await pg.stop();
    serve = spawnKesu(['serve', '--demo'], env);
    // Start-up waits only as long as it is told to, then says why it gives up.
    const migrate = spawnKesu(['migrate'], { ...env, KESU_DB_WAIT_SECONDS: '2' });
    expect((await migrate.exited).code).toBe(1);
    expect(migrate.output().join('\n')).toMatch(/did not answer within 2 s .*DATABASE_URL/);
    await serve.line(/waiting for the database \(attempt 2\b/);
    expect(serve.alive()).toBe(true);
    await pg.start();
    base = await servedUrl(serve);
    worker = spawnKesu(['worker'], env);
    await worker.line(/kesu worker \S+ running/);
    cookie = await signIn(base, 'agent', demoPassword());
    categoryId = (
      await check.db
        .selectFrom('categories')
        .select('id')
        .where('code', '=', 'delay.transit')
        .executeTakeFirstOrThrow()
    ).id;
    await expect.poll(async () => (await health(base, '/health/ready')).status).toBe(200);
  }, 240_000);

  it('survives `pg_ctl restart -m fast` under concurrent registrations', async () => {
    await underLoad('restart', () => pg.restart());
  });

  it('survives a 10 s outage: 503 with Retry-After meanwhile, not ready, still live; then serves again', async () => {
    let during: Array<Awaited<ReturnType<typeof health>>> = [];
    // A job of an in-process worker is running when the database goes away.
    const events: WorkerEvent[] = [];
    let running!: () => void;
    let databaseGone!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    const gone = new Promise<void>((resolve) => (databaseGone = resolve));
    const registry = createJobRegistry().registerJob('test.interrupted', async (ctx) => {
      running();
      await gone;
      await sql`select 1`.execute(ctx.db);
    });
    const job = await insertJob(check.db, { kind: 'test.interrupted' }, Date.now());
    const jobWorker = startWorker(appOf(check, systemClock), registry, {
      workerId: 'test-worker',
      pollMs: 50,
      backoff: { baseMs: 100 },
      onEvent: (e) => events.push(e),
    });
    await started;
    const tally = await underLoad('10 s outage', async () => {
      await pg.stop();
      databaseGone();
      const stoppedAt = Date.now();
      during = [await health(base, '/health/ready'), await health(base, '/health/live')];
      await sleep(10_000 - (Date.now() - stoppedAt));
      await pg.start();
    });
    expect(tally.unavailable).toBeGreaterThan(0);
    expect(during[0]).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    expect(during[0]?.body.failed).toContain('database');
    expect(during[1]).toMatchObject({ status: 200, body: { status: 'ok' } });
    await expect.poll(async () => (await health(base, '/health/ready')).status).toBe(200);

    // The interrupted attempt is recorded once the database answers, and the job runs again.
    await expect.poll(async () => (await getJobRow(job?.id ?? 0))?.state, { timeout: 30_000 }).toBe('done');
    await jobWorker.stop();
    expect(await getJobRow(job?.id ?? 0)).toMatchObject({ attempts: 2 });
    expect(events.map((e) => e.type)).toEqual(['outage', 'retry', 'resumed', 'done']);
  });

  it('loses no acknowledged complaint; the workers report each outage once and run the jobs due meanwhile', async () => {
    const acknowledged = tallies.flatMap((t) => t.tally.acknowledged);
    const found = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const rows = await check.db
        .selectFrom('complaints')
        .select('number')
        .where('number', 'in', acknowledged.slice(i, i + 500))
        .execute();
      for (const r of rows) found.add(r.number);
    }
    const lost = acknowledged.filter((n) => !found.has(n));
    const unavailable = tallies.reduce((n, t) => n + t.tally.unavailable, 0);
    console.log(
      `[faults] PostgreSQL: acknowledged ${acknowledged.length}, 503s ${unavailable}, found ${found.size}, lost ${lost.length}`,
    );
    expect(lost).toEqual([]);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    const reported = (kesu: KesuProcess, what: string) =>
      kesu.output().filter((l) => l.includes(what)).length;
    for (const kesu of [serve, worker]) {
      // Once per outage (the restart may be too short for a poll to notice), and once back.
      const outages = reported(kesu, 'the database is unavailable');
      expect(outages).toBeGreaterThanOrEqual(1);
      expect(outages).toBeLessThanOrEqual(2);
      await expect.poll(() => reported(kesu, 'the database answers again')).toBe(outages);
    }
    // Every job that fell due before now has run (or is waiting for a retry), none is stuck.
    const due = Date.now();
    await expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*) as n from jobs
              where (state = 'pending' and run_at < ${due}) or (state = 'running' and locked_until < ${Date.now()})`.execute(
              check.db,
            )
          ).rows[0]?.n,
        { timeout: 30_000 },
      )
      .toBe(0);
    const beats = await check.db
      .selectFrom('worker_heartbeats')
      .select('heartbeat_at')
      .where('worker_id', '!=', 'test-worker')
      .execute();
    expect(beats.filter((b) => b.heartbeat_at > due - 10_000).length).toBe(2);
  });
});
