import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { insertJob } from '../../src/modules/jobs/index.js';
import { killAll, spawnKesu, waitFor } from '../support/kesu-process.js';
import { DIALECTS, freshDatabase } from '../support/test-app.js';
import { createEffectsTable, effects } from './support.js';

const spawnWorker = (url: string, id: string, env: Record<string, string> = {}) =>
  spawnKesu([], { DATABASE_URL: url, WORKER_ID: id, ...env }, 'test/jobs/worker-process.ts');

describe.skipIf(!DIALECTS.includes('postgres'))('job worker processes on PostgreSQL', () => {
  let url: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    ({ url } = await freshDatabase('postgres'));
    handle = openDatabase(url);
    await migrateToLatest(handle.db);
    await createEffectsTable(handle.db);
  });
  afterEach(async () => {
    // No stray processes, whatever happened in the test.
    await killAll();
    await sql`delete from job_effects`.execute(handle.db);
    await handle.db.deleteFrom('jobs').execute();
  });
  afterAll(() => handle.close());

  const countDone = async () =>
    Number(
      (
        await handle.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('state', '=', 'done')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('two processes run 500 jobs, each exactly once, effects and completion in one transaction', async () => {
    const a = spawnWorker(url, 'proc-a');
    const b = spawnWorker(url, 'proc-b');
    await Promise.all([a.line(/^READY$/), b.line(/^READY$/)]);

    const now = Date.now();
    await handle.db.transaction().execute(async (tx) => {
      for (let n = 1; n <= 500; n++)
        await insertJob(tx, { kind: 'test.effect', payload: { n, sleepMs: 2 } }, now);
    });
    await waitFor(async () => (await countDone()) === 500, '500 done jobs', 60_000);

    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toEqual({ code: 0, signal: null });
    expect(await b.exited).toEqual({ code: 0, signal: null });

    expect(await effects(handle.db)).toEqual({ rows: 500, distinct: 500 });
    const perWorker = await sql<{ worker: string; n: number }>`
      select worker, count(*)::int as n from job_effects group by worker order by worker`.execute(handle.db);
    expect(perWorker.rows.map((r) => r.worker)).toEqual(['proc-a', 'proc-b']);
    expect(perWorker.rows.every((r) => r.n > 0)).toBe(true);
    const jobs = await handle.db.selectFrom('jobs').selectAll().execute();
    expect(jobs).toHaveLength(500);
    expect(jobs.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    // Each effect row was written by the worker that holds the job's completion.
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from job_effects e join jobs j on j.id = e.job_id where j.locked_by <> e.worker`.execute(
      handle.db,
    );
    expect(mismatched.rows[0]?.n).toBe(0);
    console.log(
      `500 jobs: ${perWorker.rows.map((r) => `${r.worker} ${r.n}`).join(', ')}; no duplicates, no losses`,
    );
  });

  it('a process killed (SIGKILL) in the middle of a job loses nothing: the other retakes it after the lease', async () => {
    const leaseMs = '1500';
    const now = Date.now();
    let held = 0;
    await handle.db.transaction().execute(async (tx) => {
      held = (await insertJob(tx, { kind: 'test.effect', payload: { n: 0, hold: true } }, now))?.id ?? 0;
      for (let n = 1; n <= 200; n++)
        await insertJob(tx, { kind: 'test.effect', payload: { n, sleepMs: 5 } }, now);
    });

    const victim = spawnWorker(url, 'victim', { HOLD: '1', LEASE_MS: leaseMs });
    expect(await victim.line(/^HOLDING \d+$/)).toBe(`HOLDING ${held}`);
    const survivor = spawnWorker(url, 'survivor', { LEASE_MS: leaseMs });
    await survivor.line(/^READY$/);
    // The held job is mid-transaction in the victim: its row is written but not committed.
    const before = await handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', held)
      .executeTakeFirstOrThrow();
    expect(before).toMatchObject({ state: 'running', locked_by: 'victim', attempts: 1 });
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');

    await waitFor(async () => (await countDone()) === 201, 'all 201 jobs done', 30_000);
    const after = await handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', held)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ state: 'done', locked_by: 'survivor', attempts: 2 });
    // Retaken only once the victim's lease had run out.
    expect(after.finished_at ?? 0).toBeGreaterThanOrEqual(before.locked_until ?? Number.POSITIVE_INFINITY);
    expect(after.finished_at ?? 0).toBeGreaterThan(killedAt);

    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toEqual({ code: 0, signal: null });

    expect(await effects(handle.db)).toEqual({ rows: 201, distinct: 201 });
    const heldEffects = await sql<{
      worker: string;
    }>`select worker from job_effects where job_id = ${held}`.execute(handle.db);
    expect(heldEffects.rows).toEqual([{ worker: 'survivor' }]);
    const jobs = await handle.db.selectFrom('jobs').selectAll().execute();
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    // Every job's effect was written by the worker that completed it: nothing the victim left uncommitted survived.
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from job_effects e join jobs j on j.id = e.job_id where j.locked_by <> e.worker`.execute(
      handle.db,
    );
    expect(mismatched.rows[0]?.n).toBe(0);
  });
});
