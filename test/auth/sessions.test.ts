import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { attempt, clientWith, userHistory } from './support.js';

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  async function signedIn(username: string, address: string, userAgent: string) {
    const res = await attempt(t.http, { username }, { address, userAgent });
    expect(res.status).toBe(200);
    return clientWith(t.http, res.cookie);
  }

  it('lists my sessions with where they came from, and revokes one or all others at once', async () => {
    const office = await signedIn('supervisor', '10.1.0.1', 'Office Chrome');
    const phone = await signedIn('supervisor', '10.1.0.2', 'Phone Safari');
    const laptop = await signedIn('supervisor', '10.1.0.3', 'Laptop Firefox');
    const { items } = await office.ok('GET', '/api/v1/auth/sessions');
    expect(items).toHaveLength(3);
    const mine = items.find((s: { current: boolean }) => s.current);
    expect(mine).toMatchObject({ address: '10.1.0.1', userAgent: 'Office Chrome' });
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    for (const s of items) expect(Date.parse(s.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));

    const phoneSession = items.find((s: { userAgent: string }) => s.userAgent === 'Phone Safari');
    expect((await office.delete(`/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    const revoked = await phone.get('/api/v1/auth/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('unauthenticated');
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expect((await office.delete(`/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(404);

    expect((await office.delete('/api/v1/auth/sessions')).status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
    expect((await office.get('/api/v1/auth/me')).status).toBe(200);
    expect((await office.ok('GET', '/api/v1/auth/sessions')).items).toHaveLength(1);
  });

  it("cannot revoke another user's session through my own list", async () => {
    const handler = await signedIn('handler', '10.2.0.1', 'Handler');
    const other = await signedIn('handler2', '10.2.0.2', 'Other');
    const [theirs] = (await other.ok('GET', '/api/v1/auth/sessions')).items;
    expect((await handler.delete(`/api/v1/auth/sessions/${theirs.id}`)).status).toBe(404);
    expect((await other.get('/api/v1/auth/me')).status).toBe(200);
  });

  it("lets the admin see and end a user's sessions, recorded in the user's history", async () => {
    const agentId = t.org.userIds.get('agent') ?? 0;
    const desk = await signedIn('agent', '10.3.0.1', 'Desk');
    const kiosk = await signedIn('agent', '10.3.0.2', 'Kiosk');
    const view = await admin.ok('GET', `/api/v1/users/${agentId}/security`);
    expect(view).toMatchObject({ lockedUntil: null, failures: 0, totpEnabled: false });
    expect(view.sessions.map((s: { userAgent: string }) => s.userAgent).sort()).toEqual(['Desk', 'Kiosk']);
    const kioskSession = view.sessions.find((s: { userAgent: string }) => s.userAgent === 'Kiosk');
    expect((await admin.delete(`/api/v1/users/${agentId}/sessions/${kioskSession.id}`)).status).toBe(204);
    expect((await kiosk.get('/api/v1/auth/me')).status).toBe(401);
    expect((await desk.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.delete(`/api/v1/users/${agentId}/sessions`)).status).toBe(204);
    expect((await desk.get('/api/v1/auth/me')).status).toBe(401);
    expect((await userHistory(t, agentId)).filter((k) => k === 'sessions_ended')).toHaveLength(2);

    // Only the admin.
    const supervisor = await login(t.http, 'supervisor');
    expect((await supervisor.get(`/api/v1/users/${agentId}/security`)).status).toBe(403);
    expect((await supervisor.delete(`/api/v1/users/${agentId}/sessions`)).status).toBe(403);
    expect((await supervisor.post(`/api/v1/users/${agentId}/unlock`)).status).toBe(403);
    expect((await supervisor.delete(`/api/v1/users/${agentId}/totp`)).status).toBe(403);
  });
});
