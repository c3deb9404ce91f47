import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendor } from '../../../../test/support/vendor-server.js';
import { ChannelError } from './channel.js';
import { createWecom } from './wecom.js';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

interface WecomBody {
  msgtype: string;
  text?: { content: string; mentioned_mobile_list?: string[] };
  markdown?: { content: string };
}

describe('WeCom group robot', () => {
  let wecom: Awaited<ReturnType<typeof vendor>>;
  const webhook = () => `${wecom.url}/cgi-bin/webhook/send?key=${KEY}`;

  beforeAll(async () => {
    wecom = await vendor((request) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== KEY) {
        return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1767256200_1]' } };
      }
      const body = JSON.parse(request.body) as WecomBody;
      const content = body.text?.content ?? body.markdown?.content ?? '';
      if (content.includes('RATE')) {
        return { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } };
      }
      if (content.includes('DOWN')) return { status: 502, body: 'bad gateway' };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    });
  });
  afterAll(() => wecom.close());

  it('posts a text message with mentions', async () => {
    const channel = createWecom({ webhookUrl: webhook(), mentionedMobiles: ['13800138000', '@all'] });
    expect(channel.channel).toBe('wecom');
    expect(await channel.send({ to: '', subject: '重大投诉', text: '投诉 KS-1 已升级' })).toEqual({});
    const request = wecom.received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      msgtype: 'text',
      text: { content: '重大投诉\n投诉 KS-1 已升级', mentioned_mobile_list: ['13800138000', '@all'] },
    });
  });

  it('posts markdown when configured so', async () => {
    await createWecom({ webhookUrl: webhook(), format: 'markdown' }).send({
      to: '',
      subject: '超时提醒',
      text: '投诉 **KS-2** 将于 2 小时后超时',
    });
    expect(JSON.parse(wecom.received.at(-1)?.body ?? '')).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 超时提醒\n投诉 **KS-2** 将于 2 小时后超时' },
    });
  });

  it("ends the message with the notice's id, so a notice posted again is recognisable", async () => {
    const notice = { id: 'f3b9c2d0-notice', to: '', subject: '重大投诉', text: '投诉 KS-3 已登记' };
    await createWecom({ webhookUrl: webhook() }).send(notice);
    await createWecom({ webhookUrl: webhook(), format: 'markdown' }).send(notice);
    const [text, markdown] = wecom.received.slice(-2).map((r) => JSON.parse(r.body));
    expect(text.text.content).toBe('重大投诉\n投诉 KS-3 已登记\n[f3b9c2d0-notice]');
    expect(markdown.markdown.content).toBe('### 重大投诉\n投诉 KS-3 已登记\n[f3b9c2d0-notice]');
  });

  it('cuts a text longer than 2048 bytes without breaking a character', async () => {
    await createWecom({ webhookUrl: webhook() }).send({ to: '', subject: '', text: '长'.repeat(1000) });
    const content = (JSON.parse(wecom.received.at(-1)?.body ?? '') as WecomBody).text?.content ?? '';
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content).toMatch(/^长+…$/);
  });

  it('treats errcode 45009 and a 5xx as retryable', async () => {
    for (const text of ['RATE', 'DOWN']) {
      const error = await createWecom({ webhookUrl: webhook() })
        .send({ to: '', subject: '', text })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).retryable).toBe(true);
    }
  });

  it('treats a wrong key as permanent, without showing the key', async () => {
    const error = await createWecom({ webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wrong-key` })
      .send({ to: '', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).retryable).toBe(false);
    expect((error as ChannelError).message).toContain('93000');
    expect((error as ChannelError).message).not.toContain('wrong-key');
  });
});
