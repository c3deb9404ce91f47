import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepBreaches, sweepReminders } from '../../src/modules/sla/sweep.js';
import { type Client, login, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const MIN = 60_000;

describe.each(DIALECTS)('the language of staff notices on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  const clock = fixedClock(shanghai('2026-03-18T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await tokenClient(t, 'agent');
  });
  afterAll(() => t.close());

  const localeOf = async (username: string) =>
    (
      await t.app.db
        .selectFrom('users')
        .select('locale')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).locale;
  const signInIn = (username: string, language?: string) =>
    t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
      headers: language ? { 'accept-language': language } : {},
    });
  const notice = async (username: string, event: string, number: string) => {
    const items = (await (await tokenClient(t, username)).ok('GET', '/api/v1/inbox')).items;
    return items.find(
      (i: { event: string; complaintNumber: string }) => i.event === event && i.complaintNumber === number,
    );
  };

  it('remembers the language a user signs in or switches to, and only a language it knows', async () => {
    expect(await localeOf('handler')).toBe('zh-CN');
    expect((await signInIn('handler', 'en')).statusCode).toBe(200);
    expect(await localeOf('handler')).toBe('en');
    // A client that names no language (a script) leaves the choice alone.
    expect((await signInIn('handler')).statusCode).toBe(200);
    expect(await localeOf('handler')).toBe('en');
    expect((await signInIn('handler', 'zh-CN,zh;q=0.9')).statusCode).toBe(200);
    expect(await localeOf('handler')).toBe('zh-CN');

    const supervisor = await login(t.http, 'supervisor');
    expect((await supervisor.put('/api/v1/auth/locale', { locale: 'en' })).status).toBe(204);
    expect(await localeOf('supervisor')).toBe('en');
    const wrong = await supervisor.put('/api/v1/auth/locale', { locale: 'fr' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f: { path: string }) => f.path)).toEqual(['/body/locale']);
    expect(await localeOf('supervisor')).toBe('en');

    // An admin sets it for someone who only reads e-mail (and changes it back).
    const admin = await tokenClient(t, 'admin');
    const created = await admin.ok('POST', '/api/v1/users', {
      username: 'board.member',
      displayName: '董事',
      password: PASSWORD,
      unitId: t.org.unitIds.get('hq'),
      roles: ['executive'],
      email: 'board@example.com',
      locale: 'en',
    });
    expect(created.locale).toBe('en');
    expect(await localeOf('board.member')).toBe('en');
    expect((await admin.ok('PATCH', `/api/v1/users/${created.id}`, { locale: 'zh-CN' })).locale).toBe(
      'zh-CN',
    );
    expect((await admin.patch(`/api/v1/users/${created.id}`, { locale: 'de' })).status).toBe(400);
    expect(await localeOf('board.member')).toBe('zh-CN');
  });

  it('writes each person their notices in their language, the names of stages and levels included', async () => {
    // The handler works in Chinese, the supervisor in English (the test above) and has an address.
    const supervisorId = t.org.userIds.get('supervisor') ?? 0;
    await (await tokenClient(t, 'admin')).ok('PATCH', `/api/v1/users/${supervisorId}`, {
      email: 'zhang@example.com',
    });
    const number = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await agent.ok('POST', `/api/v1/complaints/${number}/assign`, {
      unitId: t.org.unitIds.get('pudong'),
      assigneeId: t.org.userIds.get('handler'),
    });
    await sweepBreaches(t.app);
    clock.advance(48 * MIN);
    await sweepReminders(t.app);
    expect((await notice('handler', 'reminder', number)).title).toBe(
      `提醒：投诉 ${number} 的首次响应时限将至`,
    );

    clock.advance(13 * MIN);
    await sweepBreaches(t.app);
    const escalated = await notice('supervisor', 'escalated', number);
    expect(escalated.title).toBe(`Complaint ${number} is escalated to you`);
    expect(escalated.body).toContain('first response overdue. Escalated to the supervisor; priority P2.');
    const email = await t.app.db
      .selectFrom('notifications')
      .select(['locale', 'subject'])
      .where('event', '=', 'escalated')
      .where('channel', '=', 'email')
      .where('user_id', '=', supervisorId)
      .executeTakeFirst();
    expect(email).toEqual({ locale: 'en', subject: `Complaint ${number} is escalated to you` });

    // A major complaint reaches the manager (now in English) and the executive (in Chinese).
    await (await login(t.http, 'manager')).put('/api/v1/auth/locale', { locale: 'en' });
    const major = (
      await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { majorReasons: ['injury'] }))
    ).number as string;
    expect((await notice('manager', 'major_registered', major)).title).toBe(`Major complaint ${major}`);
    expect((await notice('executive', 'major_registered', major)).body).toContain('原因：人身伤害。');
  });
});
