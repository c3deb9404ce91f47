/**
 * 飞书自定义机器人 (Feishu / Lark custom robot): a JSON POST to the robot's webhook URL
 * (https://open.feishu.cn/open-apis/bot/v2/hook/TOKEN). With 签名校验 (signature check) set up,
 * the body carries `timestamp` (Unix seconds, as a string) and
 * `sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = ""))`; Feishu refuses a
 * timestamp more than an hour off. The answer is `{"code":0,"msg":"success"}` (older robots answer
 * `{"StatusCode":0,"StatusMessage":"success"}`); codes 9499 and 11232 are rate limits.
 */
import { createHmac } from 'node:crypto';
import { type ChannelAdapter, type ChannelDeps, ChannelError, type OutgoingMessage } from './channel.js';
import { isRecord, post, resolveDeps, robotContent, statusError } from './http.js';
import type { FeishuConfig } from './schemas.js';

/** 9499: too many requests; 11232: message sending frequency limited. */
const RETRYABLE_CODES = new Set([9499, 11232]);

/** base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")). */
export function feishuSign(secret: string, timestampSeconds: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export function createFeishu(config: FeishuConfig, deps?: ChannelDeps): ChannelAdapter {
  const d = resolveDeps(deps);
  const label = 'Feishu robot';
  return {
    channel: 'feishu',
    async send(message: OutgoingMessage) {
      let signature = {};
      if (config.secret) {
        const timestamp = String(Math.floor(d.now() / 1000));
        signature = { timestamp, sign: feishuSign(config.secret, timestamp) };
      }
      const payload = { ...signature, msg_type: 'text', content: { text: robotContent(message) } };
      const answer = await post(d, {
        label,
        url: config.webhookUrl,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
      });
      const json = isRecord(answer.json) ? answer.json : undefined;
      const code = typeof json?.code === 'number' ? json.code : json?.StatusCode;
      if (typeof code === 'number' && code !== 0) {
        const msg = json?.msg ?? json?.StatusMessage;
        const said = typeof msg === 'string' ? `: ${msg}` : '';
        throw new ChannelError(
          `${label}: code ${code}${said}`,
          RETRYABLE_CODES.has(code) || answer.status === 429 || answer.status >= 500,
        );
      }
      if (answer.status < 200 || answer.status >= 300) throw statusError(label, answer);
      if (code !== 0)
        throw new ChannelError(`${label}: unexpected answer: ${answer.text.slice(0, 200)}`, false);
      return {};
    },
  };
}
