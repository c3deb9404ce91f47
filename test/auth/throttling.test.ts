import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { pruneSignInThrottles } from '../../src/modules/org/index.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { attempt, userHistory } from './support.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('sign-in throttling and lockout on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  const clock = fixedClock(Date.UTC(2026, 11, 3, 8));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  it('locks an account after 30 quick wrong passwords until the admin lifts it', async () => {
    const agentId = t.org.userIds.get('agent') ?? 0;
    const from = { address: '10.0.0.1' };
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        attempt(t.http, { username: 'agent', password: 'wrong-password' }, from),
      ),
    );
    const statuses = answers.map((a) => a.status);
    // Parallel guesses are counted before any password is checked: at most the free ones reach argon2.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(27);
    const throttled = answers.find((a) => a.status === 429);
    expect(throttled?.headers['content-type']).toContain('application/problem+json');
    expect(throttled?.body.code).toBe('too_many_attempts');
    expect(Number(throttled?.headers['retry-after'])).toBeGreaterThan(0);

    // The right password, from another address, is refused while the lock lasts.
    clock.advance(5 * MINUTE);
    const refused = await attempt(t.http, { username: 'agent' }, { address: '10.0.0.2' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBe(10 * 60);
    const security = await admin.ok('GET', `/api/v1/users/${agentId}/security`);
    expect(security.lockedUntil).not.toBeNull();

    expect((await admin.post(`/api/v1/users/${agentId}/unlock`)).status).toBe(204);
    const after = await attempt(t.http, { username: 'agent' }, { address: '10.0.0.2' });
    expect(after.status).toBe(200);
    expect(after.cookie).toMatch(/^kesu_session=/);
    const history = await userHistory(t, agentId);
    expect(history).toContain('sign_in_locked');
    expect(history.indexOf('sign_in_unlocked')).toBeGreaterThan(history.indexOf('sign_in_locked'));
  });

  it('backs off step by step, lets the lock expire, and starts afresh after a success', async () => {
    const from = { address: '10.0.1.1' };
    const wrong = () => attempt(t.http, { username: 'supervisor', password: 'wrong-password' }, from);
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(401);
    const waiting = await wrong();
    expect(waiting.status).toBe(429);
    expect(waiting.headers['retry-after']).toBe('2');
    clock.advance(2000);
    expect((await wrong()).status).toBe(401); // the 5th failure: locked now
    clock.advance(10 * MINUTE);
    const right = await attempt(t.http, { username: 'supervisor' }, from);
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBe(String(5 * 60));
    clock.advance(5 * MINUTE);
    expect((await attempt(t.http, { username: 'supervisor' }, from)).status).toBe(200);
    // The success cleared the account's counter: three mistakes cost nothing again.
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(401);
    // The username as typed, normalised: another spelling is the same account's third failure.
    expect((await attempt(t.http, { username: ' SUPERVISOR', password: 'x' }, from)).status).toBe(401);
    expect((await attempt(t.http, { username: 'supervisor' }, from)).status).toBe(429);
  });

  it('throttles a spray of 20 usernames from one address, and that address only', async () => {
    clock.advance(60 * MINUTE);
    const from = { address: '10.0.2.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await attempt(t.http, { username: `guess${i}`, password: 'Passw0rd!' }, from);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
    // A real user behind the locked address waits too; the same user elsewhere does not.
    const locked = await attempt(t.http, { username: 'handler' }, from);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    expect((await attempt(t.http, { username: 'handler' }, { address: '10.0.2.2' })).status).toBe(200);
  });

  it('does not charge an address for successful sign-ins', async () => {
    clock.advance(60 * MINUTE);
    for (let i = 0; i < 25; i++)
      expect((await attempt(t.http, { username: 'auditor' }, { address: '10.0.3.1' })).status).toBe(200);
  });

  it('answers an unknown user and a wrong password alike, and a locked account like a throttled unknown one', async () => {
    clock.advance(60 * MINUTE);
    const unknown = await attempt(
      t.http,
      { username: 'no-such-user', password: 'wrong-password' },
      { address: '10.0.4.1' },
    );
    const wrong = await attempt(
      t.http,
      { username: 'handler2', password: 'wrong-password' },
      { address: '10.0.4.2' },
    );
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.body).toEqual({ ...unknown.body });
    expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);

    // Timing: medians of interleaved samples, each in a fresh window so that none is throttled.
    const took: Record<'unknown' | 'wrong', number[]> = { unknown: [], wrong: [] };
    for (let i = 0; i < 9; i++) {
      clock.advance(60 * MINUTE);
      for (const kind of ['unknown', 'wrong'] as const) {
        const started = performance.now();
        const res = await attempt(
          t.http,
          { username: kind === 'unknown' ? `nobody${i}` : 'handler2', password: 'wrong-password' },
          { address: `10.0.5.${i}` },
        );
        took[kind].push(performance.now() - started);
        expect(res.status).toBe(401);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(took.unknown) / median(took.wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);

    // Lock an existing account and an unknown name at the same moment: the answers cannot be told apart.
    clock.advance(60 * MINUTE);
    for (let i = 0; i < 6; i++) {
      await attempt(t.http, { username: 'handler2', password: 'wrong-password' }, { address: `10.0.6.${i}` });
      await attempt(t.http, { username: 'ghost', password: 'wrong-password' }, { address: `10.0.7.${i}` });
      clock.advance(MINUTE);
    }
    const lockedReal = await attempt(t.http, { username: 'handler2' }, { address: '10.0.8.1' });
    const lockedGhost = await attempt(t.http, { username: 'ghost' }, { address: '10.0.8.2' });
    expect(lockedReal.status).toBe(429);
    expect(lockedGhost.status).toBe(429);
    expect(lockedReal.body).toEqual(lockedGhost.body);
    expect(lockedReal.headers['retry-after']).toBe(lockedGhost.headers['retry-after']);
  });

  it('forgets counters once their window and lock are over', async () => {
    clock.advance(60 * MINUTE);
    await attempt(t.http, { username: 'fresh', password: 'wrong-password' }, { address: '10.0.9.1' });
    const keys = () =>
      t.app.db
        .selectFrom('login_throttles')
        .select('key')
        .execute()
        .then((rows) => rows.map((r) => r.key).sort());
    const before = await keys();
    expect(before.length).toBeGreaterThan(20);
    expect(await pruneSignInThrottles(t.app.db, clock.now())).toBe(before.length - 2);
    expect(await keys()).toEqual(['account:fresh', 'address:10.0.9.1']);
  });
});
