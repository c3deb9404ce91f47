/** The channel settings' schemas (pure: the console takes its types from them). Secret fields are `writeOnly`. */
import { type Static, Type } from 'typebox';

export const EmailConfigSchema = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    secure: Type.Boolean({
      description: 'Implicit TLS (usually port 465); STARTTLS is used when offered otherwise.',
    }),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    pass: Type.Optional(Type.String({ maxLength: 500, writeOnly: true })),
    from: Type.String({
      minLength: 3,
      maxLength: 320,
      description: 'Sender, "addr@example.com" or "客服中心 <addr@example.com>".',
    }),
  },
  { additionalProperties: false },
);
export type EmailConfig = Static<typeof EmailConfigSchema>;

export const GenericSmsConfigSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', maxLength: 2000, description: "The gateway's URL." }),
    secret: Type.String({
      minLength: 16,
      maxLength: 500,
      writeOnly: true,
      description: 'Shared secret for the X-Kesu-Signature HMAC.',
    }),
  },
  { additionalProperties: false },
);
export type GenericSmsConfig = Static<typeof GenericSmsConfigSchema>;

export const AliyunSmsConfigSchema = Type.Object(
  {
    accessKeyId: Type.String({ minLength: 1, maxLength: 200 }),
    accessKeySecret: Type.String({ minLength: 1, maxLength: 200, writeOnly: true }),
    signName: Type.String({ minLength: 1, maxLength: 100, description: '短信签名, as approved.' }),
    templateCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Template used when a message names none, e.g. SMS_123456789.',
      }),
    ),
    textParam: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        maxLength: 100,
        description:
          'The default template\'s parameter that receives the message text ("content" unless told).',
      }),
    ),
    regionId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'cn-hangzhou unless told.' }),
    ),
    endpoint: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AliyunSmsConfig = Static<typeof AliyunSmsConfigSchema>;

export const WecomConfigSchema = Type.Object(
  {
    webhookUrl: Type.String({
      pattern: '^https?://',
      maxLength: 2000,
      writeOnly: true,
      description: "The robot's webhook URL; its key is a credential.",
    }),
    format: Type.Optional(Type.Union([Type.Literal('text'), Type.Literal('markdown')])),
    mentionedMobiles: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
        maxItems: 50,
        description: 'Members to @ by phone number ("@all" for everyone); text messages only.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type WecomConfig = Static<typeof WecomConfigSchema>;

export const DingtalkConfigSchema = Type.Object(
  {
    webhookUrl: Type.String({
      pattern: '^https?://',
      maxLength: 2000,
      writeOnly: true,
      description: "The robot's webhook URL; its access_token is a credential.",
    }),
    secret: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, writeOnly: true, description: '加签 secret (SEC…).' }),
    ),
    atMobiles: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
        maxItems: 50,
        description: 'Members to @ by phone number.',
      }),
    ),
    atAll: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DingtalkConfig = Static<typeof DingtalkConfigSchema>;

export const FeishuConfigSchema = Type.Object(
  {
    webhookUrl: Type.String({
      pattern: '^https?://',
      maxLength: 2000,
      writeOnly: true,
      description: "The robot's webhook URL; its token is a credential.",
    }),
    secret: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, writeOnly: true, description: '签名校验 secret.' }),
    ),
  },
  { additionalProperties: false },
);
export type FeishuConfig = Static<typeof FeishuConfigSchema>;

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
