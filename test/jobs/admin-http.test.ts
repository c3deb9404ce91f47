import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimJobs,
  createJobRegistry,
  failJob,
  insertJob,
  PermanentJobError,
  runDueJobs,
} from '../../src/modules/jobs/index.js';
import { jobRoutes } from '../../src/modules/jobs/routes.js';
import type { Http } from '../../src/server/http.js';
import { anonymous, type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('job admin API on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  const ids: Record<string, number> = {};

  /** Enqueue and take one attempt that fails, as a worker would. */
  async function failOnce(kind: string, payload: unknown, error: Error): Promise<number> {
    const now = t.app.clock.now();
    const job = await insertJob(t.app.db, { kind, payload }, now);
    const claimed = await claimJobs(t.app.db, { workerId: 'w', limit: 1, now, leaseMs: 1000, kinds: [kind] });
    const mine = claimed.find((j) => j.id === job?.id);
    if (!mine) throw new Error('not claimed');
    await failJob(t.app.db, mine, error, { now, backoff: { baseMs: 3_600_000 } });
    return mine.id;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // buildApp wires jobRoutes in; should it not, they join the test app before its first request.
    if (!t.http.hasRoute({ method: 'GET', url: '/api/v1/jobs' }))
      await t.http.register(async (api) => jobRoutes(api as Http, t.app), { prefix: '/api/v1' });
    admin = await login(t.http, 'admin');
    agent = await login(t.http, 'agent');

    ids.dead1 = await failOnce(
      'mail.send',
      { to: 'a@example.com' },
      new PermanentJobError('550 no such user'),
    );
    ids.dead2 = await failOnce(
      'mail.send',
      { to: 'b@example.com' },
      new PermanentJobError('550 no such user'),
    );
    ids.dead3 = await failOnce(
      'mail.send',
      { to: 'c@example.com' },
      new PermanentJobError('550 no such user'),
    );
    ids.deadOther = await failOnce('sms.send', { to: '13800000000' }, new PermanentJobError('bad number'));
    ids.failed = await failOnce('mail.send', { to: 'd@example.com' }, new Error('451 try later'));
    ids.pending =
      (await insertJob(t.app.db, { kind: 'mail.send', runAt: Date.now() + 3_600_000 }, Date.now()))?.id ?? 0;
    const now = Date.now();
    ids.running = (await insertJob(t.app.db, { kind: 'report.build' }, now))?.id ?? 0;
    await claimJobs(t.app.db, { workerId: 'w9', limit: 1, now, leaseMs: 60_000, kinds: ['report.build'] });
  });
  afterAll(() => t.close());

  it('lists dead jobs newest first, by kind, a page at a time', async () => {
    const all = await admin.get('/api/v1/jobs?state=dead');
    expect(all.status).toBe(200);
    expect(all.body.items.map((j: { id: number }) => j.id)).toEqual([
      ids.deadOther,
      ids.dead3,
      ids.dead2,
      ids.dead1,
    ]);
    expect(all.body.nextCursor).toBeNull();
    const first = all.body.items[1];
    expect(first).toMatchObject({
      id: ids.dead3,
      kind: 'mail.send',
      state: 'dead',
      payload: { to: 'c@example.com' },
      attempts: 1,
      maxAttempts: 8,
      lockedBy: 'w',
      lockedUntil: null,
      key: null,
    });
    expect(first.lastError).toContain('PermanentJobError: 550 no such user');
    expect(Date.parse(first.finishedAt)).toBeGreaterThan(0);

    const page1 = await admin.get('/api/v1/jobs?state=dead&kind=mail.send&limit=2');
    expect(page1.body.items.map((j: { id: number }) => j.id)).toEqual([ids.dead3, ids.dead2]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await admin.get(
      `/api/v1/jobs?state=dead&kind=mail.send&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items.map((j: { id: number }) => j.id)).toEqual([ids.dead1]);
    expect(page2.body.nextCursor).toBeNull();

    const failed = await admin.get('/api/v1/jobs?state=failed');
    expect(failed.body.items.map((j: { id: number }) => j.id)).toEqual([ids.failed]);
    expect(failed.body.items[0]).toMatchObject({
      state: 'pending',
      lastError: expect.stringContaining('451'),
    });
    const everything = await admin.get('/api/v1/jobs');
    expect(everything.body.items).toHaveLength(7);
  });

  it('shows one job, and answers 404, 400, 403 and 401 where it should', async () => {
    const one = await admin.get(`/api/v1/jobs/${ids.running}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: ids.running,
      kind: 'report.build',
      state: 'running',
      lockedBy: 'w9',
    });

    const missing = await admin.get('/api/v1/jobs/987654');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('job_not_found');
    expect(missing.headers['content-type']).toContain('application/problem+json');

    expect((await admin.get('/api/v1/jobs?state=exploded')).status).toBe(400);
    const badCursor = await admin.get('/api/v1/jobs?cursor=garbage');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.fields).toEqual([
      expect.objectContaining({ path: '/querystring/cursor', code: 'invalid_cursor' }),
    ]);
    expect((await admin.get('/api/v1/jobs/abc')).status).toBe(400);

    expect((await agent.get('/api/v1/jobs')).status).toBe(403);
    expect((await agent.get(`/api/v1/jobs/${ids.dead1}`)).status).toBe(403);
    expect((await agent.post(`/api/v1/jobs/${ids.dead1}/retry`)).status).toBe(403);
    expect((await anonymous(t.http).get('/api/v1/jobs')).status).toBe(401);
  });

  it('retries a dead or failed job now with attempts reset, records who did it, and refuses other states', async () => {
    const before = Date.now();
    const retried = await admin.post(`/api/v1/jobs/${ids.dead1}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: ids.dead1,
      state: 'pending',
      attempts: 0,
      lastError: null,
      lockedBy: null,
      finishedAt: null,
    });
    expect(Date.parse(retried.body.runAt)).toBeGreaterThanOrEqual(before - 1);

    const event = await t.app.db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', 'job')
      .where('stream_id', '=', ids.dead1 ?? 0)
      .executeTakeFirstOrThrow();
    expect(event.kind).toBe('job_retried');
    expect(event.actor_id).toBe(t.org.userIds.get('admin'));
    expect(JSON.parse(event.data)).toMatchObject({
      kind: 'mail.send',
      before: { state: 'dead', attempts: 1, lastError: expect.stringContaining('550 no such user') },
    });

    const failed = await admin.post(`/api/v1/jobs/${ids.failed}/retry`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ state: 'pending', attempts: 0 });

    for (const id of [ids.running, ids.pending, ids.dead1]) {
      const refused = await admin.post(`/api/v1/jobs/${id}/retry`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('job_not_retryable');
    }
    expect((await admin.post('/api/v1/jobs/987654/retry')).status).toBe(404);

    // The retried jobs run again and finish.
    const sent: unknown[] = [];
    const registry = createJobRegistry().registerJob('mail.send', async (_ctx, payload) => {
      sent.push(payload);
    });
    await runDueJobs(t.app, registry);
    expect(sent).toEqual(expect.arrayContaining([{ to: 'a@example.com' }, { to: 'd@example.com' }]));
    expect(sent).toHaveLength(2);
    const done = await admin.get(`/api/v1/jobs/${ids.dead1}`);
    expect(done.body).toMatchObject({ state: 'done', attempts: 1 });
    const done2 = await admin.get('/api/v1/jobs?state=done&kind=mail.send');
    expect(done2.body.items.map((j: { id: number }) => j.id)).toEqual([ids.failed, ids.dead1]);
  });
});
