import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

let phoneSerial = 0;
/** A complainant nobody else in the test uses. */
const freshComplainant = (name = '赵先生') => ({
  name,
  phone: `1370000${String(++phoneSerial).padStart(4, '0')}`,
});

for (const dialect of DIALECTS) {
  describe(`registration channels, referrals and repeats on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      admin = await login(t.http, 'admin');
    });
    afterAll(() => t.close());

    it('registers from a call-centre system with a bearer token; a retried call with its Idempotency-Key is answered once', async () => {
      const cti = await tokenClient(t, 'agent');
      const body = buildComplaint(t.org, {
        complainant: freshComplainant(),
        externalRef: `CTI-CALL-${dialect}-0001`,
      });
      const first = await cti.post('/api/v1/complaints', body, { 'idempotency-key': 'call-0001' });
      expect(first.status).toBe(201);
      const retry = await cti.post('/api/v1/complaints', body, { 'idempotency-key': 'call-0001' });
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ number: first.body.number, replayed: true });
      // The same call under another key is refused by its external reference, naming the complaint.
      const again = await cti.post('/api/v1/complaints', body, { 'idempotency-key': 'call-0001-b' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'external_ref_exists',
        params: { number: first.body.number },
        fields: [{ path: '/body/externalRef', code: 'external_ref_exists' }],
      });
      const detail = await agent.ok('GET', `/api/v1/complaints/${first.body.number}`);
      expect(detail.externalRef).toBe(`CTI-CALL-${dialect}-0001`);
    });

    it('takes a regulator referral with its number and deadline, at least at high priority', async () => {
      const missing = await agent.post(
        '/api/v1/complaints',
        buildComplaint(t.org, { channel: 'regulator', complainant: freshComplainant() }),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.fields).toEqual([
        expect.objectContaining({ path: '/body/referral', code: 'referral_required' }),
      ]);

      const due = '2026-12-01T10:00:00.000Z';
      const referred = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, {
          channel: 'consumer_association',
          priority: 'P4',
          complainant: freshComplainant(),
          referral: { number: '12315-2026-778899', authority: '上海市消费者权益保护委员会', dueAt: due },
        }),
      );
      expect(referred.priority).toBe('P2');
      const detail = await agent.ok('GET', `/api/v1/complaints/${referred.number}`);
      expect(detail.referral).toEqual({
        number: '12315-2026-778899',
        authority: '上海市消费者权益保护委员会',
        dueAt: due,
      });
      const listed = await agent.ok('GET', '/api/v1/complaints?channel=consumer_association');
      expect(listed.items.map((c: { number: string }) => c.number)).toContain(referred.number);
    });

    it('registers on-site and letter complaints taken by staff, with the time they were received', async () => {
      for (const channel of ['onsite', 'letter'] as const) {
        const receivedAt = '2026-11-20T02:00:00.000Z';
        const r = await agent.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, { channel, receivedAt, complainant: freshComplainant() }),
        );
        const detail = await agent.ok('GET', `/api/v1/complaints/${r.number}`);
        expect(detail).toMatchObject({ channel, receivedAt, registeredBy: { name: expect.any(String) } });
      }
    });

    it('flags a repeat complaint by the same customer or waybill, links it and offers the open ones for merging', async () => {
      const customer = freshComplainant('钱女士');
      const waybillNo = `YT-${dialect}-REPEAT-1`;
      const first = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: customer, waybillNo }),
      );
      expect(first).toMatchObject({ repeat: false, possibleDuplicates: [] });

      // Same person, written differently, about another parcel.
      const spelled = `+86 ${customer.phone}`;
      const second = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: { name: '钱女士', phone: spelled } }),
      );
      expect(second.repeat).toBe(true);
      expect(second.possibleDuplicates).toEqual([
        expect.objectContaining({ number: first.number, status: 'received', reasons: ['same_customer'] }),
      ]);

      // Someone else about the first parcel.
      const third = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: freshComplainant('孙先生'), waybillNo }),
      );
      expect(third.possibleDuplicates).toEqual([
        expect.objectContaining({ number: first.number, reasons: ['same_waybill'] }),
      ]);

      const detail = await agent.ok('GET', `/api/v1/complaints/${second.number}`);
      expect(detail.repeatComplaint).toBe(true);
      expect(detail.links).toEqual([expect.objectContaining({ kind: 'repeat_of', number: first.number })]);
      const earlier = await agent.ok('GET', `/api/v1/complaints/${first.number}`);
      expect(earlier.repeatComplaint).toBe(false);
      expect(earlier.links.map((l: { kind: string }) => l.kind).sort()).toEqual([
        'repeat_of:incoming',
        'repeat_of:incoming',
      ]);
      // Both complaints belong to one customer profile, now flagged as a repeat complainant.
      expect(detail.complainant.customerId).toBe(earlier.complainant.customerId);
      const profile = await agent.ok('GET', `/api/v1/customers/${detail.complainant.customerId}`);
      expect(profile).toMatchObject({ complaintCount: 2, repeatComplainant: true });

      const repeats = await agent.ok('GET', '/api/v1/complaints?repeat=true&limit=200');
      const numbers = repeats.items.map((c: { number: string }) => c.number);
      expect(numbers).toEqual(expect.arrayContaining([second.number, third.number]));
      expect(numbers).not.toContain(first.number);

      // The suggestion is acted on with the ordinary merge.
      const merged = await agent.ok('POST', `/api/v1/complaints/${second.number}/merge`, {
        into: first.number,
        reason: '同一客户重复投诉',
      });
      expect(merged.status).toBe('merged');
      // A merged complaint is not offered again, nor counted once archived: its target counts.
      const archived = await agent.ok('POST', `/api/v1/complaints/${second.number}/archive`, {});
      expect(archived.status).toBe('closed');
      const fourth = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: { name: '钱女士', phone: customer.phone } }),
      );
      expect(fourth.possibleDuplicates.map((d: { number: string }) => d.number)).toEqual([first.number]);
      const linked = await agent.ok('GET', `/api/v1/complaints/${fourth.number}`);
      expect(linked.links.map((l: { number: string }) => l.number)).toEqual([first.number]);

      // The same person again about the first parcel: one match for both reasons, the newest first.
      const fifth = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: customer, waybillNo }),
      );
      expect(fifth.possibleDuplicates).toEqual([
        expect.objectContaining({ number: fourth.number, reasons: ['same_customer'] }),
        expect.objectContaining({ number: third.number, reasons: ['same_waybill'] }),
        expect.objectContaining({ number: first.number, reasons: ['same_customer', 'same_waybill'] }),
      ]);
    });

    it('does not count complaints older than the configured window', async () => {
      const customer = freshComplainant('周女士');
      const old = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, {
          complainant: customer,
          receivedAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
        }),
      );
      expect(old.repeat).toBe(false);
      expect((await admin.ok('PUT', '/api/v1/settings/duplicates', { windowDays: 7 })).windowDays).toBe(7);
      const now = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: customer }),
      );
      expect(now).toMatchObject({ repeat: false, possibleDuplicates: [] });
      await admin.ok('PUT', '/api/v1/settings/duplicates', { windowDays: 30 });
      const later = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { complainant: customer }),
      );
      expect(later.possibleDuplicates.map((d: { number: string }) => d.number).sort()).toEqual(
        [old.number, now.number].sort(),
      );
    });
  });
}
