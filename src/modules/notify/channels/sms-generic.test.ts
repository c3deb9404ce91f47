import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Received, vendor } from '../../../../test/support/vendor-server.js';
import { ChannelError } from './channel.js';
import { createGenericSms } from './sms-generic.js';

const SECRET = 'gateway-secret-0123456789';
const NOW = Date.UTC(2026, 0, 1, 8, 30, 0, 123);

/** The gateway side of the contract, written from the documented algorithm. */
function verify(request: Received): boolean {
  const timestamp = String(request.headers['x-kesu-timestamp']);
  const nonce = String(request.headers['x-kesu-nonce']);
  const given = Buffer.from(String(request.headers['x-kesu-signature']), 'hex');
  const expected = createHmac('sha256', Buffer.from(SECRET, 'utf8'))
    .update(Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'))
    .update(Buffer.from(request.body, 'utf8'))
    .digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('generic signed-JSON SMS gateway', () => {
  let gateway: Awaited<ReturnType<typeof vendor>>;
  let nonces = 0;
  const channel = () =>
    createGenericSms(
      { url: `${gateway.url}/sms/send`, secret: SECRET },
      { now: () => NOW, nonce: () => `nonce-${++nonces}` },
    );

  beforeAll(async () => {
    gateway = await vendor((request) => {
      if (!verify(request)) return { status: 401, body: { error: 'bad signature' } };
      const to = (JSON.parse(request.body) as { to: string }).to;
      if (to === '13800000429') return { status: 429, body: 'slow down' };
      if (to === '13800000503') return { status: 503, body: '' };
      if (to === '13800000400') return { status: 400, body: { error: 'invalid number' } };
      if (to === '13800000204') return { status: 204, body: '' };
      return { status: 200, body: { id: 'gw-42' } };
    });
  });
  afterAll(() => gateway.close());

  it('posts the documented signed JSON and takes the id from the answer', async () => {
    const result = await channel().send({
      to: '13800138000',
      subject: 'ignored for SMS',
      text: '【客诉】您的投诉 KS-1 已受理 *~ & "quoted"',
      template: { code: 'TPL_1', params: { no: 'KS-1' } },
    });
    expect(result).toEqual({ providerId: 'gw-42' });
    const request = gateway.received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/sms/send');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['x-kesu-timestamp']).toBe('1767256200');
    expect(request?.headers['x-kesu-nonce']).toBe(`nonce-${nonces}`);
    expect(request && verify(request)).toBe(true);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      to: '13800138000',
      text: '【客诉】您的投诉 KS-1 已受理 *~ & "quoted"',
      template: { code: 'TPL_1', params: { no: 'KS-1' } },
      timestamp: 1767256200,
      nonce: `nonce-${nonces}`,
    });
  });

  it('signs exactly: a fixed timestamp, nonce and body give a fixed signature', async () => {
    await createGenericSms(
      { url: gateway.url, secret: SECRET },
      { now: () => 1_700_000_000_000, nonce: () => 'n1' },
    ).send({ to: '1', subject: '', text: 'hi' });
    const request = gateway.received.at(-1);
    expect(request?.body).toBe('{"to":"1","text":"hi","timestamp":1700000000,"nonce":"n1"}');
    const expected = createHmac('sha256', SECRET)
      .update('1700000000\nn1\n{"to":"1","text":"hi","timestamp":1700000000,"nonce":"n1"}')
      .digest('hex');
    expect(request?.headers['x-kesu-signature']).toBe(expected);
  });

  it('accepts a 2xx without a body', async () => {
    expect(await channel().send({ to: '13800000204', subject: '', text: 'x' })).toEqual({});
  });

  it('treats 429 and 5xx as retryable', async () => {
    for (const to of ['13800000429', '13800000503']) {
      const error = await channel()
        .send({ to, subject: '', text: 'x' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).retryable).toBe(true);
    }
  });

  it('treats other 4xx as permanent, with what the gateway said', async () => {
    const error = await channel()
      .send({ to: '13800000400', subject: '', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('invalid number');
  });

  it('is refused by the gateway when the secret differs', async () => {
    const error = await createGenericSms({ url: gateway.url, secret: 'another-secret-0123456' })
      .send({ to: '13800138000', subject: '', text: 'x' })
      .catch((e: unknown) => e);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('401');
  });

  it('treats an unreachable gateway as retryable', async () => {
    const gone = await vendor(() => ({ status: 200, body: {} }));
    await gone.close();
    const error = await createGenericSms({ url: gone.url, secret: SECRET })
      .send({ to: '13800138000', subject: '', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(true);
  });
});
