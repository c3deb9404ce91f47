import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { multipart, PNG } from '../evidence/support.js';
import { type Client, login, sessionCookie, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { countRows } from '../support/rows.js';
import { DIALECTS, PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/** The address the console is served at in these requests (the Host header a browser sends). */
const HOST = '127.0.0.1:3000';
const OWN = `http://${HOST}`;
const EVIL = 'https://evil.example';

describe.each(DIALECTS)('cross-site request forgery on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { appOptions: { allowedOrigins: ['https://crm.example.com'] } });
    agent = await login(t.http, 'agent');
    cookie = await sessionCookie(t.http, 'agent');
  });
  afterAll(() => t.close());

  const count = (table: 'complaints' | 'events' | 'evidence') => countRows(t.app.db, table);
  const register = async () => (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number;
  /** A browser's request with the agent's session cookie and the given provenance headers. */
  const fromBrowser = (
    method: 'POST' | 'PATCH',
    url: string,
    payload: unknown,
    headers: Record<string, string>,
  ) =>
    t.http.inject({
      method,
      url,
      payload: payload as object,
      headers: { host: HOST, cookie, ...headers },
    });

  it('refuses a JSON registration, an evidence upload and a message sent from another site, writing nothing', async () => {
    const number = await register();
    const before = [await count('complaints'), await count('events'), await count('evidence')];
    const upload = multipart([{ filename: 'parcel.png', contentType: 'image/png', data: PNG }]);
    const attempts = [
      await fromBrowser('POST', '/api/v1/complaints', buildComplaint(t.org), { origin: EVIL }),
      await fromBrowser('POST', `/api/v1/complaints/${number}/evidence`, upload.payload, {
        ...upload.headers,
        origin: EVIL,
      }),
      await fromBrowser('POST', `/api/v1/complaints/${number}/messages`, { body: '您好' }, { origin: EVIL }),
      await fromBrowser('PATCH', `/api/v1/complaints/${number}`, { title: '改了' }, { origin: EVIL }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'cross_origin_request' });
    }
    expect([await count('complaints'), await count('events'), await count('evidence')]).toEqual(before);
  });

  it('treats another port of the same host, a foreign Referer, an opaque origin and Sec-Fetch-Site cross-site as other sites', async () => {
    const refused: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:5173' },
      { origin: 'https://127.0.0.1:3000' },
      { referer: 'http://127.0.0.1:8080/page.html' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site', origin: OWN },
    ];
    for (const headers of refused) {
      const res = await fromBrowser('POST', '/api/v1/complaints', buildComplaint(t.org), headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it('lets the console on its own origin, the public URL, listed origins and non-browser clients through', async () => {
    const allowed: Array<Record<string, string>> = [
      { origin: OWN, 'sec-fetch-site': 'same-origin' },
      { referer: `${OWN}/register` },
      // KESU_PUBLIC_URL of the test app, e.g. behind a proxy that rewrites Host.
      { origin: 'http://kesu.test' },
      // KESU_ALLOWED_ORIGINS.
      { origin: 'https://crm.example.com' },
      // A program: neither header.
      {},
    ];
    for (const headers of allowed) {
      const res = await fromBrowser('POST', '/api/v1/complaints', buildComplaint(t.org), headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(201);
    }
    // An API token is no ambient credential: a browser never adds it by itself.
    const integration = await tokenClient(t, 'agent');
    const res = await integration.post('/api/v1/complaints', buildComplaint(t.org), { origin: EVIL });
    expect(res.status).toBe(201);
  });

  it('refuses a staff login and a portal sign-in from another site (login CSRF)', async () => {
    const staffLogin = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agent', password: PASSWORD },
      headers: { host: HOST, origin: EVIL },
    });
    expect(staffLogin.statusCode).toBe(403);
    expect(staffLogin.headers['set-cookie']).toBeUndefined();
    const portalSignIn = await t.http.inject({
      method: 'POST',
      url: '/api/v1/portal/sessions',
      payload: { number: 'KS20261203-000001', token: 'x'.repeat(32) },
      headers: { host: HOST, origin: EVIL },
    });
    expect(portalSignIn.statusCode).toBe(403);
    expect(portalSignIn.json()).toMatchObject({ code: 'cross_origin_request' });
    const sameOrigin = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agent', password: PASSWORD },
      headers: { host: HOST, origin: OWN },
    });
    expect(sameOrigin.statusCode).toBe(200);
  });

  it('reads the own origin from the proxy when it is trusted', async () => {
    const proxied = await buildApp(t.app, { trustProxy: true });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'agent', password: PASSWORD },
        headers: {
          host: '10.0.0.5:3000',
          'x-forwarded-host': 'kesu.example.com',
          'x-forwarded-proto': 'https',
          origin: 'https://kesu.example.com',
        },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe.each(DIALECTS)('security headers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('marks every answer nosniff, unframeable and under a policy without inline script; no HSTS over http', async () => {
    const agent = await login(t.http, 'agent');
    const answers = [
      await t.http.inject({ method: 'GET', url: '/api/v1/auth/session' }),
      await t.http.inject({ method: 'GET', url: '/api/v1/complaints' }),
      await t.http.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      await t.http.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      }),
      await t.http.inject({ method: 'GET', url: '/api/openapi.json' }),
    ];
    expect((await agent.get('/api/v1/complaints')).headers['x-content-type-options']).toBe('nosniff');
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 200]);
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS when the public URL is https', async () => {
    const https = await buildApp({
      ...t.app,
      config: { ...t.app.config, publicUrl: 'https://kesu.example.com' },
    });
    try {
      const res = await https.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
