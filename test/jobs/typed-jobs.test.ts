import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import {
  createJobRegistry,
  defineJob,
  enqueue,
  insertJob,
  runDueJobs,
  type WorkerEvent,
} from '../../src/modules/jobs/index.js';
import { sendNoticeJob } from '../../src/modules/notify/index.js';
import { DIALECTS } from '../support/test-app.js';
import { type JobsDb, jobsDb, T0 } from './support.js';

const seen: Array<{ to: string; times: number }> = [];
const mailJob = defineJob({
  kind: 'test.mail',
  payload: Type.Object({ to: Type.String({ format: 'email' }), times: Type.Integer({ minimum: 1 }) }),
  handler: async (_ctx, payload) => {
    seen.push(payload);
  },
  maxAttempts: 5,
});

describe('job definitions', () => {
  it('type-check the payload at the enqueue site', () => {
    const typed = (db: Parameters<typeof enqueue>[0]) => [
      enqueue(db, sendNoticeJob, { notificationId: 1 }, { now: 0 }),
      // @ts-expect-error the notice's id is a number
      enqueue(db, sendNoticeJob, { notificationId: 'x' }, { now: 0 }),
      // @ts-expect-error a payload lacking a property
      enqueue(db, mailJob, { to: 'a@example.com' }, { now: 0 }),
    ];
    expect(typed).toBeTypeOf('function');
  });

  it('say what is wrong with a payload, or nothing', () => {
    expect(mailJob.invalidPayload({ to: 'a@example.com', times: 2 })).toBeNull();
    expect(mailJob.invalidPayload({ to: 'a@example.com', times: 0 })).toMatch(/^\/times: /);
    expect(mailJob.invalidPayload('text')).toMatch(/^\/: /);
  });

  it('refuse bad limits, and a kind registered twice', () => {
    expect(() =>
      defineJob({ kind: 'x', payload: Type.Null(), handler: async () => {}, maxAttempts: 0 }),
    ).toThrow(/maxAttempts/);
    expect(() =>
      defineJob({ kind: 'x', payload: Type.Null(), handler: async () => {}, timeoutMs: 0 }),
    ).toThrow(/timeoutMs/);
    expect(() => createJobRegistry().register(mailJob).register(mailJob)).toThrow(/twice/);
    expect(kesuJobs().kinds()).toEqual(
      expect.arrayContaining(['notify.send', 'sla.sweep', 'complaint.close_unreachable', 'classifier.train']),
    );
  });
});

describe.each(DIALECTS)('typed jobs on %s', (dialect) => {
  let d: JobsDb;
  beforeAll(async () => {
    d = await jobsDb(dialect);
  });
  afterAll(() => d.close());

  it('stores the kind’s maxAttempts, runs a fitting payload and kills one that does not fit at once', async () => {
    d.clock.set(T0);
    seen.length = 0;
    const registry = createJobRegistry().register(mailJob);
    const good = await enqueue(d.app.db, mailJob, { to: 'a@example.com', times: 1 }, { now: T0, key: 'm1' });
    expect(
      await enqueue(d.app.db, mailJob, { to: 'b@example.com', times: 1 }, { now: T0, key: 'm1' }),
    ).toBeNull();
    // A row written by hand (or by an older version) with a payload the schema refuses.
    const bad = await insertJob(d.app.db, { kind: 'test.mail', payload: { to: 'not mail', times: '2' } }, T0);
    const events: WorkerEvent[] = [];
    const stats = await runDueJobs(d.app, registry, { onEvent: (e) => events.push(e) });
    expect(stats).toMatchObject({ done: 1, dead: 1, retried: 0 });
    expect(seen).toEqual([{ to: 'a@example.com', times: 1 }]);
    const rows = await d.app.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', 'in', [good?.id ?? 0, bad?.id ?? 0])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.state, r.attempts, r.max_attempts])).toEqual([
      ['done', 1, 5],
      ['dead', 1, 5],
    ]);
    expect(rows[1]?.last_error).toMatch(/^PermanentJobError: payload does not fit job kind test\.mail: /);
    expect(rows[1]?.last_error).toContain('/to');
    expect(rows[1]?.last_error).toContain('/times');
  });
});
