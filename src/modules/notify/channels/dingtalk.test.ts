import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendor } from '../../../../test/support/vendor-server.js';
import { ChannelError } from './channel.js';
import { createDingtalk } from './dingtalk.js';

const TOKEN = 'b7f0c1d2e3';
const SECRET = 'SECd7a5f1e0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3';
const NOW = 1_767_256_200_123;

interface DingtalkBody {
  msgtype: string;
  text: { content: string };
  at: { atMobiles: string[]; isAtAll: boolean };
}

/** DingTalk's side of 加签: sign = base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
function signatureOk(url: URL, rawQuery: string): boolean {
  const timestamp = url.searchParams.get('timestamp') ?? '';
  const expected = createHmac('sha256', Buffer.from(SECRET, 'utf8'))
    .update(Buffer.from(`${timestamp}\n${SECRET}`, 'utf8'))
    .digest('base64');
  const rawSign = /(?:^|&)sign=([^&]*)/.exec(rawQuery)?.[1] ?? '';
  // The raw value is URL-encoded: no bare + / = that a server would misread.
  return !/[+/=]/.test(rawSign) && decodeURIComponent(rawSign) === expected;
}

describe('DingTalk custom robot', () => {
  let dingtalk: Awaited<ReturnType<typeof vendor>>;
  const webhook = () => `${dingtalk.url}/robot/send?access_token=${TOKEN}`;
  const channel = (over: { atMobiles?: string[]; atAll?: boolean } = {}) =>
    createDingtalk({ webhookUrl: webhook(), secret: SECRET, ...over }, { now: () => NOW });

  beforeAll(async () => {
    dingtalk = await vendor((request) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.searchParams.get('access_token') !== TOKEN) {
        return { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };
      }
      if (!signatureOk(url, request.url.split('?')[1] ?? '')) {
        return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      }
      const body = JSON.parse(request.body) as DingtalkBody;
      if (body.text.content.includes('RATE')) {
        return {
          status: 200,
          body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
        };
      }
      if (body.text.content.includes('DOWN')) return { status: 503, body: '' };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    });
  });
  afterAll(() => dingtalk.close());

  it('signs the URL and posts a text message with @mentions', async () => {
    const adapter = channel({ atMobiles: ['13800138000'] });
    expect(adapter.channel).toBe('dingtalk');
    expect(await adapter.send({ to: '', subject: '重大投诉', text: '投诉 KS-1 已升级' })).toEqual({});
    const request = dingtalk.received.at(-1);
    const url = new URL(request?.url ?? '', 'http://localhost');
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    expect(signatureOk(url, request?.url.split('?')[1] ?? '')).toBe(true);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      msgtype: 'text',
      text: { content: '重大投诉\n投诉 KS-1 已升级\n@13800138000' },
      at: { atMobiles: ['13800138000'], isAtAll: false },
    });
  });

  it('signs exactly: a fixed secret and timestamp give a fixed sign', async () => {
    await createDingtalk({ webhookUrl: webhook(), secret: SECRET }, { now: () => 1_700_000_000_000 }).send({
      to: '',
      subject: '',
      text: 'x',
    });
    const expected = encodeURIComponent(
      createHmac('sha256', SECRET).update(`1700000000000\n${SECRET}`).digest('base64'),
    );
    expect(dingtalk.received.at(-1)?.url).toBe(
      `/robot/send?access_token=${TOKEN}&timestamp=1700000000000&sign=${expected}`,
    );
  });

  it('treats errcode 130101 and a 5xx as retryable', async () => {
    for (const text of ['RATE', 'DOWN']) {
      const error = await channel()
        .send({ to: '', subject: '', text })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).retryable).toBe(true);
    }
  });

  it('treats a wrong secret as permanent', async () => {
    const error = await createDingtalk({ webhookUrl: webhook(), secret: 'SECwrong' })
      .send({ to: '', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('310000');
  });
});
