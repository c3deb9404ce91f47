import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS)
  describe(`customers follow their complaints' units on ${dialect}`, () => {
    let t: TestApp;
    let pudong: Client;
    let nanshan: Client;
    let customerId: number;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const agent = await login(t.http, 'agent');
      pudong = await login(t.http, 'handler');
      nanshan = await login(t.http, 'handler2');
      const created = await agent.post(
        '/api/v1/complaints',
        buildComplaint(t.org, {
          complainant: { name: '欧阳浦东', phone: '13911112222', preferredContact: 'phone' },
          unitId: t.org.unitIds.get('pudong'),
        }),
      );
      expect(created.status).toBe(201);
      customerId = (await agent.ok('GET', `/api/v1/complaints/${created.body.number}`)).complainant
        .customerId;
    });
    afterAll(() => t.close());

    it("shows the customer to the station that handles one of the customer's complaints", async () => {
      const found = await pudong.ok('GET', `/api/v1/customers?q=${encodeURIComponent('欧阳')}`);
      expect(found.items.map((c: { id: number }) => c.id)).toEqual([customerId]);
      expect((await pudong.ok('GET', `/api/v1/customers/${customerId}`)).name).toBe('欧阳浦东');
    });

    it('hides the customer from another station, by name, by phone and by id, for reading and editing', async () => {
      expect((await nanshan.ok('GET', `/api/v1/customers?q=${encodeURIComponent('欧阳')}`)).items).toEqual(
        [],
      );
      expect((await nanshan.ok('GET', '/api/v1/customers?q=13911112222')).items).toEqual([]);
      for (const path of ['', '/complaints', '/timeline']) {
        const res = await nanshan.get(`/api/v1/customers/${customerId}${path}`);
        expect(res.status, path).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('欧阳');
      }
      const edit = await nanshan.request('PATCH', `/api/v1/customers/${customerId}`, { level: 'vip' });
      expect([403, 404]).toContain(edit.status);
    });

    it('shows every customer to a role that sees all units', async () => {
      const auditor = await login(t.http, 'auditor');
      expect((await auditor.ok('GET', `/api/v1/customers/${customerId}`)).id).toBe(customerId);
    });
  });
