import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { configurePortal, visitor, webForm } from './support.js';

for (const dialect of DIALECTS)
  describe(`the tracking token as people write it down, on ${dialect}`, () => {
    let t: TestApp;
    let ip = 0;
    const stranger = () => visitor(t, `203.0.113.${++ip}`);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      await configurePortal(t, await login(t.http, 'admin'));
    });
    afterAll(() => t.close());

    it('is short and grouped, and opens the complaint typed with or without the dash, in either case', async () => {
      const res = await stranger().post('/complaints', webForm(t));
      expect(res.status).toBe(201);
      const { number, trackingToken } = res.body as { number: string; trackingToken: string };
      expect(trackingToken).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      // Neither the token nor its plain sha256 is stored.
      const row = await t.app.db
        .selectFrom('complaints')
        .select('tracking_token_hash')
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      expect(row.tracking_token_hash).not.toContain(trackingToken.replace('-', ''));
      expect(row.tracking_token_hash).not.toBe(createHash('sha256').update(trackingToken).digest('hex'));

      for (const typed of [
        trackingToken,
        trackingToken.replace('-', '').toLowerCase(),
        ` ${trackingToken} `,
      ]) {
        const session = await stranger().post('/sessions', { number: number.toLowerCase(), token: typed });
        expect(session.status, typed).toBe(200);
        expect((await stranger().as(typed.trim()).get(`/complaints/${number}`)).status).toBe(200);
      }
      const wrong = `${trackingToken.slice(0, 10)}${trackingToken[10] === '2' ? '3' : '2'}`;
      expect((await stranger().post('/sessions', { number, token: wrong })).status).toBe(404);
      expect((await stranger().as(wrong).get(`/complaints/${number}`)).body.code).toBe('tracking_denied');
    });

    it('still accepts a long token handed out before, exactly as given', async () => {
      const { number } = (await stranger().post('/complaints', webForm(t))).body as { number: string };
      const old = 'q3Xv9_KpL2mN8rT4yB7cW1zA';
      await t.app.db
        .updateTable('complaints')
        .set({ tracking_token_hash: createHash('sha256').update(old).digest('hex') })
        .where('number', '=', number)
        .execute();
      expect((await stranger().post('/sessions', { number, token: old })).status).toBe(200);
      expect((await stranger().as(old).get(`/complaints/${number}`)).status).toBe(200);
      expect((await stranger().post('/sessions', { number, token: old.toUpperCase() })).status).toBe(404);
    });
  });
