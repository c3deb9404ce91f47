import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint, reply } from '../support/factories.js';
import { complaintIn } from '../support/states.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS)
  describe(`answers to workflow actions on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let agent: Client;
    let handler: Client;

    const noticesOf = async (number: string) => {
      const c = await t.app.db
        .selectFrom('complaints')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      return t.app.db
        .selectFrom('notifications')
        .select(['event', 'channel', 'body'])
        .where('complaint_id', '=', c.id)
        .where('user_id', 'is', null)
        .orderBy('id')
        .execute();
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      agent = await login(t.http, 'agent');
      handler = await login(t.http, 'handler');
    });
    afterAll(() => t.close());

    it('answers a transfer out of the handler’s sight with the complaint as transferred, not 404', async () => {
      const number = await complaintIn(t, 'investigating', manager, agent);
      const res = await handler.post(`/api/v1/complaints/${number}/transfer`, {
        unitId: t.org.unitIds.get('nanshan'),
        reason: '属南山网点责任',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ number, visible: false, allowedActions: [] });
      expect(res.body.unit.id).toBe(t.org.unitIds.get('nanshan'));
      expect((await handler.get(`/api/v1/complaints/${number}`)).status).toBe(404);
      expect((await manager.ok('GET', `/api/v1/complaints/${number}`)).visible).toBe(true);
    });

    it('sends the answer to an invalid complaint by SMS when that is how it was given', async () => {
      const { number } = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, {
          complainant: {
            name: '钱先生',
            phone: '13722223333',
            email: 'qian@example.com',
            preferredContact: 'email',
          },
        }),
      );
      await manager.ok('POST', `/api/v1/complaints/${number}/invalidate`, {
        reason: 'untrue_information',
        explanation: '签收记录显示本人签收',
        reply: reply({ method: 'sms', result: '经核实包裹已由您本人签收。' }),
      });
      const sent = (await noticesOf(number)).filter((n) => n.event === 'result');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.channel).toBe('sms');
      expect(sent[0]?.body).toContain('经核实包裹已由您本人签收');
    });

    it('sends an answer given by e-mail to the e-mail address, whatever the preferred contact', async () => {
      const { number } = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, {
          complainant: {
            name: '孙女士',
            phone: '13733334444',
            email: 'sun@example.com',
            preferredContact: 'phone',
          },
        }),
      );
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/invalidate`, {
        reason: 'harassment',
        explanation: '重复恶意投诉',
        reply: reply({ method: 'email', result: '您的投诉不予受理。' }),
      });
      const sent = (await noticesOf(number)).filter((n) => n.event === 'result');
      expect(sent.map((n) => n.channel)).toEqual(['email']);
    });
  });
