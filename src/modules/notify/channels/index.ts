/**
 * Outgoing notification channels. `createChannel` builds the adapter a stored channel setting
 * describes; `ChannelConfigSchema` validates such a setting (secret fields are `writeOnly`: an
 * API that shows settings back must leave them out).
 */
import type { ChannelAdapter, ChannelDeps } from './channel.js';
import { createDingtalk } from './dingtalk.js';
import { createEmail } from './email.js';
import { createFeishu } from './feishu.js';
import type { ChannelConfig } from './schemas.js';
import { createAliyunSms } from './sms-aliyun.js';
import { createGenericSms } from './sms-generic.js';
import { createWecom } from './wecom.js';

export * from './channel.js';
export { createDingtalk, dingtalkSign } from './dingtalk.js';
export { createEmail } from './email.js';
export { createFeishu, feishuSign } from './feishu.js';
export * from './schemas.js';
export { ALIYUN_SMS_ENDPOINT, aliyunSignature, aliyunStringToSign, createAliyunSms } from './sms-aliyun.js';
export { createGenericSms, genericSmsSignature } from './sms-generic.js';
export { createWecom } from './wecom.js';

/** The adapter a channel setting describes. */
export function createChannel(config: ChannelConfig, deps?: ChannelDeps): ChannelAdapter {
  switch (config.channel) {
    case 'email':
      return createEmail(config, deps);
    case 'sms':
      return config.provider === 'aliyun' ? createAliyunSms(config, deps) : createGenericSms(config, deps);
    case 'wecom':
      return createWecom(config, deps);
    case 'dingtalk':
      return createDingtalk(config, deps);
    case 'feishu':
      return createFeishu(config, deps);
  }
}
