import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kesuJobs } from '../../src/jobs/registry.js';
import { fixedClock } from '../../src/lib/clock.js';
import { runDueJobs } from '../../src/modules/jobs/index.js';
import { MAIL_POLL_JOB, pollMailbox } from '../../src/modules/mail/index.js';
import { blindIndex, open, piiKeys } from '../../src/modules/privacy/index.js';
import { type Client, login } from '../support/client.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { DIALECTS, PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// A real 1×1 PNG: the evidence store checks the type from the bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Mail {
  from: string;
  subject: string;
  text?: string;
  html?: string;
  date?: Date;
  attachments?: Array<{ filename: string; content: Buffer | string; contentType?: string }>;
}
const compose = (m: Mail) => new MailComposer({ to: 'kefu@kesu.test', ...m }).compile().build();

describe.each(DIALECTS)('e-mail intake from a real IMAP server on %s', (dialect) => {
  let dovecot: Dovecot;
  let t: TestApp;
  let admin: Client;
  let auditor: Client;
  const clock = fixedClock(Date.now());
  /** The next cron slot of the mail poll, and the jobs due then. */
  const nextPoll = async () => {
    clock.advance(60_000);
    // The failures are expected; the status and the job rows show them.
    await runDueJobs(t.app, kesuJobs(), { onEvent: () => {} });
  };
  const emailComplaints = () =>
    t.app.db.selectFrom('complaints').selectAll().where('channel', '=', 'email').orderBy('id').execute();
  const status = () => admin.ok('GET', '/api/v1/settings/mail-intake/status');

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await startTestApp(dialect, { clock });
    admin = await login(t.http, 'admin');
    auditor = await login(t.http, 'auditor');
    await admin.ok('PUT', '/api/v1/settings/mail-intake', {
      enabled: true,
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.user,
      password: dovecot.password,
    });
  });
  afterAll(async () => {
    await t?.close();
    await dovecot?.close();
  });

  it('keeps the mailbox password out of what the admin reads back, and keeps it when omitted', async () => {
    const settings = await admin.ok('GET', '/api/v1/settings/mail-intake');
    expect(settings).toMatchObject({
      enabled: true,
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      mailbox: 'INBOX',
      processedMailbox: null,
      pollSeconds: 60,
      password: '********',
    });
    const { password, ...withoutPassword } = settings;
    await admin.ok('PUT', '/api/v1/settings/mail-intake', withoutPassword);
    // Sending back what was read keeps it too.
    await admin.ok('PUT', '/api/v1/settings/mail-intake', settings);
    expect((await admin.ok('GET', '/api/v1/settings/mail-intake')).password).toBe('********');
    // Neither the settings row nor its history holds the password in clear.
    const rows = await t.app.db.selectFrom('settings').select('value').execute();
    const events = await t.app.db.selectFrom('events').select('data').execute();
    for (const text of [...rows.map((r) => r.value), ...events.map((e) => e.data)])
      expect(text).not.toContain(dovecot.password);

    const agent = await login(t.http, 'agent');
    expect((await agent.get('/api/v1/settings/mail-intake')).status).toBe(403);
    expect((await agent.get('/api/v1/settings/mail-intake/status')).status).toBe(403);
    const incomplete = await admin.put('/api/v1/settings/mail-intake', {
      enabled: true,
      host: 'imap.example.com',
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields.map((f: { path: string }) => f.path)).toContain('/body/user');
    expect((await status()).state).toBe('never_polled');
  });

  let number = '';
  let firstUid = 0;

  it('turns a mail into a complaint with its PNG attachment as evidence, then flags the mail \\Seen', async () => {
    const sent = new Date(clock.now() - 3600_000);
    sent.setMilliseconds(0);
    firstUid = await dovecot.append(
      await compose({
        from: '"王小明" <wang.xm@example.com>',
        subject: '快递外箱破损，里面的杯子碎了',
        date: sent,
        text: '11月20日收到的快递，外箱破损，杯子碎了。请处理并赔偿。',
        attachments: [
          { filename: '破损照片.png', content: PNG, contentType: 'image/png' },
          { filename: 'setup.exe', content: EXE, contentType: 'application/octet-stream' },
        ],
      }),
    );
    await nextPoll();

    const [c, ...more] = await emailComplaints();
    expect(more).toHaveLength(0);
    expect(c).toMatchObject({
      channel: 'email',
      title: '快递外箱破损，里面的杯子碎了',
      content: '11月20日收到的快递，外箱破损，杯子碎了。请处理并赔偿。',
      complainant_name: '王小明',
      received_at: sent.getTime(),
      complainant_locale: 'zh-CN',
    });
    number = c?.number ?? '';
    // The address is sealed at rest and found again by its blind index.
    const keys = piiKeys(t.app.config.secret);
    expect(c?.complainant_email).not.toContain('wang.xm');
    expect(open(keys, c?.complainant_email ?? '')).toBe('wang.xm@example.com');
    expect(c?.complainant_email_index).toBe(blindIndex(keys, 'email', 'wang.xm@example.com'));

    const view = await auditor.ok('GET', `/api/v1/complaints/${number}`);
    expect(view.complainant.email).toBe('w***@example.com');
    expect(view.evidence).toHaveLength(1);
    expect(view.evidence[0]).toMatchObject({
      filename: '破损照片.png',
      mediaType: 'image/png',
      source: 'email',
      sha256: sha256(PNG),
    });
    const download = await t.http.inject({
      method: 'GET',
      url: `/api/v1/complaints/${number}/evidence/${view.evidence[0].id}`,
      headers: { cookie: await sessionCookie('auditor') },
    });
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(PNG));
    // The executable is left out, and the staff can see that it was.
    const timeline = (await auditor.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    expect(timeline.find((e: { kind: string }) => e.kind === 'attachments_skipped')?.data).toMatchObject({
      attachments: [{ filename: 'setup.exe', code: expect.any(String) }],
    });

    expect((await dovecot.flags()).get(firstUid)?.has('\\Seen')).toBe(true);
    expect(await status()).toMatchObject({
      state: 'ok',
      consecutiveFailures: 0,
      lastPoll: { complaints: 1, messages: 0, alreadyTaken: 0, failed: [] },
    });
  });

  it('adds a reply from the same sender to that complaint as a customer message, not a new complaint', async () => {
    await dovecot.append(
      await compose({
        // Another spelling of the same address.
        from: 'Wang Xiaoming <Wang.XM@Example.com>',
        subject: `Re: 【受理函】您的投诉 ${number} 已受理`,
        text: `补充：快递员说是运输途中压坏的。\n\n在 2026年11月23日 10:00，客服 写道：\n> 您的投诉 ${number} 已受理`,
        attachments: [{ filename: '说明.txt', content: '运单号 SF1234567890', contentType: 'text/plain' }],
      }),
    );
    // A stranger quoting the number does not write into it: theirs is a complaint of its own.
    await dovecot.append(
      await compose({
        from: 'someone.else@example.org',
        subject: `关于 ${number}`,
        // HTML only, beside an attachment: Kesu converts it to text itself.
        html: '<html><head><style>p{color:red}</style></head><body><p>我也有同样的问题&nbsp;&amp;</p><p>第二行</p></body></html>',
        attachments: [{ filename: 'photo.png', content: PNG }],
      }),
    );
    await nextPoll();

    const complaints = await emailComplaints();
    expect(complaints).toHaveLength(2);
    expect(complaints[1]).toMatchObject({
      complainant_name: 'someone.else',
      title: `关于 ${number}`,
      content: '我也有同样的问题 &\n第二行',
    });
    const view = await auditor.ok('GET', `/api/v1/complaints/${number}`);
    expect(view.messages).toEqual([
      expect.objectContaining({
        author: 'customer',
        source: 'email',
        body: '补充：快递员说是运输途中压坏的。',
      }),
    ]);
    expect(view.evidence.map((e: { filename: string }) => e.filename)).toEqual(['破损照片.png', '说明.txt']);
    const kinds = (await auditor.ok('GET', `/api/v1/complaints/${number}/timeline`)).items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toContain('customer_message');
    expect(await status()).toMatchObject({ lastPoll: { complaints: 1, messages: 1 } });
  });

  it('takes nothing twice: polling again adds nothing', async () => {
    const receipts = await t.app.db.selectFrom('mail_receipts').selectAll().execute();
    expect(receipts.map((r) => r.outcome).sort()).toEqual(['complaint', 'complaint', 'message']);
    await nextPoll();
    // Polled a moment ago: a cron tick now waits for the interval; the CLI forces a poll.
    expect(await pollMailbox(t.app)).toEqual({ polled: false, reason: 'not_due' });
    expect(await pollMailbox(t.app, { force: true })).toEqual({
      polled: true,
      complaints: 0,
      messages: 0,
      alreadyTaken: 0,
      failed: [],
    });
    expect(await emailComplaints()).toHaveLength(2);
    expect(await t.app.db.selectFrom('complaint_messages').selectAll().execute()).toHaveLength(1);
    expect(await t.app.db.selectFrom('mail_receipts').selectAll().execute()).toHaveLength(3);
  });

  it('does not duplicate a mail that was committed but not flagged (a crash in between)', async () => {
    await dovecot.withClient(async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsRemove(String(firstUid), ['\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
    });
    expect((await dovecot.flags()).get(firstUid)?.has('\\Seen')).toBe(false);
    await nextPoll();
    expect(await emailComplaints()).toHaveLength(2);
    expect(await status()).toMatchObject({ lastPoll: { complaints: 0, messages: 0, alreadyTaken: 1 } });
    expect((await dovecot.flags()).get(firstUid)?.has('\\Seen')).toBe(true);
  });

  it('survives a mailbox outage: the poll fails and is retried, the admins are told once, no mail is lost', async () => {
    // A mail waits in the mailbox when the server goes down.
    await dovecot.append(
      await compose({ from: 'li.si@example.com', subject: '派送延误三天', text: '快递三天没有派送。' }),
    );
    await dovecot.stop();

    await nextPoll();
    const failing = await status();
    expect(failing).toMatchObject({
      state: 'failing',
      consecutiveFailures: 1,
      lastError: { code: 'mailbox_connection_refused' },
    });
    const [job] = await t.app.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', MAIL_POLL_JOB)
      .where('state', '=', 'pending')
      .execute();
    expect(job).toMatchObject({ attempts: 1 });
    expect(job?.last_error).toContain('mailbox_connection_refused');
    expect(job?.run_at).toBeGreaterThan(clock.now());

    // The retries (and the next ticks) fail too; after the threshold the admin hears of it, once.
    for (let i = 0; i < 4; i++) await nextPoll();
    const retried = await t.app.db
      .selectFrom('jobs')
      .select(['attempts'])
      .where('kind', '=', MAIL_POLL_JOB)
      .where('id', '=', job?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(retried.attempts).toBeGreaterThan(1);
    const down = await status();
    expect(down.state).toBe('failing');
    expect(down.consecutiveFailures).toBeGreaterThanOrEqual(3);
    expect(down.outageNoticeSent).toBe(true);
    const inbox = (await admin.ok('GET', '/api/v1/inbox')).items.filter(
      (i: { event: string }) => i.event === 'mail_intake_failing',
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toContain('邮件接入中断');
    expect(await emailComplaints()).toHaveLength(2);

    await dovecot.start();
    await nextPoll();
    expect(await status()).toMatchObject({ state: 'ok', consecutiveFailures: 0, outageNoticeSent: false });
    const complaints = await emailComplaints();
    expect(complaints).toHaveLength(3);
    expect(complaints[2]).toMatchObject({ title: '派送延误三天', content: '快递三天没有派送。' });
    expect([...(await dovecot.flags()).values()].every((f) => f.has('\\Seen'))).toBe(true);
  });

  it('leaves a mail it cannot take in on the server, unseen, and shows it in the status', async () => {
    const uid = await dovecot.append(
      'Subject: =?UTF-8?B?5rKh5pyJ5Y+R5Lu25Lq6?=\r\nTo: kefu@kesu.test\r\n\r\nno sender\r\n',
    );
    await nextPoll();
    expect(await status()).toMatchObject({
      state: 'ok',
      lastPoll: { complaints: 0, failed: [{ uid, code: 'mail_sender_missing' }] },
    });
    expect((await dovecot.flags()).get(uid)?.has('\\Seen')).toBe(false);
    expect(await emailComplaints()).toHaveLength(3);
    // Somebody deals with it by hand.
    await dovecot.withClient(async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageDelete(String(uid), { uid: true });
      } finally {
        lock.release();
      }
    });
  });

  it('moves processed mail to a folder when the admin names one', async () => {
    const settings = await admin.ok('GET', '/api/v1/settings/mail-intake');
    const { password, ...rest } = settings;
    await admin.ok('PUT', '/api/v1/settings/mail-intake', { ...rest, processedMailbox: 'Processed' });
    await dovecot.append(
      await compose({ from: 'zhao@example.com', subject: '快递柜未经同意', text: '未经同意放快递柜。' }),
    );
    await nextPoll();
    expect((await emailComplaints()).at(-1)).toMatchObject({ title: '快递柜未经同意' });
    // Every processed mail has left the inbox, the old ones included (already taken: moved only).
    expect((await dovecot.flags('INBOX')).size).toBe(0);
    const processed = await dovecot.flags('Processed');
    expect(processed.size).toBe(5);
    expect([...processed.values()].every((f) => f.has('\\Seen'))).toBe(true);
    expect(await emailComplaints()).toHaveLength(4);
  });

  it('reports a refused login as such, and recovers when the password is corrected', async () => {
    const { password, ...rest } = await admin.ok('GET', '/api/v1/settings/mail-intake');
    await admin.ok('PUT', '/api/v1/settings/mail-intake', { ...rest, password: 'not-the-password' });
    await expect(pollMailbox(t.app, { force: true })).rejects.toMatchObject({ code: 'mailbox_auth_failed' });
    expect(await status()).toMatchObject({ state: 'failing', lastError: { code: 'mailbox_auth_failed' } });
    await admin.ok('PUT', '/api/v1/settings/mail-intake', { ...rest, password: dovecot.password });
    await expect(pollMailbox(t.app, { force: true })).resolves.toMatchObject({ polled: true });
    expect((await status()).state).toBe('ok');
  });

  it('answers a mail written in English in English', async () => {
    await dovecot.append(
      await compose({
        from: '"John Smith" <john.smith@example.com>',
        subject: 'Parcel lost KS9000123',
        text: 'My parcel has not arrived after two weeks. Please find it or refund me.',
      }),
    );
    await nextPoll();
    const c = (await emailComplaints()).at(-1);
    expect(c).toMatchObject({ title: 'Parcel lost KS9000123', complainant_locale: 'en' });
    expect((await auditor.ok('GET', `/api/v1/complaints/${c?.number}`)).complainant.locale).toBe('en');
  });

  async function sessionCookie(username: string): Promise<string> {
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    const setCookie = res.headers['set-cookie'];
    return ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0] ?? '';
  }
});
