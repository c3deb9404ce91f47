import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { attempt, clientWith, cookieOf, userHistory } from './support.js';

const codeAt = (secret: string, timestamp: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });

describe.each(DIALECTS)('TOTP second factor on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let adminSecret = '';
  const clock = fixedClock(Date.UTC(2026, 11, 3, 8, 0, 10));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  async function secondStep(pendingToken: string, code: string) {
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      payload: { pendingToken, code },
    });
    return {
      status: res.statusCode,
      body: JSON.parse(res.body),
      cookie: cookieOf(res.headers['set-cookie']),
    };
  }

  it('enrols a manager, asks for the code at sign-in, refuses wrong and replayed codes, and lets the admin reset it', async () => {
    const managerId = t.org.userIds.get('manager') ?? 0;
    const manager = await login(t.http, 'manager');
    expect(await manager.ok('GET', '/api/v1/auth/totp')).toEqual({ enabled: false, offered: true });
    const { secret, uri } = await manager.ok('POST', '/api/v1/auth/totp/enrolment');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kesu:manager\?/);
    expect(uri).toContain(`secret=${secret}`);
    // The secret is sealed at rest.
    const stored = await t.app.db
      .selectFrom('user_totp')
      .select('secret')
      .where('user_id', '=', managerId)
      .executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain(secret);

    // Not on until a correct code confirms it.
    expect((await attempt(t.http, { username: 'manager' })).status).toBe(200);
    const badConfirm = await manager.post('/api/v1/auth/totp/enrolment/confirm', { code: '000000' });
    expect(badConfirm.status).toBe(400);
    expect(badConfirm.body.fields[0]).toMatchObject({ path: '/body/code', code: 'invalid_totp_code' });
    expect(
      (await manager.post('/api/v1/auth/totp/enrolment/confirm', { code: codeAt(secret, clock.now()) }))
        .status,
    ).toBe(204);
    expect(await manager.ok('GET', '/api/v1/auth/totp')).toEqual({ enabled: true, offered: true });

    // The password alone gives a pending-sign-in token, not a session.
    clock.advance(30_000);
    const first = await attempt(t.http, { username: 'manager' });
    expect(first.status).toBe(202);
    expect(first.cookie).toBeNull();
    expect(first.body).toMatchObject({ secondFactor: 'totp', pendingToken: expect.any(String) });
    const pendingAsCookie = clientWith(t.http, `kesu_session=${first.body.pendingToken}`);
    expect((await pendingAsCookie.get('/api/v1/auth/me')).status).toBe(401);

    const wrong = await secondStep(first.body.pendingToken, '123456');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_totp_code');
    const code = codeAt(secret, clock.now());
    const ok = await secondStep(first.body.pendingToken, code);
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe('manager');
    expect((await clientWith(t.http, ok.cookie).get('/api/v1/auth/me')).status).toBe(200);

    // The same code again, within its time step, from a fresh password step: refused.
    const again = await attempt(t.http, { username: 'manager' });
    const replay = await secondStep(again.body.pendingToken, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid_totp_code');
    // A forged or expired pending token is no use.
    expect((await secondStep(`${again.body.pendingToken}x`, code)).body.code).toBe('sign_in_expired');
    clock.advance(6 * 60_000);
    expect((await secondStep(again.body.pendingToken, codeAt(secret, clock.now()))).body.code).toBe(
      'sign_in_expired',
    );

    // Lost device: the admin resets the second factor; the password alone signs in again.
    expect((await admin.ok('GET', `/api/v1/users/${managerId}/security`)).totpEnabled).toBe(true);
    expect((await admin.delete(`/api/v1/users/${managerId}/totp`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/users/${managerId}/totp`)).status).toBe(404);
    expect((await attempt(t.http, { username: 'manager' })).status).toBe(200);
    const history = await userHistory(t, managerId);
    expect(history).toEqual(expect.arrayContaining(['totp_enabled', 'totp_reset']));
  });

  it('counts wrong codes as failed sign-ins', async () => {
    clock.advance(60 * 60_000);
    const { secret } = await admin.ok('POST', '/api/v1/auth/totp/enrolment');
    adminSecret = secret;
    await admin.ok('POST', '/api/v1/auth/totp/enrolment/confirm', { code: codeAt(secret, clock.now()) });
    const from = { address: '10.9.0.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = await attempt(t.http, { username: 'admin' }, from);
      if (step.status !== 202) {
        statuses.push(step.status);
        continue;
      }
      const res = await t.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login/second-factor',
        payload: { pendingToken: step.body.pendingToken, code: '999999' },
        remoteAddress: from.address,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('does not charge the address for two-step sign-ins that succeed', async () => {
    clock.advance(60 * 60_000);
    const from = { address: '10.9.1.1' };
    for (let i = 0; i < 3; i++) {
      clock.advance(30_000);
      const step = await attempt(t.http, { username: 'admin' }, from);
      expect(step.status).toBe(202);
      const res = await t.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login/second-factor',
        payload: { pendingToken: step.body.pendingToken, code: codeAt(adminSecret, clock.now()) },
        remoteAddress: from.address,
      });
      expect(res.statusCode).toBe(200);
    }
    const counters = await t.app.db
      .selectFrom('login_throttles')
      .selectAll()
      .where('key', 'in', ['account:admin', 'address:10.9.1.1'])
      .execute();
    expect(counters.map((c) => [c.key, c.failures])).toEqual([['address:10.9.1.1', 0]]);
  });

  it('is offered to admins and managers only, and turned off with a current code', async () => {
    const agent = await login(t.http, 'agent');
    expect(await agent.ok('GET', '/api/v1/auth/totp')).toEqual({ enabled: false, offered: false });
    const refused = await agent.post('/api/v1/auth/totp/enrolment');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('totp_not_offered');

    clock.advance(60 * 60_000);
    const executive = await login(t.http, 'executive');
    expect((await executive.post('/api/v1/auth/totp/enrolment')).status).toBe(403);
    expect((await admin.post('/api/v1/auth/totp/enrolment')).body.code).toBe('totp_already_enabled');
    expect((await admin.post('/api/v1/auth/totp/disable', { code: '000000' })).status).toBe(400);
    expect(
      (await admin.post('/api/v1/auth/totp/disable', { code: codeAt(adminSecret, clock.now()) })).status,
    ).toBe(204);
    expect((await attempt(t.http, { username: 'admin' }, { address: '10.9.0.2' })).status).toBe(200);
    expect(await userHistory(t, t.org.userIds.get('admin') ?? 0)).toContain('totp_disabled');
  });
});
