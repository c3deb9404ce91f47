import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/cursor.js';
import { multipart, PNG } from '../evidence/support.js';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { type Client, login } from '../support/client.js';
import { databaseState } from '../support/database-state.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** A list cursor as a forger would write it: any JSON, base64url-encoded. */
const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const dialect of DIALECTS)
  describe(`input the database cannot hold, on ${dialect}`, () => {
    let t: TestApp;
    let agent: Client;
    let admin: Client;
    const complaints = async () => (await databaseState(t.app.db)).complaints ?? 0;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      agent = await login(t.http, 'agent');
      admin = await login(t.http, 'admin');
      await configurePortal(t, admin);
    });
    afterAll(() => t.close());

    it('refuses a NUL character or a broken surrogate pair with 400 naming the field, and registers nothing', async () => {
      const before = await complaints();
      const nul = await agent.post('/api/v1/complaints', buildComplaint(t.org, { title: 'a\u0000b' }));
      expect(nul.status).toBe(400);
      expect(nul.body.fields).toMatchObject([{ path: '/body/title', code: 'invalid_characters' }]);
      const surrogate = await agent.post(
        '/api/v1/complaints',
        buildComplaint(t.org, { content: '包裹\ud800丢了' }),
      );
      expect(surrogate.status).toBe(400);
      expect(surrogate.body.fields).toMatchObject([{ path: '/body/content', code: 'invalid_characters' }]);
      const search = await agent.get('/api/v1/complaints?q=%E5%8C%85%00');
      expect(search.status).toBe(400);
      expect(search.body.fields).toMatchObject([{ path: '/querystring/q', code: 'invalid_characters' }]);
      // The public portal, without any session.
      const portal = await visitor(t, '203.0.113.90').post(
        '/complaints',
        webForm(t, { content: '没收到\u0000包裹' }),
      );
      expect(portal.status).toBe(400);
      expect(portal.body.fields).toMatchObject([{ path: '/body/content', code: 'invalid_characters' }]);
      // A whole pair is text like any other.
      const emoji = await agent.post('/api/v1/complaints', buildComplaint(t.org, { title: '包裹 😀 丢了' }));
      expect(emoji.status).toBe(201);
      expect(await complaints()).toBe(before + 1);
    });

    it('refuses a NUL character in an evidence note or file name with 400, keeping nothing', async () => {
      const { number } = await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org));
      const upload = async (parts: Parameters<typeof multipart>[0]) => {
        const { payload, headers } = multipart(parts);
        return agent.request('POST', `/api/v1/complaints/${number}/evidence`, payload, headers);
      };
      const before = (await databaseState(t.app.db)).evidence;
      const note = await upload([
        { field: 'note', value: '收据\u0000' },
        { filename: 'receipt.png', data: PNG, contentType: 'image/png' },
      ]);
      expect(note.status).toBe(400);
      expect(note.body.fields).toMatchObject([{ path: '/body/note', code: 'invalid_characters' }]);
      const name = await upload([{ filename: 'rec\u0000eipt.png', data: PNG, contentType: 'image/png' }]);
      expect(name.status).toBe(400);
      expect(name.body.fields).toMatchObject([{ path: '/body/file', code: 'invalid_characters' }]);
      expect((await databaseState(t.app.db)).evidence).toBe(before);
    });

    it('answers ids beyond what the database holds with 400, not a server error', async () => {
      for (const url of [
        '/api/v1/customers/99999999999999999999',
        '/api/v1/customers/99999999999999999999/complaints',
        '/api/v1/jobs/99999999999999999999',
        `/api/v1/complaints/${'KS20261203-000001'}/evidence/99999999999999999999`,
      ]) {
        const res = await (url.includes('/jobs/') ? admin : agent).get(url);
        expect(res.status, url).toBe(400);
        expect(res.body.fields?.[0]?.path, url).toBe('/params/id');
      }
      const hugeUnit = await agent.get('/api/v1/complaints?unitId=99999999999999999999');
      expect(hugeUnit.status).toBe(400);
      const registration = await agent.post(
        '/api/v1/complaints',
        buildComplaint(t.org, { categoryId: 1e20 }),
      );
      expect(registration.status).toBe(400);
      expect(registration.body.fields).toMatchObject([{ path: '/body/categoryId', code: 'out_of_range' }]);
    });

    it('answers a forged list cursor with 400 invalid_cursor', async () => {
      // Each list with a sort value of the wrong kind for it (text where it sorts by time, and so on).
      const lists = [
        [agent, '/api/v1/complaints', forged(['x', 7])],
        [agent, '/api/v1/complaints?sort=priority', forged([1, 7])],
        [agent, '/api/v1/customers', forged([1, 7])],
        [agent, '/api/v1/customers/1/complaints', forged(['x', 7])],
        [agent, '/api/v1/cases', forged(['x', 7])],
        [admin, '/api/v1/jobs', forged(['x'])],
      ] as const;
      for (const [client, url, wrongKind] of lists)
        for (const cursor of [
          forged([1e30, 1e20]),
          forged(['x', 1.5]),
          forged([1, 'x']),
          wrongKind,
          'garbage!',
        ]) {
          const res = await client.get(
            `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`,
          );
          expect(res.status, `${url} ${cursor}`).toBe(400);
          expect(res.body.fields, `${url} ${cursor}`).toMatchObject([
            { path: '/querystring/cursor', code: 'invalid_cursor' },
          ]);
        }
      // A cursor the server wrote still pages on.
      const ok = await agent.get(`/api/v1/complaints?cursor=${encodeCursor([Date.now(), 1])}`);
      expect(ok.status).toBe(200);
    });
  });
