import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { killAll, smsThrough, spawnKesu, waitFor } from '../support/kesu-process.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type VendorOptions, vendor } from '../support/vendor-server.js';

const WORKER = 'test/sla/kesu-worker-process.ts';

describe.each(DIALECTS)('a notice sent once on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await killAll();
    await t?.close();
  });

  it('a worker killed while the SMS is being sent: the retry carries the same id and the customer gets it once', async () => {
    t = await startTestApp(dialect);
    const slow: VendorOptions = { delayMs: 600_000 };
    const gateway = await vendor(() => ({ status: 200, body: { id: 'sms-1' } }), slow);
    await smsThrough(t, gateway.url);
    const agent = await login(t.http, 'agent');
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    // 受理: the acknowledgment goes to the customer by SMS.
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    const notice = () =>
      t?.app.db
        .selectFrom('notifications')
        .selectAll()
        .where('channel', '=', 'sms')
        .executeTakeFirstOrThrow() ?? Promise.reject(new Error('no app'));

    const env = { DATABASE_URL: t.url, LEASE_MS: '1500' };
    const first = spawnKesu([], { ...env, WORKER_ID: 'first' }, WORKER);
    await waitFor(() => gateway.received.length === 1, 'the SMS to reach the gateway', 120_000);
    // The gateway took the message (the customer has it) but its answer never comes back.
    expect(gateway.delivered).toHaveLength(1);
    expect(await notice()).toMatchObject({ status: 'sending' });
    first.child.kill('SIGKILL');
    await first.exited;

    slow.delayMs = 0;
    const second = spawnKesu([], { ...env, WORKER_ID: 'second' }, WORKER);
    await waitFor(async () => (await notice()).status === 'sent', 'the notice to be sent', 120_000);
    second.child.kill('SIGTERM');
    await second.exited;

    const sent = await notice();
    // Sent twice over the wire, under one id: the gateway delivered it once.
    expect(gateway.received).toHaveLength(2);
    expect(gateway.received.map((r) => r.headers['idempotency-key'])).toEqual([
      sent.notice_key,
      sent.notice_key,
    ]);
    expect(gateway.received.map((r) => JSON.parse(r.body).id)).toEqual([sent.notice_key, sent.notice_key]);
    expect(gateway.delivered).toHaveLength(1);
    const history = await t.app.db
      .selectFrom('events')
      .select('data')
      .where('kind', '=', 'notice_sent')
      .execute();
    expect(history.filter((e) => JSON.parse(e.data).notificationId === sent.id)).toHaveLength(1);
    console.log(
      `notice-once ${dialect}: requests ${gateway.received.length}, delivered ${gateway.delivered.length}`,
    );
    await gateway.close();
  }, 300_000);

  it('an in-app notice lands in the inbox once: a second copy is refused by the database', async () => {
    t = await startTestApp(dialect);
    const agent = await login(t.http, 'agent');
    const handler = t.org.userIds.get('handler') ?? 0;
    const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: handler,
    });
    const item = await t.app.db
      .selectFrom('inbox_items')
      .selectAll()
      .where('user_id', '=', handler)
      .executeTakeFirstOrThrow();
    expect(item.notification_id).not.toBeNull();
    const { id: _id, ...copy } = item;
    await expect(t.app.db.insertInto('inbox_items').values(copy).execute()).rejects.toThrow(/unique/i);
  });
});
