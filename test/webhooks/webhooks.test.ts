import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { startWorker, type Worker } from '../../src/modules/jobs/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type Received, startReceiver } from './receiver.js';

/** What a receiver does with the header (docs/webhooks.md): HMAC-SHA256 of "t.body", compared in constant time. */
function verifies(secret: string, r: Received): boolean {
  const header = String(r.headers['x-kesu-signature']);
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(`${t}.${r.body}`).digest();
  const given = Buffer.from(v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe.each(DIALECTS)('outbound webhooks on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  let worker: Worker;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    process.env.KESU_WEBHOOKS_ALLOW_PRIVATE = 'true';
    receiver = await startReceiver();
    t = await startTestApp(dialect);
    admin = await login(t.http, 'admin');
    agent = await login(t.http, 'agent');
    // Retries 0.2 s then 0.4 s after a failure (the lower end of each backoff step).
    worker = startWorker(t.app, kesuJobs(), {
      pollMs: 50,
      backoff: { baseMs: 400, random: () => 0 },
      onEvent: () => {},
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await receiver?.close();
  });

  const subscribe = (path: string, kinds: string[]) =>
    admin.ok('POST', '/api/v1/webhooks', { url: receiver.url(path), kinds, description: path });
  const register = async (overrides = {}) =>
    (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number as string;
  const deliveries = async (id: number) => (await admin.ok('GET', `/api/v1/webhooks/${id}/deliveries`)).items;
  const arrivals = (path: string, n: number) =>
    expect.poll(() => receiver.at(path).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);

  it('tells a subscriber of a new complaint in a signed body without personal data', async () => {
    const sub = await subscribe('/registered', ['complaint.registered']);
    expect(sub.secret).toMatch(/^whsec_/);
    const number = await register({
      complainant: {
        name: '欧阳娜娜',
        phone: '13912345678',
        email: 'nana@example.com',
        preferredContact: 'phone',
      },
    });
    await arrivals('/registered', 1);
    const [r] = receiver.at('/registered');
    if (!r) throw new Error('nothing received');
    expect(r.headers['x-kesu-event']).toBe('complaint.registered');
    expect(r.headers['x-kesu-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(verifies(sub.secret, r)).toBe(true);
    expect(verifies('whsec_someone-else', r)).toBe(false);
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({
      kind: 'complaint.registered',
      historyKind: 'registered',
      complaint: {
        number,
        status: 'received',
        priority: expect.any(String),
        category: { id: t.org.categoryIds.get('delay.transit') },
        url: `http://kesu.test/complaints/${number}`,
      },
    });
    expect(body.eventId).toEqual(expect.any(Number));
    expect(r.body).not.toMatch(/欧阳娜娜|13912345678|5678|nana@example|三天没有物流更新/);

    // The log shows the delivery with its one attempt (recorded once the answer is in); the list and
    // the database never show the secret.
    await expect.poll(async () => (await deliveries(sub.id))[0]?.state).toBe('delivered');
    const [d] = await deliveries(sub.id);
    expect(d).toMatchObject({
      deliveryId: r.headers['x-kesu-delivery'],
      state: 'delivered',
      eventId: body.eventId,
    });
    expect(d.attempts).toEqual([expect.objectContaining({ statusCode: 200, trigger: 'auto', error: null })]);
    const list = await admin.ok('GET', '/api/v1/webhooks');
    expect(JSON.stringify(list)).not.toContain(sub.secret);
    const stored = await t.app.db
      .selectFrom('webhook_subscriptions')
      .select('secret')
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(sub.secret.slice(6));
  });

  it('sends only the kinds subscribed to', async () => {
    const sub = await subscribe('/accepted', ['complaint.accepted']);
    const number = await register();
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`, {});
    await arrivals('/accepted', 1);
    const got = receiver.at('/accepted');
    expect(got.map((r) => r.headers['x-kesu-event'])).toEqual(['complaint.accepted']);
    expect(JSON.parse(got[0]?.body ?? '{}')).toMatchObject({
      complaint: { number, status: 'accepted' },
      statusChange: { from: 'received', to: 'accepted' },
    });
    expect(await deliveries(sub.id)).toHaveLength(1);
  });

  it('retries a failing receiver with growing delays and delivers on the third attempt', async () => {
    const sub = await subscribe('/flaky', ['complaint.registered']);
    receiver.answer('/flaky', 500, 500, 200);
    await register();
    await expect
      .poll(async () => (await deliveries(sub.id))[0]?.state, { timeout: 20_000 })
      .toBe('delivered');
    const [d] = await deliveries(sub.id);
    expect(d.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    expect(d.attempts[0].responseSnippet).toBe('failure 500');
    const got = receiver.at('/flaky');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.headers['x-kesu-delivery']))).toEqual(new Set([d.deliveryId]));
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    const [a, b, c] = got.map((r) => r.at) as [number, number, number];
    // Exponential backoff: the second wait is longer than the first.
    expect(c - b).toBeGreaterThan(b - a);
  });

  it('replays a delivery with the same id and body; a test event reaches the receiver', async () => {
    const sub = await subscribe('/replay', ['complaint.registered']);
    await register();
    await arrivals('/replay', 1);
    await expect.poll(async () => (await deliveries(sub.id))[0]?.state).toBe('delivered');
    const [d] = await deliveries(sub.id);
    const replay = await admin.post(`/api/v1/webhooks/${sub.id}/deliveries/${d.id}/replay`);
    expect(replay.status).toBe(202);
    await arrivals('/replay', 2);
    const [first, again] = receiver.at('/replay');
    expect(again?.headers['x-kesu-delivery']).toBe(first?.headers['x-kesu-delivery']);
    expect(again?.body).toBe(first?.body);
    await expect
      .poll(async () => (await deliveries(sub.id))[0]?.attempts.map((x: { trigger: string }) => x.trigger))
      .toEqual(['auto', 'replay']);

    // A rotated secret signs from then on; the old one no longer verifies.
    const rotated = await admin.ok('POST', `/api/v1/webhooks/${sub.id}/rotate-secret`);
    expect(rotated.secret).not.toBe(sub.secret);
    expect((await admin.post(`/api/v1/webhooks/${sub.id}/test`)).status).toBe(202);
    await arrivals('/replay', 3);
    const test = receiver.at('/replay')[2] as Received;
    expect(test.headers['x-kesu-event']).toBe('webhook.test');
    expect(verifies(rotated.secret, test)).toBe(true);
    expect(verifies(sub.secret, test)).toBe(false);
  });

  it('refuses private and loopback targets unless allowed, and is for admins only', async () => {
    delete process.env.KESU_WEBHOOKS_ALLOW_PRIVATE;
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'https://10.1.2.3/x',
        'http://[::1]/',
      ]) {
        const res = await admin.post('/api/v1/webhooks', { url, kinds: ['complaint.registered'] });
        expect(res.status, url).toBe(400);
        expect(res.body.fields).toEqual([
          expect.objectContaining({ path: '/body/url', code: 'url_private_address' }),
        ]);
      }
      const ftp = await admin.post('/api/v1/webhooks', {
        url: 'ftp://crm.example.com/',
        kinds: ['complaint.closed'],
      });
      expect(ftp.body.fields).toEqual([expect.objectContaining({ path: '/body/url', code: 'url_scheme' })]);
      const ok = await admin.post('/api/v1/webhooks', {
        url: 'https://crm.example.com/kesu',
        kinds: ['complaint.closed'],
      });
      expect(ok.status).toBe(201);
    } finally {
      process.env.KESU_WEBHOOKS_ALLOW_PRIVATE = 'true';
    }
    expect((await agent.get('/api/v1/webhooks')).status).toBe(403);
    expect(
      (await agent.post('/api/v1/webhooks', { url: receiver.url('/x'), kinds: ['complaint.closed'] })).status,
    ).toBe(403);
  });
});
