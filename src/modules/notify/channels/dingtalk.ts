/**
 * 钉钉自定义机器人 (DingTalk custom robot): a JSON POST to
 * https://oapi.dingtalk.com/robot/send?access_token=TOKEN. With 加签 (signing) set up, the URL
 * also carries `&timestamp=<ms>&sign=<urlEncode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))>`,
 * and DingTalk refuses a timestamp more than an hour off. The answer is `{"errcode":0,"errmsg":"ok"}`;
 * errcode 130101 is the robot's rate limit (20 messages a minute).
 */
import { createHmac } from 'node:crypto';
import { type ChannelAdapter, type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';
import { isRecord, post, resolveDeps, robotContent, statusError } from './http.js';
import type { DingtalkConfig } from './schemas.js';

/** 130101: sending too fast; -1: system busy. */
const RETRYABLE_ERRCODES = new Set([130101, -1]);

/** base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), before URL-encoding. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function createDingtalk(config: DingtalkConfig, deps?: ChannelDeps): ChannelAdapter {
  const d = resolveDeps(deps);
  const label = 'DingTalk robot';
  return {
    channel: 'dingtalk',
    async send(message: OutgoingMessage) {
      let url = config.webhookUrl;
      if (config.secret) {
        const timestamp = d.now();
        const sign = encodeURIComponent(dingtalkSign(config.secret, timestamp));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
      }
      const atMobiles = config.atMobiles ?? [];
      // DingTalk highlights a mention only where the number also appears in the text.
      const mentions = atMobiles.map((mobile) => `@${mobile}`).join(' ');
      const content = robotContent(message);
      const payload = {
        msgtype: 'text',
        text: { content: mentions ? `${content}\n${mentions}` : content },
        at: { atMobiles, isAtAll: config.atAll ?? false },
      };
      const answer = await post(d, {
        label,
        url,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
      });
      if (answer.status < 200 || answer.status >= 300) throw statusError(label, answer);
      const json = isRecord(answer.json) ? answer.json : undefined;
      if (json?.errcode === 0) return {};
      if (typeof json?.errcode !== 'number') {
        throw new ChannelError(`${label}: unexpected answer: ${answer.text.slice(0, 200)}`, false);
      }
      const said = typeof json.errmsg === 'string' ? `: ${json.errmsg}` : '';
      throw new ChannelError(
        `${label}: errcode ${json.errcode}${said}`,
        RETRYABLE_ERRCODES.has(json.errcode),
      );
    },
  };
}
