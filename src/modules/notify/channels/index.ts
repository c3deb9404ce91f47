/**
 * Outgoing notification channels. `createChannel` builds the adapter a stored channel setting
 * describes; `ChannelConfigSchema` validates such a setting (secret fields are `writeOnly`: an
 * API that shows settings back must leave them out).
 */
import { type Static, Type } from 'typebox';
import type { ChannelAdapter, ChannelDeps } from './channel.js';
import { createDingtalk, DingtalkConfigSchema } from './dingtalk.js';
import { createEmail, EmailConfigSchema } from './email.js';
import { createFeishu, FeishuConfigSchema } from './feishu.js';
import { AliyunSmsConfigSchema, createAliyunSms } from './sms-aliyun.js';
import { createGenericSms, GenericSmsConfigSchema } from './sms-generic.js';
import { createWecom, WecomConfigSchema } from './wecom.js';

export * from './channel.js';
export { createDingtalk, type DingtalkConfig, DingtalkConfigSchema, dingtalkSign } from './dingtalk.js';
export { createEmail, type EmailConfig, EmailConfigSchema } from './email.js';
export { createFeishu, type FeishuConfig, FeishuConfigSchema, feishuSign } from './feishu.js';
export {
  ALIYUN_SMS_ENDPOINT,
  type AliyunSmsConfig,
  AliyunSmsConfigSchema,
  aliyunSignature,
  aliyunStringToSign,
  createAliyunSms,
} from './sms-aliyun.js';
export {
  createGenericSms,
  type GenericSmsConfig,
  GenericSmsConfigSchema,
  genericSmsSignature,
} from './sms-generic.js';
export { createWecom, type WecomConfig, WecomConfigSchema } from './wecom.js';

const closed = { additionalProperties: false } as const;

export const EmailChannelConfigSchema = Type.Object(
  { channel: Type.Literal('email'), ...EmailConfigSchema.properties },
  { ...closed, title: 'Email (SMTP)' },
);
export const GenericSmsChannelConfigSchema = Type.Object(
  { channel: Type.Literal('sms'), provider: Type.Literal('generic'), ...GenericSmsConfigSchema.properties },
  { ...closed, title: 'SMS through a signed-JSON gateway' },
);
export const AliyunSmsChannelConfigSchema = Type.Object(
  { channel: Type.Literal('sms'), provider: Type.Literal('aliyun'), ...AliyunSmsConfigSchema.properties },
  { ...closed, title: 'SMS through Alibaba Cloud (阿里云短信)' },
);
export const WecomChannelConfigSchema = Type.Object(
  { channel: Type.Literal('wecom'), ...WecomConfigSchema.properties },
  { ...closed, title: '企业微信群机器人' },
);
export const DingtalkChannelConfigSchema = Type.Object(
  { channel: Type.Literal('dingtalk'), ...DingtalkConfigSchema.properties },
  { ...closed, title: '钉钉自定义机器人' },
);
export const FeishuChannelConfigSchema = Type.Object(
  { channel: Type.Literal('feishu'), ...FeishuConfigSchema.properties },
  { ...closed, title: '飞书自定义机器人' },
);

export const ChannelConfigSchema = Type.Union([
  EmailChannelConfigSchema,
  GenericSmsChannelConfigSchema,
  AliyunSmsChannelConfigSchema,
  WecomChannelConfigSchema,
  DingtalkChannelConfigSchema,
  FeishuChannelConfigSchema,
]);
export type ChannelConfig = Static<typeof ChannelConfigSchema>;

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
