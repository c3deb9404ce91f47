import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { registerComplaint } from '../../src/modules/complaints/index.js';
import { insertJob } from '../../src/modules/jobs/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { writeSetting } from '../../src/modules/settings/index.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const COMPLAINTS = 500;

/** Two real worker processes on one PostgreSQL database, sweeping the same breaches. */
describe.skipIf(!DIALECTS.includes('postgres'))('escalation with two worker processes on postgres', () => {
  let t: TestApp;
  let robot: Server;
  const posts: string[] = [];
  const workers: ChildProcess[] = [];
  const numbers: string[] = [];

  beforeAll(async () => {
    robot = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        posts.push(JSON.parse(body).text.content);
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    const robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/send?key=k`;

    // Registered two hours ago: every one of them is an hour past its registration limit.
    const clock = fixedClock(Date.now() - 2 * 3600_000);
    t = await startTestApp('postgres', { clock });
    const admin = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
    const agent = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
    if (!admin || !agent) throw new Error('demo users missing');
    await writeSetting(
      { ...t.app, actor: admin },
      'notify_channels',
      { robots: [{ name: 'ops', config: { channel: 'wecom', webhookUrl: robotUrl } }] },
      {},
    );
    for (let i = 0; i < COMPLAINTS; i++) {
      numbers.push((await registerComplaint({ ...t.app, actor: agent }, buildComplaint(t.org))).number);
    }
    // Several sweeps at once, so that both processes sweep the same breaches concurrently.
    for (let i = 0; i < 6; i++)
      await insertJob(t.app.db, { kind: 'sla.sweep', key: `test-sweep-${i}` }, Date.now());
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await new Promise<void>((resolve) => robot.close(() => resolve()));
    await t.close();
  });

  it('escalates each complaint once and sends each notice once', async () => {
    for (const id of ['w1', 'w2']) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/sla/kesu-worker-process.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          WORKER_ID: id,
          KESU_SECRET: TEST_SECRET,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(child);
    }
    const deadline = Date.now() + 90_000;
    const count = async (q: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await q.execute(t.app.db)).rows[0]?.n ?? 0);
    for (;;) {
      const escalated = await count(sql`select count(*) as n from complaints where escalation_level = 1`);
      // The escalation notices only: the early warnings this flood raises are told to the robot too,
      // without a complaint (counting them, the wait never ended before its deadline).
      const sent = await count(
        sql`select count(*) as n from notifications where channel = 'robot:ops' and status = 'sent' and complaint_id is not null`,
      );
      if ((escalated === COMPLAINTS && sent === COMPLAINTS) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Let any duplicate a race might produce arrive before counting.
    await new Promise((r) => setTimeout(r, 1500));
    for (const w of workers) w.kill('SIGTERM');

    const perComplaint = await sql<{ n: number }>`
      select count(*) as n from events where stream_type = 'complaint' and kind = 'escalated' group by stream_id`.execute(
      t.app.db,
    );
    expect(perComplaint.rows).toHaveLength(COMPLAINTS);
    expect(perComplaint.rows.every((r) => Number(r.n) === 1)).toBe(true);
    const c = await sql<{ level: number; priority: string; n: number }>`
      select escalation_level as level, priority, count(*) as n from complaints group by escalation_level, priority`.execute(
      t.app.db,
    );
    expect(c.rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
      { level: 1, priority: 'P2', n: COMPLAINTS },
    ]);

    // The robot also hears of the early warnings this flood of overdue complaints raises (预警):
    // count the escalation notices, each naming its complaint.
    const escalations = posts.filter((p) => /KS\d{8}-\d{6}/.test(p));
    expect(escalations).toHaveLength(COMPLAINTS);
    const mentioned = new Set(escalations.map((p) => p.match(/KS\d{8}-\d{6}/)?.[0]));
    expect(mentioned).toEqual(new Set(numbers));
    const robotNotices = await count(
      sql`select count(*) as n from events where stream_type = 'complaint' and kind = 'notice_sent' and data like '%robot:ops%'`,
    );
    expect(robotNotices).toBe(COMPLAINTS);
    const jobs = await sql<{ worker: string; n: number }>`
      select locked_by as worker, count(*) as n from jobs where kind = 'notify.send' and state = 'done' group by locked_by`.execute(
      t.app.db,
    );
    // Both processes did a share of the sending.
    expect(jobs.rows.length).toBe(2);
  }, 150_000);
});
