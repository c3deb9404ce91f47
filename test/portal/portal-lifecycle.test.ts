import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/index.js';
import { multipart, PNG, pdf } from '../evidence/support.js';
import { type Client, login } from '../support/client.js';
import { judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { configurePortal, type Visitor, visitor, webForm } from './support.js';

for (const dialect of DIALECTS)
  describe(`a complaint from the public portal, from the customer's side, on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let supervisor: Client;
    let admin: Client;
    let ip = 0;
    /** Each test its own address, so that the per-address limits of one do not touch another. */
    const stranger = () => visitor(t, `198.51.100.${++ip}`);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      supervisor = await login(t.http, 'supervisor');
      admin = await login(t.http, 'admin');
      await configurePortal(t, admin);
    });
    afterAll(() => t.close());

    /** Register on the portal and return the number with a visitor holding the tracking token. */
    const submit = async (overrides: Record<string, unknown> = {}) => {
      const guest = stranger();
      const res = await guest.post('/complaints', webForm(t, overrides));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { number: res.body.number as string, token: res.body.trackingToken as string, guest };
    };

    /** Staff take a complaint from received to replied with a remedy within the agent's authority. */
    const answer = async (number: string, amount: number) => {
      const base = `/api/v1/complaints/${number}`;
      await agent.ok('POST', `${base}/accept`);
      await agent.ok('POST', `${base}/assign`, {
        unitId: t.org.unitIds.get('service'),
        assigneeId: t.org.userIds.get('agent'),
      });
      await agent.ok('POST', `${base}/start`);
      await agent.ok('PUT', `${base}/judgement`, judgement);
      expect((await agent.ok('POST', `${base}/remedies`, remedy(amount))).status).toBe('approved');
      expect((await agent.ok('POST', `${base}/reply`, reply())).status).toBe('replied');
    };

    it('documents the portal in the OpenAPI contract', async () => {
      const doc = JSON.parse((await t.http.inject({ url: '/api/openapi.json' })).body);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/portal/complaints',
          '/api/v1/portal/sessions',
          '/api/v1/portal/complaints/{number}/survey',
          '/api/v1/complaints/{number}/messages',
          '/api/v1/settings/portal',
        ]),
      );
      expect(Object.keys(doc.paths['/api/v1/portal/complaints'].post.responses)).toEqual(
        expect.arrayContaining(['201', '202']),
      );
    });

    it('offers the first two category levels for the form', async () => {
      const res = await stranger().get('/categories');
      expect(res.status).toBe(200);
      const delivery = res.body.items.find((c: { nameEn: string }) => c.nameEn.startsWith('Delivery'));
      expect(delivery.children.map((c: { nameZh: string }) => c.nameZh)).toContain('虚假签收');
      const levels = res.body.items.flatMap((c: { children: Array<{ children: unknown[] }> }) =>
        c.children.flatMap((k) => k.children),
      );
      expect(levels).toEqual([]);
    });

    it('registers, tracks, talks, reopens when not satisfied, and takes the survey once', async () => {
      const guest = stranger();
      const created = await guest.post('/complaints', webForm(t));
      expect(created.status).toBe(201);
      const { number, trackingToken, trackUrl } = created.body;
      expect(Object.keys(created.body).sort()).toEqual(['number', 'trackUrl', 'trackingToken']);
      expect(number).toMatch(/^KS\d{8}-\d{6}$/);
      expect(trackingToken).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(trackUrl).toBe(`http://kesu.test/track/${number}`);
      // Only the token's hash is kept.
      const row = await t.app.db
        .selectFrom('complaints')
        .select(['tracking_token_hash', 'channel', 'title'])
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      expect(row.tracking_token_hash).not.toContain(trackingToken);
      expect(row).toMatchObject({
        channel: 'web',
        title: '快递显示已签收，但我本人没有收到包裹，也没有人联系我。',
      });

      // The customer follows it with the token itself…
      const customer: Visitor = guest.as(trackingToken);
      const first = await customer.get(`/complaints/${number}`);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({
        number,
        status: 'received',
        channel: 'web',
        content: webForm(t).content,
        demands: ['explanation', 'compensation'],
        demandAmount: 5000,
        complainant: { name: '周女士', phone: '139****0000', email: null },
        category: [{ nameZh: '投递服务' }, { nameZh: '虚假签收' }],
        replies: [],
        messages: [],
        confirmation: null,
        survey: null,
        mayConfirm: false,
        mayWithdraw: true,
        maySurvey: false,
      });
      expect(first.body.expectedBy).toMatch(/^\d{4}-/);
      for (const internal of [
        'judgement',
        'validity',
        'remedies',
        'assignee',
        'unit',
        'timeline',
        'deadlines',
      ])
        expect(first.body).not.toHaveProperty(internal);

      // …writes to the staff, who see it on the complaint.
      const wrote = await customer.post(`/complaints/${number}/messages`, {
        body: '我下午都在家，可以上门核实。',
      });
      expect(wrote.status).toBe(201);
      expect(wrote.body.messages).toMatchObject([
        { author: 'customer', body: '我下午都在家，可以上门核实。' },
      ]);
      const staffView = await agent.ok('GET', `/api/v1/complaints/${number}`);
      expect(staffView.messages).toMatchObject([
        { author: 'customer', source: 'portal', body: '我下午都在家，可以上门核实。', by: null },
      ]);
      // Nobody is assigned yet: the service centre's supervisor is told.
      const inbox = await supervisor.ok('GET', '/api/v1/inbox');
      expect(
        inbox.items.find((i: { complaintNumber: string }) => i.complaintNumber === number),
      ).toMatchObject({
        event: 'customer_message',
      });

      // Staff answer; a staff message reaches the portal too.
      await answer(number, 1000);
      await agent.ok('POST', `/api/v1/complaints/${number}/messages`, { body: '已安排网点主管联系您。' });
      const customerNotice = await t.app.db
        .selectFrom('notifications')
        .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
        .select(['notifications.channel', 'notifications.body'])
        .where('complaints.number', '=', number)
        .where('notifications.event', '=', 'staff_message')
        .executeTakeFirstOrThrow();
      expect(customerNotice).toMatchObject({ channel: 'sms' });
      expect(customerNotice.body).toContain('已安排网点主管联系您。');

      // From here on with a short-lived access token instead of the tracking token.
      const session = await guest.post('/sessions', { number, token: trackingToken });
      expect(session.status).toBe(200);
      expect(Date.parse(session.body.expiresAt)).toBeGreaterThan(Date.now());
      const signedIn = guest.as(session.body.accessToken);
      const replied = (await signedIn.get(`/complaints/${number}`)).body;
      expect(replied).toMatchObject({ status: 'replied', mayConfirm: true, maySurvey: true });
      expect(replied.replies).toMatchObject([
        {
          summary: reply().summary,
          actions: reply().actions,
          // The compensation is not paid yet: the customer reads what will be done by when.
          result: expect.stringMatching(/^包裹已于今日送达。\n待执行：赔偿（¥\d+\.\d\d），将于 .+ 前完成。$/),
          basis: reply().basis,
          followUp: reply().followUp,
        },
      ]);
      expect(replied.messages.map((m: { author: string }) => m.author)).toEqual(['customer', 'staff']);

      // Not satisfied: back to the investigation, the reopen counted.
      const unhappy = await signedIn.post(`/complaints/${number}/confirmation`, {
        outcome: 'unsatisfied',
        comment: '只是道歉不够',
      });
      expect(unhappy.status).toBe(200);
      expect(unhappy.body).toMatchObject({
        status: 'investigating',
        confirmation: { outcome: 'unsatisfied' },
      });
      expect(await agent.ok('GET', `/api/v1/complaints/${number}`)).toMatchObject({
        status: 'investigating',
        reopenCount: 1,
        customerConfirmation: 'unsatisfied',
      });
      const again = await signedIn.post(`/complaints/${number}/confirmation`, { outcome: 'satisfied' });
      expect(again.status).toBe(409);

      // A second round, then satisfied.
      const base = `/api/v1/complaints/${number}`;
      await agent.ok('POST', `${base}/remedies`, remedy(2000));
      await agent.ok('POST', `${base}/reply`, reply({ result: '已补偿 20 元。' }));
      const happy = await signedIn.post(`${`/complaints/${number}`}/confirmation`, { outcome: 'satisfied' });
      expect(happy.body).toMatchObject({ status: 'resolved', maySurvey: true, mayConfirm: false });

      const scores = { speed: 4, effectiveness: 5, attitude: 5, transparency: 3, recommendation: 9 };
      const survey = await signedIn.post(`/complaints/${number}/survey`, {
        ...scores,
        suggestions: '希望更快',
      });
      expect(survey.status).toBe(201);
      expect(survey.body).toMatchObject({ survey: { ...scores, suggestions: '希望更快' }, maySurvey: false });
      expect((await agent.ok('GET', base)).survey).toMatchObject({ ...scores, suggestions: '希望更快' });
      const twice = await signedIn.post(`/complaints/${number}/survey`, scores);
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'survey_already_submitted' });
      expect(twice.headers['content-type']).toContain('application/problem+json');

      const kinds = (await agent.ok('GET', `${base}/timeline`)).items.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'customer_message',
          'staff_message',
          'confirmed_unsatisfied',
          'survey_submitted',
        ]),
      );
      expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
    });

    it('opens the survey only after the answer, and takes only one of two sent at once', async () => {
      const { number, token, guest } = await submit();
      const customer = guest.as(token);
      const scores = { speed: 3, effectiveness: 3, attitude: 4, transparency: 4, recommendation: 6 };
      const early = await customer.post(`/complaints/${number}/survey`, scores);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('survey_not_open');
      const badScore = await customer.post(`/complaints/${number}/survey`, { ...scores, speed: 6 });
      expect(badScore.status).toBe(400);

      await answer(number, 500);
      const both = await Promise.all([
        customer.post(`/complaints/${number}/survey`, scores),
        customer.post(`/complaints/${number}/survey`, { ...scores, recommendation: 2 }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const stored = await t.app.db
        .selectFrom('satisfaction_surveys')
        .innerJoin('complaints', 'complaints.id', 'satisfaction_surveys.complaint_id')
        .select('satisfaction_surveys.recommendation')
        .where('complaints.number', '=', number)
        .execute();
      expect(stored).toHaveLength(1);
    });

    it('lets the customer withdraw, after which they may not confirm or withdraw again', async () => {
      const { number, token, guest } = await submit({ email: 'zhou@example.com', phone: undefined });
      const customer = guest.as(token);
      const view = (await customer.get(`/complaints/${number}`)).body;
      expect(view.complainant).toMatchObject({ phone: null, email: 'z***@example.com' });
      const withdrawn = await customer.post(`/complaints/${number}/withdraw`, { reason: '已自行解决' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', mayWithdraw: false, mayConfirm: false });
      expect((await customer.post(`/complaints/${number}/withdraw`, { reason: '再次' })).status).toBe(409);
      expect((await agent.ok('GET', `/api/v1/complaints/${number}`)).closeReason).toBe('已自行解决');
    });

    it('takes evidence from the customer and gives back only what they supplied', async () => {
      const { number, token, guest } = await submit();
      const upload = async (proof: string, parts: Parameters<typeof multipart>[0]) => {
        const { payload, headers } = multipart(parts);
        const res = await t.http.inject({
          method: 'POST',
          url: `/api/v1/portal/complaints/${number}/evidence`,
          remoteAddress: '198.51.100.200',
          payload,
          headers: { ...headers, 'x-kesu-tracking': proof },
        });
        return { status: res.statusCode, body: res.json() };
      };
      const added = await upload(token, [{ filename: '面单.png', contentType: 'image/png', data: PNG }]);
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body.items).toMatchObject([
        { filename: '面单.png', mediaType: 'image/png', size: PNG.length },
      ]);
      expect(added.body.items[0]).not.toHaveProperty('addedBy');
      const denied = await upload('not-the-token', [
        { filename: 'x.png', contentType: 'image/png', data: PNG },
      ]);
      expect(denied.status).toBe(404);
      expect(denied.body.code).toBe('tracking_denied');

      // Staff add their own evidence; it stays internal.
      const staffUpload = multipart([{ filename: 'cctv.pdf', contentType: 'application/pdf', data: pdf() }]);
      const staffCookie = (
        await t.http.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'agent', password: 'test-password-1' },
        })
      ).headers['set-cookie'];
      const cookie = String(Array.isArray(staffCookie) ? staffCookie[0] : staffCookie).split(';')[0] ?? '';
      const internal = await t.http.inject({
        method: 'POST',
        url: `/api/v1/complaints/${number}/evidence`,
        payload: staffUpload.payload,
        headers: { ...staffUpload.headers, cookie },
      });
      expect(internal.statusCode, internal.body).toBe(201);
      const internalId = internal.json().items[0].id;

      const customer = guest.as(token);
      const view = (await customer.get(`/complaints/${number}`)).body;
      expect(view.evidence).toMatchObject([{ filename: '面单.png' }]);
      const download = await t.http.inject({
        method: 'GET',
        url: `/api/v1/portal/complaints/${number}/evidence/${view.evidence[0].id}`,
        headers: { 'x-kesu-tracking': token },
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.rawPayload.equals(PNG)).toBe(true);
      expect((await customer.get(`/complaints/${number}/evidence/${internalId}`)).status).toBe(404);
    });
  });
