import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/database.js';
import { systemClock } from '../../src/lib/clock.js';
import {
  claimJobs,
  completeJob,
  createJobRegistry,
  failJob,
  insertJob,
  LeaseLostError,
  PermanentJobError,
  runDueJobs,
  runInJobTransaction,
  scheduleDueCron,
  startWorker,
  type WorkerEvent,
} from '../../src/modules/jobs/index.js';
import { DIALECTS, freshDatabase } from '../support/test-app.js';
import { appOf, effects, type JobsDb, jobsDb, sleep, T0 } from './support.js';

const jobsOf = (db: Db, kind: string) =>
  db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();
const jobRow = (db: Db, id: number) =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const effectsOf = async (db: Db, jobId: number) =>
  Number(
    (
      await sql<{
        n: number | string;
      }>`select count(*) as n from job_effects where job_id = ${jobId}`.execute(db)
    ).rows[0]?.n ?? 0,
  );
const insertEffect = (tx: Db, jobId: number, worker = 'test') =>
  sql`insert into job_effects (job_id, n, worker) values (${jobId}, 0, ${worker})`.execute(tx);
const quiet = () => {};

describe.each(DIALECTS)('jobs on %s', (dialect) => {
  let d: JobsDb;
  beforeAll(async () => {
    d = await jobsDb(dialect);
  });
  afterAll(() => d.close());

  it('enqueues in the caller’s transaction: a rolled-back transaction leaves no job', async () => {
    await expect(
      d.app.db.transaction().execute(async (tx) => {
        const job = await insertJob(tx, { kind: 'tx.test', payload: { a: 1 } }, T0);
        expect(job?.id).toBeGreaterThan(0);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await jobsOf(d.app.db, 'tx.test')).toHaveLength(0);

    await d.app.db.transaction().execute((tx) => insertJob(tx, { kind: 'tx.test' }, T0));
    const rows = await jobsOf(d.app.db, 'tx.test');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      state: 'pending',
      payload: '{}',
      run_at: T0,
      attempts: 0,
      max_attempts: 8,
      key: null,
      locked_by: null,
      created_at: T0,
    });
  });

  it('de-duplicates by key, also when enqueues race from two handles', async () => {
    const first = await insertJob(d.app.db, { kind: 'dedup', key: 'k1', payload: { n: 1 } }, T0);
    expect(first).not.toBeNull();
    expect(await insertJob(d.app.db, { kind: 'dedup', key: 'k1', payload: { n: 2 } }, T0)).toBeNull();
    const other = d.another();
    const raced = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        insertJob((i % 2 ? other.app : d.app).db, { kind: 'dedup', key: 'k2' }, T0),
      ),
    );
    expect(raced.filter((r) => r !== null)).toHaveLength(1);
    // Without a key nothing is de-duplicated.
    await insertJob(d.app.db, { kind: 'dedup' }, T0);
    await insertJob(d.app.db, { kind: 'dedup' }, T0);
    const rows = await jobsOf(d.app.db, 'dedup');
    expect(rows.map((r) => r.key)).toEqual(['k1', 'k2', null, null]);
    expect(rows[0]?.payload).toBe('{"n":1}');
  });

  it('claims due jobs in (run_at, id) order, leases them, and leaves future and foreign kinds alone', async () => {
    const now = T0 + 10;
    const a = await insertJob(d.app.db, { kind: 'order', runAt: T0 + 10, payload: 'a' }, T0);
    const b = await insertJob(d.app.db, { kind: 'order', runAt: T0, payload: 'b' }, T0);
    const c = await insertJob(d.app.db, { kind: 'order', runAt: T0, payload: 'c' }, T0);
    await insertJob(d.app.db, { kind: 'order', runAt: T0 + 11, payload: 'later' }, T0);
    await insertJob(d.app.db, { kind: 'order.other', runAt: T0 }, T0);

    const claimed = await claimJobs(d.app.db, {
      workerId: 'w1',
      limit: 10,
      now,
      leaseMs: 5000,
      kinds: ['order'],
    });
    expect(claimed.map((j) => j.id)).toEqual([b?.id, c?.id, a?.id]);
    for (const job of claimed)
      expect(job).toMatchObject({ state: 'running', locked_by: 'w1', locked_until: now + 5000, attempts: 1 });
    // Running under a live lease: nobody else gets them.
    expect(
      await claimJobs(d.app.db, { workerId: 'w2', limit: 10, now, leaseMs: 5000, kinds: ['order'] }),
    ).toEqual([]);
    const next = await claimJobs(d.app.db, {
      workerId: 'w2',
      limit: 1,
      now: T0 + 11,
      leaseMs: 5000,
      kinds: ['order'],
    });
    expect(next.map((j) => j.payload)).toEqual(['"later"']);
    expect(await claimJobs(d.app.db, { workerId: 'w2', limit: 10, now, leaseMs: 1, kinds: [] })).toEqual([]);
  });

  it('never gives the same job to two concurrent claimers (two handles)', async () => {
    const other = d.another();
    await d.app.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 300; i++) await insertJob(tx, { kind: 'excl', payload: { i } }, T0);
    });
    const claimer = async (db: Db, workerId: string) => {
      const got: number[] = [];
      for (;;) {
        const jobs = await claimJobs(db, { workerId, limit: 7, now: T0, leaseMs: 60_000, kinds: ['excl'] });
        if (jobs.length === 0) return got;
        got.push(...jobs.map((j) => j.id));
      }
    };
    const results = await Promise.all([
      claimer(d.app.db, 'A'),
      claimer(other.app.db, 'B'),
      claimer(d.app.db, 'C'),
      claimer(other.app.db, 'D'),
    ]);
    const all = results.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    const rows = await jobsOf(d.app.db, 'excl');
    const owner = new Map(rows.map((r) => [r.id, r.locked_by]));
    results.forEach((ids, i) => {
      for (const id of ids) expect(owner.get(id)).toBe('ABCD'[i]);
    });
    expect(rows.every((r) => r.state === 'running' && r.attempts === 1)).toBe(true);
  });

  it('retries with exponential backoff, then declares the job dead with its last error', async () => {
    d.clock.set(T0 + 1_000_000);
    let calls = 0;
    const registry = createJobRegistry().registerJob(
      'flaky',
      async () => {
        calls++;
        throw new Error(`smtp 451 try later (${calls})`);
      },
      { maxAttempts: 3 },
    );
    const events: WorkerEvent[] = [];
    // random 0.5 → three quarters of the ceiling: 750 ms, 1500 ms …
    const options = {
      backoff: { baseMs: 1000, random: () => 0.5 },
      onEvent: (e: WorkerEvent) => events.push(e),
    };
    const job = await insertJob(d.app.db, { kind: 'flaky', payload: { to: 'a@example.com' } }, d.clock.now());
    if (!job) throw new Error('not enqueued');

    await runDueJobs(d.app, registry, options);
    let row = await jobRow(d.app.db, job.id);
    expect(calls).toBe(1);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, locked_by: null, locked_until: null });
    expect(row.run_at).toBe(d.clock.now() + 750);
    expect(row.last_error).toContain('smtp 451 try later (1)');

    d.clock.advance(749);
    await runDueJobs(d.app, registry, options);
    expect(calls).toBe(1);

    d.clock.advance(1);
    await runDueJobs(d.app, registry, options);
    row = await jobRow(d.app.db, job.id);
    expect(calls).toBe(2);
    expect(row).toMatchObject({ state: 'pending', attempts: 2, run_at: d.clock.now() + 1500 });

    d.clock.advance(1500);
    await runDueJobs(d.app, registry, options);
    row = await jobRow(d.app.db, job.id);
    expect(calls).toBe(3);
    expect(row).toMatchObject({ state: 'dead', attempts: 3, max_attempts: 3, finished_at: d.clock.now() });
    expect(row.last_error).toContain('smtp 451 try later (3)');

    d.clock.advance(3_600_000);
    await runDueJobs(d.app, registry, options);
    expect(calls).toBe(3);
    expect(events.map((e) => e.type)).toEqual(['retry', 'retry', 'dead']);
  });

  it('takes the row’s max_attempts when the kind sets none, and kills a PermanentJobError at once', async () => {
    d.clock.set(T0 + 2_000_000);
    const registry = createJobRegistry()
      .registerJob('twice', async () => {
        throw new Error('nope');
      })
      .registerJob('bad', async () => {
        throw new PermanentJobError('customer record is gone');
      });
    const options = { backoff: { baseMs: 10, random: () => 0 }, onEvent: quiet };
    const twice = await insertJob(d.app.db, { kind: 'twice', maxAttempts: 2 }, d.clock.now());
    const bad = await insertJob(d.app.db, { kind: 'bad' }, d.clock.now());
    await runDueJobs(d.app, registry, options);
    d.clock.advance(1000);
    await runDueJobs(d.app, registry, options);
    expect(await jobRow(d.app.db, twice?.id ?? 0)).toMatchObject({ state: 'dead', attempts: 2 });
    const badRow = await jobRow(d.app.db, bad?.id ?? 0);
    expect(badRow).toMatchObject({ state: 'dead', attempts: 1 });
    expect(badRow.last_error).toContain('PermanentJobError: customer record is gone');
  });

  it('gives a job whose lease ran out to another worker; the first can then neither complete nor fail it', async () => {
    const other = d.another();
    const now = T0 + 3_000_000;
    const job = await insertJob(d.app.db, { kind: 'lease' }, now);
    const id = job?.id ?? 0;
    const [a] = await claimJobs(d.app.db, { workerId: 'A', limit: 1, now, leaseMs: 1000, kinds: ['lease'] });
    if (!a) throw new Error('A claimed nothing');
    // A "dies". Until its lease has run out, the job stays with it.
    const early = await claimJobs(other.app.db, {
      workerId: 'B',
      limit: 1,
      now: now + 1000,
      leaseMs: 1000,
      kinds: ['lease'],
    });
    expect(early).toEqual([]);
    const [b] = await claimJobs(other.app.db, {
      workerId: 'B',
      limit: 1,
      now: now + 1001,
      leaseMs: 1000,
      kinds: ['lease'],
    });
    expect(b).toMatchObject({ id, state: 'running', locked_by: 'B', attempts: 2, locked_until: now + 2001 });
    if (!b) throw new Error('B claimed nothing');

    // A comes back: nothing it does counts any more.
    expect(await completeJob(d.app.db, { jobId: id, workerId: 'A', attempts: a.attempts }, now + 1002)).toBe(
      false,
    );
    expect(await completeJob(d.app.db, { jobId: id, workerId: 'A' }, now + 1002)).toBe(false);
    expect(await failJob(d.app.db, a, new Error('late'), { now: now + 1002 })).toEqual({ outcome: 'lost' });
    await expect(
      runInJobTransaction(d.app.db, { jobId: id, workerId: 'A', attempts: a.attempts }, now + 1002, (tx) =>
        insertEffect(tx, id, 'A'),
      ),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await effectsOf(d.app.db, id)).toBe(0);

    await runInJobTransaction(
      other.app.db,
      { jobId: id, workerId: 'B', attempts: b.attempts },
      now + 1003,
      (tx) => insertEffect(tx, id, 'B'),
    );
    expect(await jobRow(d.app.db, id)).toMatchObject({
      state: 'done',
      finished_at: now + 1003,
      locked_by: 'B',
      locked_until: null,
    });
    expect(await effectsOf(d.app.db, id)).toBe(1);
    // Done is final: a late completion by anyone changes nothing.
    expect(await completeJob(other.app.db, { jobId: id, workerId: 'B' }, now + 2000)).toBe(false);
  });

  it('commits a DB-only job’s effects together with its completion, or neither', async () => {
    d.clock.set(T0 + 4_000_000);
    let attempt = 0;
    const registry = createJobRegistry().registerJob('effect', async (ctx) => {
      attempt++;
      await ctx.runInJobTransaction(async (tx) => {
        await insertEffect(tx, ctx.job.id);
        if (attempt === 1) throw new Error('crash after the write, before the commit');
      });
    });
    const job = await insertJob(d.app.db, { kind: 'effect' }, d.clock.now());
    const id = job?.id ?? 0;
    const options = { backoff: { baseMs: 100, random: () => 0 }, onEvent: quiet };
    await runDueJobs(d.app, registry, options);
    expect(await effectsOf(d.app.db, id)).toBe(0);
    expect(await jobRow(d.app.db, id)).toMatchObject({ state: 'pending', attempts: 1 });
    d.clock.advance(100);
    const stats = await runDueJobs(d.app, registry, options);
    expect(stats.done).toBe(1);
    expect(await effectsOf(d.app.db, id)).toBe(1);
    expect(await jobRow(d.app.db, id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('enqueues each cron slot once, however many processes schedule it', async () => {
    const other = d.another();
    const start = T0 + 5_000_000 + 30_000;
    d.clock.set(start);
    const runs: Array<{ at: number; payload: unknown; by: string }> = [];
    const makeRegistry = (by: string) =>
      createJobRegistry()
        .registerJob('cron.tick', async (ctx, payload) => {
          runs.push({ at: ctx.job.run_at, payload, by });
        })
        .registerCron({ name: 'tick', everyMs: 60_000, kind: 'cron.tick', payload: { scope: 'all' } });
    const r1 = makeRegistry('p1');
    const r2 = makeRegistry('p2');
    const slot = Math.floor(start / 60_000) * 60_000;

    const added = await Promise.all([
      scheduleDueCron(d.app.db, r1, start),
      scheduleDueCron(other.app.db, r2, start + 5),
      scheduleDueCron(d.app.db, r2, start + 10),
    ]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(1);
    const rows = await jobsOf(d.app.db, 'cron.tick');
    expect(rows.map((r) => [r.key, r.run_at])).toEqual([[`cron:tick:${slot}`, slot]]);

    const both = async () => {
      if (dialect === 'postgres')
        await Promise.all([runDueJobs(d.app, r1), runDueJobs(other.app, r2, { onEvent: quiet })]);
      else {
        await runDueJobs(d.app, r1);
        await runDueJobs(other.app, r2);
      }
    };
    await both();
    expect(runs.map((r) => [r.at, r.payload])).toEqual([[slot, { scope: 'all' }]]);
    await both();
    expect(runs).toHaveLength(1);

    d.clock.advance(60_000);
    await both();
    await both();
    expect(runs.map((r) => r.at)).toEqual([slot, slot + 60_000]);
    expect((await jobsOf(d.app.db, 'cron.tick')).every((r) => r.state === 'done')).toBe(true);
  });

  it('runs jobs with the concurrency limit, drains, and stop() waits for the running job', async () => {
    d.clock.set(T0 + 6_000_000);
    let active = 0;
    let most = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let startedGated: () => void = () => {};
    const gatedStarted = new Promise<void>((r) => {
      startedGated = r;
    });
    const registry = createJobRegistry()
      .registerJob('conc', async (ctx) => {
        active++;
        most = Math.max(most, active);
        await sleep(15);
        await ctx.runInJobTransaction((tx) => insertEffect(tx, ctx.job.id));
        active--;
      })
      .registerJob('gated', async () => {
        startedGated();
        await gate;
      });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await insertJob(d.app.db, { kind: 'conc' }, d.clock.now()))?.id ?? 0);

    const worker = startWorker(d.app, registry, { concurrency: 3, pollMs: 10, workerId: 'conc-worker' });
    await worker.drain();
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThanOrEqual(2);
    expect(worker.stats.done).toBe(20);
    for (const id of ids) expect(await effectsOf(d.app.db, id)).toBe(1);

    const gated = await insertJob(d.app.db, { kind: 'gated' }, d.clock.now());
    await gatedStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await jobRow(d.app.db, gated?.id ?? 0)).toMatchObject({ state: 'done', locked_by: 'conc-worker' });
    // A stopped worker takes nothing more.
    const late = await insertJob(d.app.db, { kind: 'conc' }, d.clock.now());
    await sleep(40);
    expect(await jobRow(d.app.db, late?.id ?? 0)).toMatchObject({ state: 'pending' });
    await worker.drain();
  });

  it('fails a job that overruns its timeout; the abandoned handler can no longer commit', async () => {
    d.clock.set(T0 + 7_000_000);
    let finished: () => void = () => {};
    const abandonedDone = new Promise<void>((r) => {
      finished = r;
    });
    let outcome: unknown;
    const registry = createJobRegistry().registerJob(
      'slow',
      async (ctx) => {
        await sleep(120);
        try {
          await ctx.runInJobTransaction((tx) => insertEffect(tx, ctx.job.id));
          outcome = 'committed';
        } catch (error) {
          outcome = error;
        }
        finished();
      },
      { timeoutMs: 30, maxAttempts: 1 },
    );
    const job = await insertJob(d.app.db, { kind: 'slow' }, d.clock.now());
    const stats = await runDueJobs(d.app, registry, { onEvent: quiet });
    expect(stats.dead).toBe(1);
    const row = await jobRow(d.app.db, job?.id ?? 0);
    expect(row.state).toBe('dead');
    expect(row.last_error).toContain('timed out after 30 ms');
    await abandonedDone;
    expect(outcome).toBeInstanceOf(LeaseLostError);
    expect(await effectsOf(d.app.db, job?.id ?? 0)).toBe(0);
  });

  it('renews the lease of a job that runs longer than the lease', async () => {
    const live = d.another(systemClock);
    let done: () => void = () => {};
    const finished = new Promise<void>((r) => {
      done = r;
    });
    const registry = createJobRegistry().registerJob('long', async () => {
      await sleep(400);
      done();
    });
    const job = await insertJob(live.app.db, { kind: 'long' }, Date.now());
    const worker = startWorker(live.app, registry, { leaseMs: 120, pollMs: 10, workerId: 'long-runner' });
    await sleep(250);
    // Well past the first lease: another worker would take the job were it not renewed.
    expect(
      await claimJobs(d.app.db, {
        workerId: 'thief',
        limit: 1,
        now: Date.now(),
        leaseMs: 1000,
        kinds: ['long'],
      }),
    ).toEqual([]);
    await finished;
    await worker.drain();
    await worker.stop();
    expect(await jobRow(d.app.db, job?.id ?? 0)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('forgets, when a worker starts, the heartbeats of workers silent for a day, and keeps the others', async () => {
    const now = d.clock.now();
    const hour = 3_600_000;
    await d.app.db
      .insertInto('worker_heartbeats')
      .values([
        { worker_id: 'gone-worker', started_at: now - 72 * hour, heartbeat_at: now - 48 * hour },
        { worker_id: 'recent-worker', started_at: now - 2 * hour, heartbeat_at: now - hour },
      ])
      .execute();
    const worker = startWorker(d.app, createJobRegistry(), { pollMs: 10, workerId: 'fresh-worker' });
    await worker.drain();
    await worker.stop();
    const ids = await d.app.db
      .selectFrom('worker_heartbeats')
      .select('worker_id')
      .orderBy('worker_id')
      .execute();
    expect(ids.map((r) => r.worker_id)).toEqual(expect.arrayContaining(['fresh-worker', 'recent-worker']));
    expect(ids.map((r) => r.worker_id)).not.toContain('gone-worker');
  });

  it('keeps looping through errors (a database without the jobs table) until stopped', async () => {
    const { url, cleanup } = await freshDatabase(dialect);
    const handle = openDatabase(url);
    const errors: unknown[] = [];
    const registry = createJobRegistry().registerJob('never', async () => {});
    const worker = startWorker(appOf(handle, d.clock), registry, {
      pollMs: 5,
      onEvent: (e) => {
        if (e.type === 'error') errors.push(e.error);
      },
    });
    // Two failed polls at least (a busy machine may take a while for them).
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(1);
    expect(String(errors[0])).toMatch(/jobs/);
    await worker.stop();
    await handle.close();
    cleanup();
  });

  it('counts what the test handlers wrote', async () => {
    const all = await effects(d.app.db);
    expect(all.rows).toBe(all.distinct);
  });
});
