import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { sweepProgressNotices } from '../../src/modules/sla/index.js';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const shanghai = (local: string) => Date.parse(`${local}+08:00`);

describe.each(DIALECTS)('the language the customer is written to in on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let manager: Client;
  // 2026-03-16 is an ordinary Monday.
  const clock = fixedClock(shanghai('2026-03-16T10:00:00'));
  beforeAll(async () => {
    t = await startTestApp(dialect, { clock });
    agent = await tokenClient(t, 'agent');
    manager = await tokenClient(t, 'manager');
  });
  afterAll(() => t.close());

  const url = (number: string, path = '') => `/api/v1/complaints/${number}${path}`;
  /** The notices of one kind the customer was sent about a complaint, oldest first. */
  const customerNotices = (number: string, event: string) =>
    t.app.db
      .selectFrom('notifications')
      .innerJoin('complaints', 'complaints.id', 'notifications.complaint_id')
      .select([
        'notifications.channel',
        'notifications.locale',
        'notifications.subject',
        'notifications.body',
      ])
      .where('complaints.number', '=', number)
      .where('notifications.event', '=', event)
      .where('notifications.user_id', 'is', null)
      .orderBy('notifications.id')
      .execute();
  const english = (overrides = {}) =>
    buildComplaint(t.org, {
      complainant: {
        name: 'John Smith',
        email: `john.${Math.random().toString(36).slice(2)}@example.com`,
        preferredContact: 'email',
        locale: 'en',
      },
      title: 'Parcel stuck for three days',
      ...overrides,
    });

  it('writes the acknowledgment and the result in English to a customer registered as English, in Chinese to the others', async () => {
    const en = (
      await agent.ok('POST', '/api/v1/complaints', english({ unitId: t.org.unitIds.get('pudong') }))
    ).number as string;
    const zh = (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number as string;
    expect((await agent.ok('GET', url(en))).complainant.locale).toBe('en');
    expect((await agent.ok('GET', url(zh))).complainant.locale).toBe('zh-CN');
    await agent.ok('POST', url(en, '/accept'));
    await agent.ok('POST', url(zh, '/accept'));

    const [ackEn] = await customerNotices(en, 'acknowledgment');
    expect(ackEn).toMatchObject({
      channel: 'email',
      locale: 'en',
      subject: `Acknowledgment: your complaint ${en} is accepted`,
    });
    expect(ackEn?.body).toContain(`Dear John Smith, your complaint "Parcel stuck for three days"`);
    expect(ackEn?.body).toContain(`/track/${en}?lang=en`);
    const [ackZh] = await customerNotices(zh, 'acknowledgment');
    expect(ackZh).toMatchObject({
      channel: 'sms',
      locale: 'zh-CN',
      subject: `【受理函】您的投诉 ${zh} 已受理`,
    });
    expect(ackZh?.body).toMatch(new RegExp(`/track/${zh}$`));

    // The reply names the remedy still to be carried out in the customer's language too.
    await manager.ok('POST', url(en, '/assign'), { assigneeId: t.org.userIds.get('handler') });
    await manager.ok('POST', url(en, '/start'));
    await manager.ok('PUT', url(en, '/judgement'), judgement);
    await manager.ok('POST', url(en, '/remedies'), remedy(2000, { kinds: ['apology', 'compensation'] }));
    const replied = await manager.ok(
      'POST',
      url(en, '/reply'),
      reply({ method: 'email', result: 'Your parcel was delivered today.' }),
    );
    expect(replied.replies[0].result).toBe(
      'Your parcel was delivered today.\nStill to be done: compensation (¥20.00), by 2026-03-18 10:00.',
    );
    const [result] = await customerNotices(en, 'result');
    expect(result).toMatchObject({ channel: 'email', locale: 'en', subject: `Result of complaint ${en}` });
    expect(result?.body).toContain('Still to be done: compensation (¥20.00)');
  });

  it('tells an English customer their complaint’s progress in English, and follows a corrected language', async () => {
    await (await tokenClient(t, 'admin')).ok('PUT', '/api/v1/settings/progress-notices', {
      P1: 1,
      P2: 1,
      P3: 1,
      P4: 0,
    });
    clock.set(shanghai('2026-03-16T10:00:00'));
    const number = (await agent.ok('POST', '/api/v1/complaints', english())).number as string;
    await agent.ok('POST', url(number, '/accept'));
    clock.set(shanghai('2026-03-17T10:00:00'));
    await sweepProgressNotices(t.app);
    const [progress] = await customerNotices(number, 'progress_update');
    expect(progress?.locale).toBe('en');
    expect(progress?.body).toContain(
      `Dear John Smith, your complaint ${number} ("Parcel stuck for three days") is accepted.`,
    );

    // Registered as English by mistake: corrected on the record (in its history), the next notice is Chinese.
    const corrected = await agent.ok('PATCH', url(number), {
      customerLocale: 'zh-CN',
      comment: '客户要求中文',
    });
    expect(corrected.complainant.locale).toBe('zh-CN');
    expect((await agent.patch(url(number), { customerLocale: 'fr' })).status).toBe(400);
    clock.set(shanghai('2026-03-18T10:00:00'));
    await sweepProgressNotices(t.app);
    const [, next] = await customerNotices(number, 'progress_update');
    expect(next).toMatchObject({ locale: 'zh-CN', subject: `投诉 ${number} 处理进度` });
    expect(next?.body).toContain('目前已受理');
  });

  it('writes to a customer who used the English web form in English, with a tracking link that opens in English', async () => {
    await configurePortal(t, await tokenClient(t, 'admin'));
    const customer = visitor(t, '203.0.113.77');
    const filed = await customer.post(
      '/complaints',
      webForm(t, { name: 'Jane Doe', email: 'jane@example.com', phone: undefined, locale: 'en' }),
    );
    expect(filed.status).toBe(201);
    const number = filed.body.number as string;
    expect(filed.body.trackUrl).toMatch(new RegExp(`/track/${number}\\?lang=en$`));
    expect((await agent.ok('GET', url(number))).complainant.locale).toBe('en');
    await agent.ok('POST', url(number, '/accept'));
    const [ack] = await customerNotices(number, 'acknowledgment');
    expect(ack).toMatchObject({ channel: 'email', locale: 'en' });

    const refused = await customer.post('/complaints', webForm(t, { locale: 'ja' }));
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { path: string }) => f.path)).toEqual(['/body/locale']);
  });
});
