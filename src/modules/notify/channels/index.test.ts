import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { type ChannelConfig, ChannelConfigSchema, createChannel } from './index.js';

const configs: ChannelConfig[] = [
  {
    channel: 'email',
    host: 'smtp.example.com',
    port: 465,
    secure: true,
    from: '客诉中心 <kesu@example.com>',
  },
  {
    channel: 'sms',
    provider: 'generic',
    url: 'https://sms.example.com/send',
    secret: 'a-long-shared-secret',
  },
  {
    channel: 'sms',
    provider: 'aliyun',
    accessKeyId: 'LTAI',
    accessKeySecret: 's',
    signName: '客诉中心',
    templateCode: 'SMS_1',
  },
  {
    channel: 'wecom',
    webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K',
    format: 'markdown',
  },
  { channel: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: 'SEC1' },
  { channel: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/X' },
];

describe('createChannel', () => {
  it('builds the adapter each setting describes', () => {
    expect(configs.map((config) => createChannel(config).channel)).toEqual([
      'email',
      'sms',
      'sms',
      'wecom',
      'dingtalk',
      'feishu',
    ]);
  });
});

describe('ChannelConfigSchema', () => {
  it('accepts each kind of setting', () => {
    for (const config of configs) expect(Value.Check(ChannelConfigSchema, config)).toBe(true);
  });

  it('refuses unknown channels, providers, fields and missing secrets', () => {
    expect(Value.Check(ChannelConfigSchema, { channel: 'fax', number: '1' })).toBe(false);
    expect(Value.Check(ChannelConfigSchema, { channel: 'sms', provider: 'twilio', url: 'https://x' })).toBe(
      false,
    );
    expect(Value.Check(ChannelConfigSchema, { ...configs[3], extra: 1 })).toBe(false);
    expect(Value.Check(ChannelConfigSchema, { channel: 'sms', provider: 'generic', url: 'https://x' })).toBe(
      false,
    );
    expect(Value.Check(ChannelConfigSchema, { channel: 'wecom', webhookUrl: 'ftp://x' })).toBe(false);
  });

  it('marks every secret writeOnly', () => {
    const writeOnly = ChannelConfigSchema.anyOf.flatMap((variant) =>
      Object.entries(variant.properties)
        .filter(([, schema]) => (schema as { writeOnly?: boolean }).writeOnly === true)
        .map(([name]) => `${(variant.properties.channel as { const: string }).const}.${name}`),
    );
    expect(writeOnly.sort()).toEqual(
      [
        'email.pass',
        'sms.secret',
        'sms.accessKeySecret',
        'wecom.webhookUrl',
        'dingtalk.webhookUrl',
        'dingtalk.secret',
        'feishu.webhookUrl',
        'feishu.secret',
      ].sort(),
    );
  });
});
