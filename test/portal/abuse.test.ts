import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { configurePortal, visitor, webForm } from './support.js';

for (const dialect of DIALECTS)
  describe(`the public portal under abuse on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      admin = await login(t.http, 'admin');
      await configurePortal(t, admin, { submissionsPerMinute: 5, trackingPerMinute: 20 });
    });
    afterAll(() => t.close());

    const count = async (table: 'complaints' | 'customers' | 'notifications') =>
      Number(
        (await t.app.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
      );

    it('throttles 1,000 submissions from one address to the limit, and not another address', async () => {
      const before = await count('complaints');
      const flood = visitor(t, '203.0.113.66');
      const statuses: number[] = [];
      const refusals: Array<{ body: unknown; type: unknown; retryAfter: unknown }> = [];
      for (let batch = 0; batch < 10; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            flood.post('/complaints', webForm(t, { content: `第 ${batch * 100 + i} 次提交：包裹没收到。` })),
          ),
        );
        for (const a of answers) {
          statuses.push(a.status);
          if (a.status === 429)
            refusals.push({
              body: a.body,
              type: a.headers['content-type'],
              retryAfter: a.headers['retry-after'],
            });
        }
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(995);
      expect(refusals[0]?.type).toContain('application/problem+json');
      expect(refusals[0]?.body).toMatchObject({ status: 429, code: 'too_many_requests' });
      expect(Number(refusals[0]?.retryAfter)).toBeGreaterThan(0);
      expect(await count('complaints')).toBe(before + 5);

      const neighbour = await visitor(t, '203.0.113.67').post('/complaints', webForm(t));
      expect(neighbour.status).toBe(201);
    });

    it('follows the limit the admin sets', async () => {
      await configurePortal(t, admin, { submissionsPerMinute: 2, trackingPerMinute: 20 });
      const guest = visitor(t, '203.0.113.70');
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await guest.post('/complaints', webForm(t))).status);
      expect(answers).toEqual([201, 201, 429]);
      await configurePortal(t, admin, { submissionsPerMinute: 5, trackingPerMinute: 20 });
      const agent = await login(t.http, 'agent');
      // Who may call comes before what they send: the agent learns nothing of the settings' shape.
      expect((await agent.put('/api/v1/settings/portal', {})).status).toBe(403);
      const notAdmin = await agent.request('PUT', '/api/v1/settings/portal', {
        submissionsPerMinute: 100,
        trackingPerMinute: 100,
        codesPerDay: 10,
        intakeUnitId: null,
      });
      expect(notAdmin.status).toBe(403);
      const badUnit = await admin.put('/api/v1/settings/portal', {
        submissionsPerMinute: 5,
        trackingPerMinute: 20,
        codesPerDay: 10,
        intakeUnitId: 999999,
      });
      expect(badUnit.status).toBe(400);
      expect(badUnit.body.fields).toMatchObject([{ path: '/body/intakeUnitId', code: 'unknown_unit' }]);
    });

    it('stores nothing when the honeypot is filled, and says only that it was received', async () => {
      const before = await Promise.all([count('complaints'), count('customers'), count('notifications')]);
      const robot = await visitor(t, '203.0.113.80').post(
        '/complaints',
        webForm(t, { website: 'http://spam.example', name: '推广', email: 'bot@example.com' }),
      );
      expect(robot.status).toBe(202);
      expect(robot.body).toEqual({ received: true });
      expect(await Promise.all([count('complaints'), count('customers'), count('notifications')])).toEqual(
        before,
      );
    });

    it('refuses a form without a phone or e-mail, or with a category customers cannot pick', async () => {
      const guest = visitor(t, '203.0.113.81');
      const noContact = await guest.post('/complaints', webForm(t, { phone: undefined }));
      expect(noContact.status).toBe(400);
      expect(noContact.body.fields).toMatchObject([{ path: '/body/phone', code: 'contact_required' }]);
      const deep = await guest.post(
        '/complaints',
        webForm(t, { categoryId: t.org.categoryIds.get('damage.contents.fragile') }),
      );
      expect(deep.status).toBe(400);
      expect(deep.body.fields).toMatchObject([{ path: '/body/categoryId', code: 'unknown_category' }]);
    });

    it('answers a wrong token, a wrong code and an unknown number identically', async () => {
      const guest = visitor(t, '203.0.113.90');
      const { number } = (await guest.post('/complaints', webForm(t, { phone: '13800001234' }))).body;
      const attempts = [
        { number, token: 'AAAAAAAAAAAAAAAAAAAAAAAA' },
        { number, phoneLast4: '1234', code: '123456' },
        { number: 'KS20990101-000001', token: 'AAAAAAAAAAAAAAAAAAAAAAAA' },
        { number: 'KS20990101-000001', phoneLast4: '1234', code: '123456' },
      ];
      const answers = [];
      for (const a of attempts) answers.push(await guest.post('/sessions', a));
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
      expect(answers[0]?.body).toMatchObject({ code: 'tracking_denied' });
      for (const a of answers) expect(a.body).toEqual(answers[0]?.body);

      // The customer routes answer the same to a wrong, missing or foreign proof.
      const strip = ({ instance, ...rest }: Record<string, unknown>) => rest;
      const wrong = await guest.as('AAAAAAAAAAAAAAAAAAAAAAAA').get(`/complaints/${number}`);
      const missing = await guest.get(`/complaints/${number}`);
      const unknown = await guest.as('AAAAAAAAAAAAAAAAAAAAAAAA').get('/complaints/KS20990101-000001');
      expect([wrong.status, missing.status, unknown.status]).toEqual([404, 404, 404]);
      expect(strip(missing.body)).toEqual(strip(wrong.body));
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
    });

    it("keeps one customer's proof away from another complaint", async () => {
      const a = visitor(t, '203.0.113.100');
      const first = (await a.post('/complaints', webForm(t))).body;
      const second = (await visitor(t, '203.0.113.101').post('/complaints', webForm(t))).body;
      const session = (await a.post('/sessions', { number: first.number, token: first.trackingToken })).body;
      for (const proof of [first.trackingToken, session.accessToken]) {
        const owner = a.as(proof);
        expect((await owner.get(`/complaints/${first.number}`)).status).toBe(200);
        const read = await owner.get(`/complaints/${second.number}`);
        expect(read.status).toBe(404);
        expect(read.body.code).toBe('tracking_denied');
        const write = await owner.post(`/complaints/${second.number}/withdraw`, { reason: '不是我的' });
        expect(write.status).toBe(404);
        const message = await owner.post(`/complaints/${second.number}/messages`, { body: '你好' });
        expect(message.status).toBe(404);
      }
      // A lower-case number is the same complaint.
      expect((await a.as(first.trackingToken).get(`/complaints/${first.number.toLowerCase()}`)).status).toBe(
        200,
      );
      // The tracking token sent as a staff bearer token (Authorization) opens nothing.
      const staff = await t.http.inject({
        method: 'GET',
        url: `/api/v1/portal/complaints/${second.number}`,
        headers: { authorization: `Bearer ${first.trackingToken}` },
      });
      expect(staff.statusCode).toBe(404);
    });

    it('limits proof attempts from one address', async () => {
      const guest = visitor(t, '203.0.113.110');
      const statuses = [];
      for (let i = 0; i < 25; i++)
        statuses.push(
          (await guest.post('/sessions', { number: 'KS20990101-000002', token: 'AAAAAAAAAAAAAAAAAAAAAAAA' }))
            .status,
        );
      expect(statuses.filter((s) => s === 404)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    });
  });
