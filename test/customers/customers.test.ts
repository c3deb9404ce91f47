import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const PHONE = '13800138000';
const EMAIL = 'zhang.san@example.com';
const ADDRESS = '上海市浦东新区世纪大道100号3号楼501室';

for (const dialect of DIALECTS)
  describe(`customer profiles on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let supervisor: Client;
    let admin: Client;
    let customerId: number;
    const numbers: string[] = [];

    /** The customer's events as stored, to check what the history says (and does not say). */
    const customerEvents = (id: number) =>
      t.app.db
        .selectFrom('events')
        .select(['kind', 'data', 'actor_id'])
        .where('stream_type', '=', 'customer')
        .where('stream_id', '=', id)
        .orderBy('seq')
        .execute();

    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      supervisor = await login(t.http, 'supervisor');
      admin = await login(t.http, 'admin');
      // The same person twice, the number spelled differently the second time.
      for (const complainant of [
        { name: '张三', phone: PHONE, email: EMAIL },
        { name: '张三', phone: '+86 13800138000' },
      ]) {
        const created = await agent.post('/api/v1/complaints', buildComplaint(t.org, { complainant }));
        expect(created.status).toBe(201);
        numbers.push(created.body.number);
      }
      customerId = (await agent.ok('GET', `/api/v1/complaints/${numbers[0]}`)).complainant.customerId;
    });
    afterAll(() => t.close());

    it('links both complaints to one customer, found by the whole phone number or e-mail only', async () => {
      expect((await agent.ok('GET', `/api/v1/complaints/${numbers[1]}`)).complainant.customerId).toBe(
        customerId,
      );
      for (const q of [PHONE, '+86 13800138000', EMAIL, 'Zhang.San@Example.com', '张']) {
        const found = await agent.ok('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`);
        expect(found.items.map((c: { id: number }) => c.id)).toEqual([customerId]);
      }
      const found = await agent.ok('GET', `/api/v1/customers?q=${PHONE}`);
      expect(found.items[0]).toMatchObject({
        name: '张三',
        level: 'regular',
        tags: [],
        phones: ['138****8000'],
        emails: ['z***@example.com'],
        complaintCount: 2,
      });
      expect(typeof found.items[0].repeatComplainant).toBe('boolean');
      expect(found.items[0].lastComplaintAt).toMatch(/^\d{4}-/);
      expect(JSON.stringify(found)).not.toContain(PHONE);
      expect(JSON.stringify(found)).not.toContain(EMAIL);

      for (const partial of ['1380013', '38001380', '13800138001', 'zhang.san@example']) {
        const none = await agent.ok('GET', `/api/v1/customers?q=${encodeURIComponent(partial)}`);
        expect(none.items).toEqual([]);
      }
    });

    it('shows the agent masked contacts and refuses to reveal them', async () => {
      const res = await agent.get(`/api/v1/customers/${customerId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: customerId,
        revealed: false,
        mayReveal: false,
        phones: [{ value: '138****8000' }],
        emails: [{ value: 'z***@example.com' }],
        complaintCount: 2,
        counts: { total: 2, open: 2 },
      });
      expect(JSON.stringify(res.body)).not.toContain(PHONE);
      expect(JSON.stringify(res.body)).not.toContain(EMAIL);

      const reveal = await agent.get(`/api/v1/customers/${customerId}?reveal=true`);
      expect(reveal.status).toBe(403);
      expect(reveal.body.code).toBe('personal_data_forbidden');
      expect(JSON.stringify(reveal.body)).not.toContain(PHONE);
      expect((await customerEvents(customerId)).map((e) => e.kind)).not.toContain('personal_data_viewed');
    });

    it('reveals the contacts to the supervisor and records the view in the customer history', async () => {
      expect((await supervisor.ok('GET', `/api/v1/customers/${customerId}`)).mayReveal).toBe(true);
      const res = await supervisor.ok('GET', `/api/v1/customers/${customerId}?reveal=true`);
      expect(res.revealed).toBe(true);
      expect(res.phones.map((p: { value: string }) => p.value)).toEqual([PHONE]);
      expect(res.emails.map((p: { value: string }) => p.value)).toEqual([EMAIL]);

      const events = await customerEvents(customerId);
      const viewed = events.filter((e) => e.kind === 'personal_data_viewed');
      expect(viewed).toHaveLength(1);
      expect(viewed[0]?.actor_id).toBe(t.org.userIds.get('supervisor'));
      expect(JSON.parse(viewed[0]?.data ?? '{}')).toEqual({
        fields: ['phones', 'emails'],
        requestId: expect.any(String),
      });
      const timeline = await agent.ok('GET', `/api/v1/customers/${customerId}/timeline`);
      expect(timeline.items.at(-1)).toMatchObject({
        kind: 'personal_data_viewed',
        actor: { name: '张主管' },
      });

      // A view without reveal is masked and records nothing.
      const plain = await supervisor.ok('GET', `/api/v1/customers/${customerId}`);
      expect(plain.phones[0].value).toBe('138****8000');
      expect(await customerEvents(customerId)).toHaveLength(events.length);
    });

    it('lets the admin give the agent the personal-data permission, and nobody else change it', async () => {
      expect((await admin.get(`/api/v1/customers/${customerId}`)).status).toBe(403);
      expect((await admin.get('/api/v1/customers')).status).toBe(403);
      const refused = await agent.put('/api/v1/settings/privacy', { personalDataRoles: ['agent'] });
      expect(refused.status).toBe(403);
      expect((await agent.ok('GET', '/api/v1/settings/privacy')).personalDataRoles).toEqual([
        'supervisor',
        'manager',
        'executive',
      ]);
      const bad = await admin.put('/api/v1/settings/privacy', { personalDataRoles: ['janitor'] });
      expect(bad.status).toBe(400);

      await admin.ok('PUT', '/api/v1/settings/privacy', { personalDataRoles: ['supervisor', 'agent'] });
      expect((await agent.ok('GET', '/api/v1/settings/privacy')).personalDataRoles).toEqual([
        'supervisor',
        'agent',
      ]);
      const revealed = await agent.ok('GET', `/api/v1/customers/${customerId}?reveal=true`);
      expect(revealed.phones[0].value).toBe(PHONE);
      const manager = await login(t.http, 'manager');
      expect((await manager.get(`/api/v1/customers/${customerId}?reveal=true`)).status).toBe(403);

      await admin.ok('PUT', '/api/v1/settings/privacy', {
        personalDataRoles: ['supervisor', 'manager', 'executive'],
      });
      expect((await agent.get(`/api/v1/customers/${customerId}?reveal=true`)).status).toBe(403);
    });

    it('creates and edits profiles, refusing a phone or e-mail another customer has', async () => {
      const taken = await agent.post('/api/v1/customers', { name: '李四', phones: ['+8613800138000'] });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('customer_contact_taken');
      expect(taken.body.fields).toEqual([
        expect.objectContaining({ path: '/body/phones/0', code: 'customer_contact_taken' }),
      ]);
      expect(JSON.stringify(taken.body)).not.toContain('张三');
      expect(JSON.stringify(taken.body)).not.toMatch(/customerId|"id"/);
      expect((await agent.ok('GET', '/api/v1/customers?q=李')).items).toEqual([]);

      const created = await agent.post('/api/v1/customers', {
        name: '李四',
        level: 'vip',
        tags: ['大客户'],
        phones: ['13900001111', '+86 13900001111'],
        emails: ['li.si@example.com'],
        addresses: [ADDRESS],
        note: '只在工作日联系',
      });
      expect(created.status).toBe(201);
      const id: number = created.body.id;
      expect(created.headers.location).toBe(`/api/v1/customers/${id}`);
      expect(created.body).toMatchObject({
        name: '李四',
        level: 'vip',
        tags: ['大客户'],
        note: '只在工作日联系',
        phones: [{ value: '139****1111' }],
        emails: [{ value: 'l***@example.com' }],
        complaintCount: 0,
        repeatComplainant: false,
        counts: { total: 0, open: 0, repeat: 0 },
        complaints: { items: [], nextCursor: null },
      });
      expect(created.body.addresses).toHaveLength(1);
      expect(created.body.addresses[0]).toMatch(/^上海市.*\*\*\*\*$/);
      expect(JSON.stringify(created.body)).not.toContain('世纪大道');
      expect(
        (await agent.ok('GET', '/api/v1/customers?level=vip')).items.map((c: { id: number }) => c.id),
      ).toEqual([id]);

      // A taken number refuses the whole edit.
      const clash = await agent.patch(`/api/v1/customers/${id}`, { name: '李四四', addEmails: [EMAIL] });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('customer_contact_taken');
      expect(clash.body.fields).toEqual([
        expect.objectContaining({ path: '/body/addEmails/0', code: 'customer_contact_taken' }),
      ]);
      expect((await agent.ok('GET', `/api/v1/customers/${id}`)).name).toBe('李四');

      const phoneId: number = created.body.phones[0].id;
      const edited = await agent.ok('PATCH', `/api/v1/customers/${id}`, {
        level: 'key',
        addPhones: ['13900002222'],
        removeContactIds: [phoneId],
        addresses: [ADDRESS, '北京市朝阳区建国路88号'],
      });
      expect(edited.level).toBe('key');
      expect(edited.phones.map((p: { value: string }) => p.value)).toEqual(['139****2222']);
      expect(edited.addresses).toHaveLength(2);
      // The old number is free again: the first customer may take it.
      await agent.ok('PATCH', `/api/v1/customers/${customerId}`, { addPhones: ['13900001111'] });

      const unknown = await agent.patch(`/api/v1/customers/${id}`, { removeContactIds: [phoneId] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0]).toMatchObject({
        path: '/body/removeContactIds',
        code: 'unknown_contact',
      });

      const handler = await login(t.http, 'handler');
      expect((await handler.get(`/api/v1/customers/${id}`)).status).toBe(200);
      expect((await handler.patch(`/api/v1/customers/${id}`, { level: 'regular' })).status).toBe(403);
      expect((await handler.post('/api/v1/customers', { name: '王五' })).status).toBe(403);

      const revealed = await supervisor.ok('GET', `/api/v1/customers/${id}?reveal=true`);
      expect(revealed.addresses).toEqual([ADDRESS, '北京市朝阳区建国路88号']);

      // The history says what changed without a single plain contact or address in it.
      const events = await customerEvents(id);
      expect(events.map((e) => e.kind)).toEqual([
        'customer_created',
        'customer_updated',
        'personal_data_viewed',
      ]);
      const updated = JSON.parse(events[1]?.data ?? '{}');
      expect(updated).toMatchObject({
        changes: { level: { before: 'vip', after: 'key' }, addresses: { before: 1, after: 2 } },
        contactsAdded: [{ kind: 'phone', masked: '139****2222' }],
        contactsRemoved: [{ id: phoneId, kind: 'phone', masked: '139****1111' }],
      });
      const stored = JSON.stringify(await t.app.db.selectFrom('events').select('data').execute());
      for (const plain of ['13900001111', '13900002222', 'li.si@example.com', '世纪大道', PHONE, EMAIL])
        expect(stored).not.toContain(plain);

      // An edit that changes nothing records nothing.
      await agent.ok('PATCH', `/api/v1/customers/${id}`, { level: 'key' });
      expect(await customerEvents(id)).toHaveLength(3);
      expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
    });

    it("lists the customer's complaints newest first, a page at a time", async () => {
      const profile = await agent.ok('GET', `/api/v1/customers/${customerId}`);
      expect(profile.complaints.items.map((c: { number: string }) => c.number)).toEqual(
        [...numbers].reverse(),
      );
      expect(profile.complaints.items[0]).toMatchObject({ status: 'received', channel: 'phone' });
      expect(typeof profile.complaints.items[0].repeat).toBe('boolean');

      const first = await agent.ok('GET', `/api/v1/customers/${customerId}/complaints?limit=1`);
      expect(first.items.map((c: { number: string }) => c.number)).toEqual([numbers[1]]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await agent.ok(
        'GET',
        `/api/v1/customers/${customerId}/complaints?limit=1&cursor=${first.nextCursor}`,
      );
      expect(second.items.map((c: { number: string }) => c.number)).toEqual([numbers[0]]);
      expect(second.nextCursor).toBeNull();

      expect((await agent.get('/api/v1/customers/999999/complaints')).status).toBe(404);
      expect((await agent.get('/api/v1/customers/999999')).body.code).toBe('customer_not_found');
    });
  });
