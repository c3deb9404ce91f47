import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError } from './channel.js';
import { createEmail } from './email.js';
import type { EmailConfig } from './schemas.js';

interface Delivered {
  mailFrom: string;
  rcptTo: string[];
  user: unknown;
  raw: string;
}

/** A minimal reading of one RFC 5322 message: unfolded headers and the decoded single-part body. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoded = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(encoded.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(encoded.replace(/=\r\n/g, ''));
  else bytes = Buffer.from(encoded, 'utf8');
  expect(headers.get('content-type')?.toLowerCase()).toContain('charset=utf-8');
  return { headers, body: bytes.toString('utf8') };
}

function decodeQuotedPrintable(value: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(value.charCodeAt(i));
    }
  }
  return Buffer.from(out);
}

/** RFC 2047: runs of encoded words (whitespace between them dropped) decoded as one UTF-8 byte string. */
function decodeHeader(value: string): string {
  return value.replace(/=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s+=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g, (run) => {
    const bytes: Buffer[] = [];
    for (const [, charset, kind, text] of run.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
      expect(charset?.toLowerCase()).toBe('utf-8');
      bytes.push(
        kind?.toUpperCase() === 'B'
          ? Buffer.from(text ?? '', 'base64')
          : decodeQuotedPrintable((text ?? '').replace(/_/g, ' ')),
      );
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

describe('email channel (SMTP)', () => {
  const delivered: Delivered[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'kesu' && auth.password === '密码-secret')
          return callback(null, { user: 'kesu' });
        const err: SMTPServerError = new Error('Invalid username or password');
        err.responseCode = 535;
        return callback(err);
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) {
          const err: SMTPServerError = new Error('No such user');
          err.responseCode = 550;
          return callback(err);
        }
        if (address.address.startsWith('busy@')) {
          const err: SMTPServerError = new Error('Mailbox busy, try later');
          err.responseCode = 450;
          return callback(err);
        }
        return callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom;
          delivered.push({
            mailFrom: mailFrom ? mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            user: session.user,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback(null, 'Queued as test-1');
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const config = (over: Partial<EmailConfig> = {}): EmailConfig => ({
    host: '127.0.0.1',
    port,
    secure: false,
    from: '客诉中心 <kesu@example.com>',
    ...over,
  });

  it("makes the notice's id the Message-ID, so a notice sent again is the same message", async () => {
    const channel = createEmail(config());
    const message = { id: 'f3b9c2d0-notice', to: 'li@example.com', subject: '已受理', text: '您好' };
    const first = await channel.send(message);
    const again = await channel.send(message);
    const ids = delivered.slice(-2).map((d) => parseMessage(d.raw).headers.get('message-id'));
    expect(ids).toEqual(['<notice-f3b9c2d0-notice@example.com>', '<notice-f3b9c2d0-notice@example.com>']);
    expect(again.providerId).toBe(first.providerId);
  });

  it('sends a UTF-8 plain-text message with a Chinese subject', async () => {
    const subject = '您的投诉 KS-2026-0001 已受理（处理时限：3 个工作日）';
    const text =
      '尊敬的李先生：\n\n您于 2026 年 1 月 1 日提交的投诉已受理。\n处理人：张三\nLine with trailing = sign and émoji 🙂';
    const channel = createEmail(config({ user: 'kesu', pass: '密码-secret' }));
    expect(channel.channel).toBe('email');
    const result = await channel.send({ to: 'li@example.com', subject, text });

    const mail = delivered.at(-1);
    expect(mail?.mailFrom).toBe('kesu@example.com');
    expect(mail?.rcptTo).toEqual(['li@example.com']);
    expect(mail?.user).toBe('kesu');
    const { headers, body } = parseMessage(mail?.raw ?? '');
    expect(decodeHeader(headers.get('subject') ?? '')).toBe(subject);
    expect(decodeHeader(headers.get('from') ?? '')).toMatch(/^"?客诉中心"? <kesu@example\.com>$/);
    expect(headers.get('to')).toBe('li@example.com');
    expect(headers.get('content-type')).toMatch(/^text\/plain/);
    expect(body.replace(/\r\n/g, '\n').replace(/\n$/, '')).toBe(text);
    expect(result.providerId).toBe(headers.get('message-id'));
  });

  it('sends without authentication when no user is configured', async () => {
    await createEmail(config()).send({ to: 'wang@example.com', subject: 'Hello', text: 'plain ascii' });
    expect(delivered.at(-1)?.rcptTo).toEqual(['wang@example.com']);
    expect(delivered.at(-1)?.user).toBeUndefined();
  });

  it('reports a refused recipient as permanent', async () => {
    const error = await createEmail(config())
      .send({ to: 'nobody@example.com', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
  });

  it('reports a temporary refusal (4xx) as retryable', async () => {
    const error = await createEmail(config())
      .send({ to: 'busy@example.com', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(true);
  });

  it('reports bad credentials as permanent', async () => {
    const error = await createEmail(config({ user: 'kesu', pass: 'wrong' }))
      .send({ to: 'li@example.com', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
  });

  it('reports an unreachable server as retryable', async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createEmail(config({ port: closedPort }))
      .send({ to: 'li@example.com', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(true);
  });

  it('refuses an empty address without connecting', async () => {
    const before = delivered.length;
    await expect(createEmail(config()).send({ to: ' ', subject: 's', text: 't' })).rejects.toMatchObject({
      retryable: false,
    });
    expect(delivered.length).toBe(before);
  });
});
