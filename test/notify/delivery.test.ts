import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { open, piiKeys } from '../../src/modules/privacy/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

describe.each(DIALECTS)('notices delivered through real channels on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  let smtp: SMTPServer;
  let robot: Server;
  const mails: Mail[] = [];
  const robotPosts: Array<{ msgtype: string; text: { content: string } }> = [];
  let smtpPort = 0;
  let robotUrl = '';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        simpleParser(stream)
          .then((m) => {
            mails.push({
              from: m.from?.text ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: m.subject ?? '',
              text: m.text ?? '',
            });
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    robot = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        robotPosts.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;

    t = await startTestApp(dialect);
    admin = await login(t.http, 'admin');
    agent = await login(t.http, 'agent');
    await admin.ok('PUT', '/api/v1/settings/notify-channels', {
      email: {
        channel: 'email',
        host: '127.0.0.1',
        port: smtpPort,
        secure: false,
        from: '客速达客服 <kefu@kesu.test>',
      },
      robots: [{ name: '客服经理群', config: { channel: 'wecom', webhookUrl: robotUrl } }],
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => robot.close(() => resolve()));
  });

  it('keeps channel secrets out of what the admin reads back', async () => {
    const settings = await admin.ok('GET', '/api/v1/settings/notify-channels');
    expect(settings.robots[0].config.webhookUrl).toBe('********');
    const bad = await admin.put('/api/v1/settings/notify-channels', {
      email: { channel: 'email', host: 'x' },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
  });

  it('mails the acknowledgment letter to the customer and records the notice in the history', async () => {
    const body = buildComplaint(t.org, {
      title: '包裹破损',
      complainant: {
        name: '李先生',
        email: 'li@example.com',
        phone: '13912345678',
        preferredContact: 'email',
      },
    });
    const { number } = await agent.ok('POST', '/api/v1/complaints', body);
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await runDueJobs(t.app, kesuJobs());
    const mail = mails.find((m) => m.subject.includes(number));
    expect(mail).toBeDefined();
    expect(mail?.to).toEqual(['li@example.com']);
    expect(mail?.from).toContain('kefu@kesu.test');
    expect(mail?.subject).toBe(`【受理函】您的投诉 ${number} 已受理`);
    expect(mail?.text).toContain('尊敬的李先生');
    expect(mail?.text).toContain(`http://kesu.test/track/${number}`);
    const timeline = (await agent.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    expect(timeline.at(-1)).toMatchObject({
      kind: 'notice_sent',
      data: { event: 'acknowledgment', channel: 'email', recipient: 'l***@example.com' },
    });
  });

  it('words the next letter as an admin just changed the template, and as the default once they change it back', async () => {
    const send = async () => {
      const { number } = await agent.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, {
          complainant: { name: '周女士', email: 'zhou@example.com', preferredContact: 'email' },
        }),
      );
      await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
      await runDueJobs(t.app, kesuJobs());
      return mails.find((m) => m.subject.includes(number))?.subject;
    };
    expect(await send()).toMatch(/^【受理函】/);
    const path = '/api/v1/notification-templates/acknowledgment/email/zh-CN';
    const byDefault = (await admin.ok('GET', '/api/v1/notification-templates')).items.find(
      (x: { event: string; channel: string; locale: string }) =>
        x.event === 'acknowledgment' && x.channel === 'email' && x.locale === 'zh-CN',
    );
    await admin.ok('PUT', path, { subject: '客速达：投诉 {number} 已受理', body: byDefault.body });
    expect(await send()).toMatch(/^客速达：投诉 KS/);
    await admin.ok('PUT', path, { subject: byDefault.subject, body: byDefault.body });
    expect(await send()).toMatch(/^【受理函】/);
  });

  it('posts a major complaint to the staff robot once, and marks an SMS without a provider unconfigured', async () => {
    const { number } = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, {
        majorReasons: ['injury'],
        title: '快递员致人受伤',
        complainant: { name: '王女士', phone: '13800138000' },
      }),
    );
    await agent.ok('POST', `/api/v1/complaints/${number}/accept`);
    await runDueJobs(t.app, kesuJobs());
    await runDueJobs(t.app, kesuJobs());
    const posts = robotPosts.filter((p) => p.text.content.includes(number));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ msgtype: 'text' });
    expect(posts[0]?.text.content).toContain('重大客诉');
    const sms = await t.app.db
      .selectFrom('notifications')
      .selectAll()
      .where('channel', '=', 'sms')
      .where('event', '=', 'acknowledgment')
      .execute();
    expect(sms.at(-1)).toMatchObject({ status: 'unconfigured' });
    // The customer's number is sealed in the notice as on the complaint.
    expect(sms.at(-1)?.recipient).not.toContain('13800138000');
    expect(open(piiKeys(t.app.config.secret), sms.at(-1)?.recipient ?? '')).toBe('13800138000');
  });
});
