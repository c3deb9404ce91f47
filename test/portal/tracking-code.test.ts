import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { type Client, tokenClient } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { vendor } from '../support/vendor-server.js';
import { configurePortal, visitor, webForm } from './support.js';

for (const dialect of DIALECTS)
  describe(`tracking with the phone's last four digits and an SMS code on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let gateway: Awaited<ReturnType<typeof vendor>>;
    const clock = fixedClock(Date.now());
    const minutes = (n: number) => clock.advance(n * 60_000);

    beforeAll(async () => {
      gateway = await vendor(() => ({ status: 200, body: { id: 'msg-1' } }));
      t = await startTestApp(dialect, { clock });
      admin = await tokenClient(t, 'admin');
      await configurePortal(t, admin);
      await admin.ok('PUT', '/api/v1/settings/notify-channels', {
        sms: {
          channel: 'sms',
          provider: 'generic',
          url: `${gateway.url}/sms`,
          secret: 'a-shared-secret-for-tests',
        },
      });
    });
    afterAll(async () => {
      await t.close();
      await gateway.close();
    });

    /** The SMS messages the gateway received for this number, oldest first. */
    const texts = () => gateway.received.map((r) => JSON.parse(r.body) as { to: string; text: string });
    const codeIn = (text: string) => /验证码为 (\d{6})/.exec(text)?.[1] ?? '';

    it('sends a code to the phone, which opens the complaint once', async () => {
      const guest = visitor(t, '192.0.2.10');
      const { number } = (await guest.post('/complaints', webForm(t, { phone: '13912345678' }))).body;
      const before = texts().length;

      const asked = await guest.post('/tracking-codes', { number, phoneLast4: '5678' });
      expect(asked.status).toBe(202);
      expect(asked.body).toEqual({ sent: true });
      await runDueJobs(t.app, kesuJobs());
      const sms = texts().slice(before);
      expect(sms).toHaveLength(1);
      expect(sms[0]?.to).toBe('13912345678');
      expect(sms[0]?.text).toContain(number);
      const code = codeIn(sms[0]?.text ?? '');
      expect(code).toMatch(/^\d{6}$/);
      // The code is kept only as a keyed hash.
      const stored = await t.app.db.selectFrom('tracking_codes').select('code_hash').execute();
      expect(stored.every((s) => !s.code_hash.includes(code))).toBe(true);

      // Asking again within the minute sends nothing new; the answer is the same.
      expect((await guest.post('/tracking-codes', { number, phoneLast4: '5678' })).body).toEqual({
        sent: true,
      });
      await runDueJobs(t.app, kesuJobs());
      expect(texts().slice(before)).toHaveLength(1);

      const session = await guest.post('/sessions', { number, phoneLast4: '5678', code });
      expect(session.status, JSON.stringify(session.body)).toBe(200);
      const view = await guest.as(session.body.accessToken).get(`/complaints/${number}`);
      expect(view.status).toBe(200);
      expect(view.body.complainant.phone).toBe('139****5678');

      const reused = await guest.post('/sessions', { number, phoneLast4: '5678', code });
      expect(reused.status).toBe(404);
      expect(reused.body.code).toBe('tracking_denied');

      // The access token is short-lived.
      minutes(31);
      expect((await guest.as(session.body.accessToken).get(`/complaints/${number}`)).status).toBe(404);
    });

    it('sends nothing when the digits do not match, and answers the same', async () => {
      const guest = visitor(t, '192.0.2.11');
      const { number } = (await guest.post('/complaints', webForm(t, { phone: '13711112222' }))).body;
      const before = texts().length;
      const wrong = await guest.post('/tracking-codes', { number, phoneLast4: '1111' });
      const unknown = await guest.post('/tracking-codes', {
        number: 'KS20990101-999999',
        phoneLast4: '2222',
      });
      expect([wrong.status, unknown.status]).toEqual([202, 202]);
      expect(wrong.body).toEqual(unknown.body);
      await runDueJobs(t.app, kesuJobs());
      expect(texts().slice(before)).toEqual([]);
    });

    it('spends a code after five wrong tries, and lets it expire after ten minutes', async () => {
      const guest = visitor(t, '192.0.2.12');
      const { number } = (await guest.post('/complaints', webForm(t, { phone: '13633334444' }))).body;
      const fresh = async () => {
        minutes(2);
        const before = texts().length;
        await guest.post('/tracking-codes', { number, phoneLast4: '4444' });
        await runDueJobs(t.app, kesuJobs());
        return codeIn(texts()[before]?.text ?? '');
      };

      const code = await fresh();
      const wrongCode = code === '000000' ? '000001' : '000000';
      for (let i = 0; i < 5; i++)
        expect((await guest.post('/sessions', { number, phoneLast4: '4444', code: wrongCode })).status).toBe(
          404,
        );
      expect((await guest.post('/sessions', { number, phoneLast4: '4444', code })).status).toBe(404);

      const second = await fresh();
      // The right code with the wrong digits does not open it either (and counts a try).
      expect((await guest.post('/sessions', { number, phoneLast4: '0000', code: second })).status).toBe(404);
      minutes(11);
      expect((await guest.post('/sessions', { number, phoneLast4: '4444', code: second })).status).toBe(404);

      const third = await fresh();
      expect((await guest.post('/sessions', { number, phoneLast4: '4444', code: third })).status).toBe(200);
    });

    it('sends at most the daily number of codes for one complaint', async () => {
      const guest = visitor(t, '192.0.2.13');
      const { number } = (await guest.post('/complaints', webForm(t, { phone: '13555556666' }))).body;
      await configurePortal(t, admin, { codesPerDay: 3 });
      const before = texts().length;
      for (let i = 0; i < 5; i++) {
        minutes(2);
        expect((await guest.post('/tracking-codes', { number, phoneLast4: '6666' })).status).toBe(202);
      }
      await runDueJobs(t.app, kesuJobs());
      expect(texts().slice(before)).toHaveLength(3);
      const timeline = await t.app.db
        .selectFrom('events')
        .innerJoin('complaints', 'complaints.id', 'events.stream_id')
        .select(['events.kind', 'events.data'])
        .where('events.stream_type', '=', 'complaint')
        .where('complaints.number', '=', number)
        .where('events.kind', '=', 'tracking_code_issued')
        .execute();
      expect(timeline).toHaveLength(3);
      // The history records that a code went out, never the code.
      for (const e of timeline) expect(e.data).not.toMatch(/"code"/);
    });
  });
