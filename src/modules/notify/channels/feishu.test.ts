import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendor } from '../../../../test/support/vendor-server.js';
import { ChannelError } from './channel.js';
import { createFeishu } from './feishu.js';

const SECRET = 'qwPbTz3M5kL8nR2v';
const NOW = 1_767_256_200_999;

interface FeishuBody {
  timestamp?: string;
  sign?: string;
  msg_type: string;
  content: { text: string };
}

/** Feishu's side of 签名校验: HmacSHA256 keyed with timestamp + "\n" + secret over an empty message, base64. */
function signatureOk(body: FeishuBody): boolean {
  const key = Buffer.from(`${body.timestamp}\n${SECRET}`, 'utf8');
  return body.sign === createHmac('sha256', key).update(Buffer.alloc(0)).digest('base64');
}

describe('Feishu custom robot', () => {
  let feishu: Awaited<ReturnType<typeof vendor>>;
  const webhook = () => `${feishu.url}/open-apis/bot/v2/hook/0f1e2d3c`;
  const channel = () => createFeishu({ webhookUrl: webhook(), secret: SECRET }, { now: () => NOW });

  beforeAll(async () => {
    feishu = await vendor((request) => {
      const body = JSON.parse(request.body) as FeishuBody;
      if (!signatureOk(body)) {
        return {
          status: 200,
          body: {
            code: 19021,
            msg: 'sign match fail or timestamp is not within one hour from current time',
            data: {},
          },
        };
      }
      const text = body.content.text;
      if (text.includes('RATE'))
        return { status: 200, body: { code: 11232, msg: 'frequency limited', data: {} } };
      if (text.includes('MANY'))
        return { status: 429, body: { code: 9499, msg: 'too many request', data: {} } };
      if (text.includes('DOWN')) return { status: 500, body: 'internal error' };
      if (text.includes('OLD'))
        return { status: 200, body: { Extra: null, StatusCode: 0, StatusMessage: 'success' } };
      return { status: 200, body: { code: 0, msg: 'success', data: {} } };
    });
  });
  afterAll(() => feishu.close());

  it('posts a signed text message', async () => {
    const adapter = channel();
    expect(adapter.channel).toBe('feishu');
    expect(await adapter.send({ to: '', subject: '超时提醒', text: '投诉 KS-2 将于 2 小时后超时' })).toEqual(
      {},
    );
    const body = JSON.parse(feishu.received.at(-1)?.body ?? '') as FeishuBody;
    expect(body).toEqual({
      timestamp: '1767256200',
      sign: expect.any(String),
      msg_type: 'text',
      content: { text: '超时提醒\n投诉 KS-2 将于 2 小时后超时' },
    });
    expect(signatureOk(body)).toBe(true);
  });

  it('accepts the older StatusCode answer', async () => {
    expect(await channel().send({ to: '', subject: '', text: 'OLD' })).toEqual({});
  });

  it('treats codes 11232 and 9499 and a 5xx as retryable', async () => {
    for (const text of ['RATE', 'MANY', 'DOWN']) {
      const error = await channel()
        .send({ to: '', subject: '', text })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).retryable).toBe(true);
    }
  });

  it('treats a wrong secret as permanent', async () => {
    const error = await createFeishu({ webhookUrl: webhook(), secret: 'wrong' })
      .send({ to: '', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('19021');
  });
});
