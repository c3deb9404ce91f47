import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const URL = '/api/v1/settings/notify-channels';

describe.each(DIALECTS)('notify channel secrets survive a form round trip on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await login(t.http, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const stored = async () => {
    const row = await t.app.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'notify_channels')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.value);
  };

  it('keeps a secret sent back as read, and replaces it when a new one is sent', async () => {
    await admin.ok('PUT', URL, {
      email: {
        channel: 'email',
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: 'kefu',
        pass: 'smtp-password-1',
        from: 'kefu@example.com',
      },
      sms: {
        channel: 'sms',
        provider: 'generic',
        url: 'https://sms.example.com/send',
        secret: 'a'.repeat(20),
      },
      robots: [
        {
          name: '客服经理群',
          config: { channel: 'wecom', webhookUrl: 'https://qyapi.example.com/send?key=k1' },
        },
        {
          name: '值班群',
          config: { channel: 'dingtalk', webhookUrl: 'https://oapi.example.com/robot?t=1', secret: 'SECabc' },
        },
      ],
    });
    const read = await admin.ok('GET', URL);
    expect(read.email.pass).toBe('********');
    expect(read.sms.secret).toBe('********');
    expect(read.robots[0].config.webhookUrl).toBe('********');
    expect(read.robots[1].config.secret).toBe('********');

    // Save what was read, with the robots reordered and a non-secret field changed.
    read.email.host = 'smtp2.example.com';
    read.robots.reverse();
    await admin.ok('PUT', URL, read);
    const kept = await stored();
    expect(kept.email.host).toBe('smtp2.example.com');
    expect(kept.email.pass).toBe('smtp-password-1');
    expect(kept.sms.secret).toBe('a'.repeat(20));
    const byName = Object.fromEntries(
      kept.robots.map((r: { name: string; config: unknown }) => [r.name, r.config]),
    );
    expect(byName.客服经理群.webhookUrl).toBe('https://qyapi.example.com/send?key=k1');
    expect(byName.值班群).toMatchObject({
      webhookUrl: 'https://oapi.example.com/robot?t=1',
      secret: 'SECabc',
    });

    // An omitted secret is kept too.
    const again = await admin.ok('GET', URL);
    delete again.email.pass;
    again.robots = again.robots.map((r: { name: string; config: Record<string, unknown> }) => r);
    await admin.ok('PUT', URL, again);
    expect((await stored()).email.pass).toBe('smtp-password-1');

    // A new secret replaces the stored one.
    const third = await admin.ok('GET', URL);
    third.email.pass = 'smtp-password-2';
    third.robots[0].config.webhookUrl = 'https://oapi.example.com/robot?t=2';
    await admin.ok('PUT', URL, third);
    const replaced = await stored();
    expect(replaced.email.pass).toBe('smtp-password-2');
    expect(replaced.robots[0].config.webhookUrl).toBe('https://oapi.example.com/robot?t=2');
    expect(replaced.sms.secret).toBe('a'.repeat(20));
  });

  it('refuses the mark where nothing is stored behind it', async () => {
    const res = await admin.put(URL, {
      sms: {
        channel: 'sms',
        provider: 'aliyun',
        accessKeyId: '********',
        accessKeySecret: '********',
        signName: 'K',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const robot = await admin.put(URL, {
      robots: [{ name: '新群', config: { channel: 'feishu', webhookUrl: '********' } }],
    });
    expect(robot.status, JSON.stringify(robot.body)).toBe(400);
  });
});
