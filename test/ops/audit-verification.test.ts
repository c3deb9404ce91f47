import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFICATION_STREAM, verifyHistoryJob } from '../../src/modules/audit/index.js';
import { createJobRegistry, runDueJobs } from '../../src/modules/jobs/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { tamperWithEvents } from '../support/tamper.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('verifying the history from the API on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let auditor: Client;
  const numbers: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    auditor = await login(t.http, 'auditor');
    for (let i = 0; i < 3; i++) {
      const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
      await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
      numbers.push(number);
    }
  });
  afterAll(() => t.close());

  const runVerificationJobs = () => runDueJobs(t.app, createJobRegistry().register(verifyHistoryJob));

  /** Start a verification of the whole history, let a worker run it, and read the outcome. */
  const verifyAll = async () => {
    const started = await auditor.post('/api/v1/audit/verifications');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ scope: 'all', state: 'queued', result: null });
    await runVerificationJobs();
    return (await auditor.ok('GET', `/api/v1/audit/verifications/${started.body.id}`)) as {
      id: number;
      state: string;
      progress: { checked: number; total: number | null };
      result: { intact: boolean; events: number; broken: Record<string, unknown> | null } | null;
    };
  };

  it('runs as a job and reports the history intact, with how much it checked; who asked is in the history', async () => {
    const done = await verifyAll();
    expect(done).toMatchObject({ state: 'done', result: { intact: true, broken: null } });
    const events = await t.app.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stream_type', '=', 'complaint')
      .executeTakeFirstOrThrow();
    expect(done.result?.events).toBeGreaterThanOrEqual(Number(events.n));
    expect(done.progress.checked).toBe(done.result?.events);
    expect(done.progress.total).toBeGreaterThanOrEqual(Number(events.n));

    const recorded = await t.app.db
      .selectFrom('events')
      .select(['kind', 'actor_id', 'data'])
      .where('stream_type', '=', VERIFICATION_STREAM)
      .where('stream_id', '=', done.id)
      .orderBy('seq')
      .execute();
    expect(recorded.map((e) => e.kind)).toEqual(['verification_requested', 'verification_finished']);
    expect(recorded[0]?.actor_id).toBe(t.org.userIds.get('auditor'));
    // Written by an HTTP request and by a job: each event names the one that wrote it.
    expect(JSON.parse(recorded[0]?.data ?? '{}')).toMatchObject({
      scope: 'all',
      requestId: expect.any(String),
    });
    const job = await t.app.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'audit.verify')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(recorded[1]?.data ?? '{}')).toMatchObject({ intact: true, jobId: job.id });

    const list = await auditor.ok('GET', '/api/v1/audit/verifications');
    expect(list.items[0]).toMatchObject({ id: done.id, requestedBy: { name: expect.any(String) } });
  });

  it('names the first broken event and its complaint after a row was edited in the database', async () => {
    const victim = await t.app.db
      .selectFrom('events')
      .innerJoin('complaints', 'complaints.id', 'events.stream_id')
      .select(['events.id', 'events.seq', 'complaints.number'])
      .where('events.stream_type', '=', 'complaint')
      .where('complaints.number', '=', numbers[1] ?? '')
      .where('events.kind', '=', 'accepted')
      .executeTakeFirstOrThrow();
    const edit = (comment: string | null) =>
      tamperWithEvents(
        t.app.db,
        dialect,
        sql`update events set comment = ${comment} where id = ${victim.id}`,
      );
    await edit('changed afterwards');
    try {
      const done = await verifyAll();
      expect(done).toMatchObject({
        state: 'done',
        result: {
          intact: false,
          broken: {
            eventId: victim.id,
            streamType: 'complaint',
            seq: victim.seq,
            reason: 'hash_mismatch',
            complaintNumber: numbers[1],
          },
        },
      });

      // One complaint's chain, verified at once: the tampered one is broken, another is intact.
      const one = await auditor.post(`/api/v1/complaints/${numbers[1]}/history/verifications`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        scope: 'complaint',
        complaintNumber: numbers[1],
        state: 'done',
        result: { intact: false, broken: { eventId: victim.id, complaintNumber: numbers[1] } },
      });
      const other = await auditor.post(`/api/v1/complaints/${numbers[0]}/history/verifications`);
      expect(other.body).toMatchObject({ state: 'done', result: { intact: true, streams: 1 } });
    } finally {
      await edit(null);
    }
    expect((await verifyAll()).result).toMatchObject({ intact: true });
  });

  it('is for auditors and admins only', async () => {
    expect((await agent.post('/api/v1/audit/verifications')).status).toBe(403);
    expect((await agent.get('/api/v1/audit/verifications')).status).toBe(403);
    expect((await agent.post(`/api/v1/complaints/${numbers[0]}/history/verifications`)).status).toBe(403);
    const admin = await login(t.http, 'admin');
    expect((await admin.post(`/api/v1/complaints/${numbers[0]}/history/verifications`)).status).toBe(200);
    expect((await auditor.get('/api/v1/audit/verifications/999999')).status).toBe(404);
    expect((await auditor.post('/api/v1/complaints/KS20000101-000009/history/verifications')).status).toBe(
      404,
    );
  });
});
