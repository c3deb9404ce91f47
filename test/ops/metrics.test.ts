import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import {
  enqueue,
  insertJob,
  jobQueueCounts,
  oldestWaitingMs,
  runDueJobs,
} from '../../src/modules/jobs/index.js';
import { sendNoticeJob } from '../../src/modules/notify/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { createApiToken } from '../../src/modules/org/api-tokens.js';
import { openBreachCounts } from '../../src/modules/sla/index.js';
import { buildApp } from '../../src/server/app.js';
import type { Http } from '../../src/server/http.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** The value of one series in Prometheus text, 0 when absent; labels are matched as written. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(DIALECTS)('Prometheus metrics on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  /** The same database behind a server that has a metrics token configured. */
  let guarded: Http;
  let tokenOf: (username: string) => Promise<string>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    guarded = await buildApp(t.app, { metricsToken: METRICS_TOKEN });
    const admin = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
    if (!admin) throw new Error('no admin');
    tokenOf = async (username) =>
      (
        await createApiToken(
          { ...t.app, actor: admin },
          { name: username, userId: t.org.userIds.get(username) ?? 0 },
        )
      ).token;
  });
  afterAll(async () => {
    await guarded.close();
    await t.close();
  });

  const scrape = async (
    http: Http = t.http,
    headers: Record<string, string> = {},
    remoteAddress?: string,
  ) => {
    const res = await http.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    return { status: res.statusCode, text: res.body, type: res.headers['content-type'] };
  };

  it('counts a request by route pattern, method and status, with its latency', async () => {
    const before = (await scrape()).text;
    const created = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    await agent.ok('GET', `/api/v1/complaints/${created.number}`);
    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const posted = 'kesu_http_requests_total{route="/api/v1/complaints",method="POST",status="201"}';
    expect(sample(after.text, posted) - sample(before, posted)).toBe(1);
    // The pattern, not the complaint's number: one series for every complaint.
    const read = 'kesu_http_requests_total{route="/api/v1/complaints/:number",method="GET",status="200"}';
    expect(sample(after.text, read) - sample(before, read)).toBe(1);
    expect(after.text).not.toContain(created.number);
    const count = 'kesu_http_request_duration_seconds_count{route="/api/v1/complaints",method="POST"}';
    expect(sample(after.text, count) - sample(before, count)).toBe(1);
    expect(after.text).toMatch(
      /kesu_http_request_duration_seconds_bucket\{le="0\.1",route="\/api\/v1\/complaints",method="POST"\} \d+/,
    );
    // Process metrics from the default collectors.
    expect(after.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('shows the job queue, counts the jobs run and the notices that could not be sent', async () => {
    // A notice by SMS, which the test organisation has not configured: sending it fails for good.
    const now = t.app.clock.now();
    const notice = await t.app.db
      .insertInto('notifications')
      .values({
        complaint_id: null,
        notice_key: randomUUID(),
        event: 'acknowledgment',
        channel: 'sms',
        recipient: '13800000000',
        user_id: null,
        locale: 'zh-CN',
        subject: '',
        body: '您的投诉已受理',
        status: 'pending',
        attempts: 0,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueue(t.app.db, sendNoticeJob, { notificationId: notice.id }, { now });
    const queued = (await scrape()).text;
    expect(sample(queued, 'kesu_jobs{kind="notify.send",state="pending"}')).toBe(1);
    await runDueJobs(t.app, kesuJobs());
    const after = (await scrape()).text;
    expect(sample(after, 'kesu_jobs{kind="notify.send",state="pending"}')).toBe(0);
    const done = 'kesu_job_runs_total{kind="notify.send",outcome="done"}';
    expect(sample(after, done) - sample(queued, done)).toBe(1);
    const failed = 'kesu_notice_send_failures_total{channel="sms",retryable="false"}';
    expect(sample(after, failed) - sample(queued, failed)).toBe(1);
  });

  it('shows how long the oldest due job has waited, and the breached time limits still open', async () => {
    const now = t.app.clock.now();
    const stale = await insertJob(t.app.db, { kind: 'jobs.prune', runAt: now - 90_000 }, now - 90_000);
    const text = (await scrape()).text;
    expect(sample(text, 'kesu_jobs_oldest_waiting_seconds')).toBeGreaterThanOrEqual(90);
    await t.app.db
      .deleteFrom('jobs')
      .where('id', '=', stale?.id ?? 0)
      .execute();
    expect(sample((await scrape()).text, 'kesu_jobs_oldest_waiting_seconds')).toBeLessThan(90);

    const clock = await t.app.db
      .selectFrom('complaint_deadlines')
      .select(['complaint_id', 'stage'])
      .where('met_at', 'is', null)
      .executeTakeFirstOrThrow();
    const series = `kesu_sla_open_breaches{stage="${clock.stage}"}`;
    const before = sample(text, series);
    await t.app.db
      .updateTable('complaint_deadlines')
      .set({ breached_at: now })
      .where('complaint_id', '=', clock.complaint_id)
      .where('stage', '=', clock.stage)
      .execute();
    expect(sample((await scrape()).text, series)).toBe(before + 1);
  });

  /** The status of a scrape from `remote`, with a bearer token or none. */
  const statusOf = async (http: Http, remote: string, bearer?: string) =>
    (await scrape(http, bearer ? { authorization: `Bearer ${bearer}` } : {}, remote)).status;
  const OUTSIDE = '203.0.113.7';

  it('answers anonymous scrapes only from this host when no metrics token is set', async () => {
    expect(await statusOf(t.http, '127.0.0.1')).toBe(200);
    const outside = await scrape(t.http, {}, OUTSIDE);
    expect(outside.status).toBe(401);
    expect(JSON.parse(outside.text)).toMatchObject({ code: 'unauthenticated' });
    expect(await statusOf(t.http, OUTSIDE, await tokenOf('auditor'))).toBe(200);
  });

  it('with a metrics token, wants it (or an admin or auditor API token) from everyone', async () => {
    expect(await statusOf(guarded, '127.0.0.1')).toBe(401);
    expect(await statusOf(guarded, OUTSIDE, 'not-the-token')).toBe(401);
    expect(await statusOf(guarded, OUTSIDE, METRICS_TOKEN)).toBe(200);
    expect(await statusOf(guarded, OUTSIDE, await tokenOf('admin'))).toBe(200);
    expect(await statusOf(guarded, OUTSIDE, await tokenOf('agent'))).toBe(403);
  });

  it('is not part of the API contract', async () => {
    const doc = (await t.http.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('reads the database through indexes only, so that scrapes stay cheap with millions of rows', async () => {
    const queries = [
      ['jobs_state_kind', (db: Db) => jobQueueCounts(db)],
      ['jobs_state_run_at', (db: Db) => oldestWaitingMs(db, Date.now())],
      ['complaint_deadlines_breached_open', (db: Db) => openBreachCounts(db)],
    ] as const;
    for (const [index, run] of queries) {
      const compiled = await captureQuery(t.app.db, run);
      const plan = await planOf(t, compiled.sql, compiled.parameters);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/\bSCAN (jobs|complaint_deadlines)\b(?! USING)|Seq Scan/);
    }
  });
});

type Db = TestApp['app']['db'];

/** The SQL one call sends, as compiled for this dialect. */
async function captureQuery(db: Db, run: (db: Db) => Promise<unknown>) {
  let compiled: { sql: string; parameters: readonly unknown[] } | null = null;
  const spy = db.withPlugin({
    transformQuery: (args) => {
      compiled = db.getExecutor().compileQuery(args.node, args.queryId);
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await run(spy as Db);
  if (!compiled) throw new Error('no query');
  return compiled as { sql: string; parameters: readonly unknown[] };
}

/** The query plan; on PostgreSQL with sequential scans priced out, so that a missing index shows as "Seq Scan". */
async function planOf(t: TestApp, text: string, parameters: readonly unknown[]): Promise<string> {
  const raw = sql.raw(text);
  if (t.app.dialect === 'sqlite') {
    const rows = await t.app.db.executeQuery<{ detail: string }>({
      ...sql`explain query plan ${raw}`.compile(t.app.db),
      parameters,
    });
    return rows.rows.map((r) => r.detail).join('; ');
  }
  return t.app.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const rows = await tx.executeQuery<{ 'QUERY PLAN': string }>({
      ...sql`explain ${raw}`.compile(tx),
      parameters,
    });
    return rows.rows.map((r) => r['QUERY PLAN']).join('; ');
  });
}
