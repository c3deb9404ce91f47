/**
 * 企业微信群机器人 (WeCom group robot): a JSON POST to the robot's webhook URL,
 * https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY. The answer is
 * `{"errcode":0,"errmsg":"ok"}`; errcode 45009 is the robot's rate limit (20 messages a minute).
 * A text message holds at most 2048 bytes and a markdown one 4096, so longer ones are cut.
 */

import type { ChannelAdapter, ChannelDeps, OutgoingMessage } from './channel.js';
import { ChannelError } from './channel.js';
import {
  isRecord,
  noticeIdLine,
  post,
  resolveDeps,
  robotContent,
  statusError,
  truncateUtf8,
} from './http.js';
import type { WecomConfig } from './schemas.js';

const TEXT_MAX_BYTES = 2048;
const MARKDOWN_MAX_BYTES = 4096;
/** 45009: API frequency limit; -1: system busy. */
const RETRYABLE_ERRCODES = new Set([45009, -1]);

export function createWecom(config: WecomConfig, deps?: ChannelDeps): ChannelAdapter {
  const d = resolveDeps(deps);
  const label = 'WeCom robot';
  return {
    channel: 'wecom',
    async send(message: OutgoingMessage) {
      const payload =
        config.format === 'markdown'
          ? {
              msgtype: 'markdown',
              markdown: { content: truncateUtf8(markdownContent(message), MARKDOWN_MAX_BYTES) },
            }
          : {
              msgtype: 'text',
              text: {
                content: truncateUtf8(robotContent(message), TEXT_MAX_BYTES),
                ...(config.mentionedMobiles?.length
                  ? { mentioned_mobile_list: config.mentionedMobiles }
                  : {}),
              },
            };
      const answer = await post(d, {
        label,
        url: config.webhookUrl,
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

/** The subject as a heading above the text; the text itself is taken as markdown. */
function markdownContent(message: OutgoingMessage): string {
  const subject = message.subject.trim();
  const text = [message.text.trim(), noticeIdLine(message)].filter((part) => part !== '').join('\n');
  return subject === '' ? text : `### ${subject}\n${text}`;
}
