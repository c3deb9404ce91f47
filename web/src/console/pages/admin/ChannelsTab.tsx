import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { type FieldSpec, FormFields } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import type { SettingOf } from './crud/setting';
import { useSetting } from './crud/setting';

type ChannelSettings = SettingOf<'/settings/notify-channels'>;
type Config = NonNullable<ChannelSettings['email']>;
type Email = Extract<Config, { channel: 'email' }>;
type Sms = Extract<Config, { channel: 'sms' }>;
type RobotConfig = Extract<Config, { channel: RobotKind }>;
const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
type RobotKind = (typeof ROBOT_KINDS)[number];
const SMS_PROVIDERS = ['none', 'generic', 'aliyun'] as const;

/** The form mirrors the API's shape (so its field messages land on the fields), with flat text for SMS. */
interface Values {
  emailEnabled: boolean;
  email: Partial<Omit<Email, 'channel'>>;
  smsProvider: (typeof SMS_PROVIDERS)[number];
  sms: Record<string, string | undefined>;
  robots: Array<{ name: string; config: { channel: RobotKind; webhookUrl: string; secret?: string } }>;
}

/** Empty text is left out: the API refuses empty strings. */
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const isRobot = (c: Config): c is RobotConfig => (ROBOT_KINDS as readonly string[]).includes(c.channel);

function toForm(s: ChannelSettings): Values {
  const email = s.email?.channel === 'email' ? s.email : undefined;
  const sms: Sms | undefined = s.sms?.channel === 'sms' ? s.sms : undefined;
  return {
    emailEnabled: Boolean(email),
    email: { port: 465, secure: true, ...email },
    smsProvider: sms?.provider ?? 'none',
    sms: Object.fromEntries(Object.entries(sms ?? {}).map(([k, v]) => [k, String(v)])),
    robots: (s.robots ?? []).flatMap(({ name, config: c }) =>
      isRobot(c)
        ? [
            {
              name,
              config: {
                channel: c.channel,
                webhookUrl: c.webhookUrl,
                secret: 'secret' in c ? c.secret : undefined,
              },
            },
          ]
        : [],
    ),
  };
}

function smsBody(v: Values): Sms | undefined {
  const s = v.sms;
  if (v.smsProvider === 'generic')
    return { channel: 'sms', provider: 'generic', url: text(s.url) ?? '', secret: text(s.secret) ?? '' };
  if (v.smsProvider === 'aliyun')
    return {
      channel: 'sms',
      provider: 'aliyun',
      accessKeyId: text(s.accessKeyId) ?? '',
      accessKeySecret: text(s.accessKeySecret) ?? '',
      signName: text(s.signName) ?? '',
      templateCode: text(s.templateCode),
      regionId: text(s.regionId),
    };
  return undefined;
}

/** Form values → PUT body; what the form does not show of a robot (@-lists, message format) is kept from what was read. */
function toBody(v: Values, before: ChannelSettings): ChannelSettings {
  const e = v.email;
  const earlier = new Map((before.robots ?? []).map((r) => [r.name, r.config]));
  return {
    email: v.emailEnabled
      ? {
          channel: 'email',
          host: text(e.host) ?? '',
          port: e.port ?? 465,
          secure: Boolean(e.secure),
          user: text(e.user),
          pass: text(e.pass),
          from: text(e.from) ?? '',
        }
      : undefined,
    sms: smsBody(v),
    robots: (v.robots ?? []).map(({ name, config: r }) => {
      const old = earlier.get(name);
      const kept = old?.channel === r.channel ? old : {};
      const webhookUrl = r.webhookUrl.trim();
      const config: RobotConfig =
        r.channel === 'wecom'
          ? { ...kept, channel: r.channel, webhookUrl }
          : { ...kept, channel: r.channel, webhookUrl, secret: text(r.secret) };
      return { name: name.trim(), config };
    }),
  };
}

/** 通知渠道: SMTP, the SMS provider and staff group robots; secrets read back masked and are kept unless edited. */
export function ChannelsTab() {
  const { t } = useI18n();
  return (
    <SettingsForm setting={useSetting('/settings/notify-channels')} bare toForm={toForm} toBody={toBody}>
      <Flex vertical gap="middle" style={{ maxWidth: 760, marginBottom: 16 }}>
        <EmailCard />
        <SmsCard />
        <Card size="small" title={t('admin.channels.robots')}>
          <Form.List name="robots">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <RobotFields key={f.key} index={f.name} onRemove={() => remove(f.name)} />
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', config: { channel: 'wecom', webhookUrl: '' } })}
                >
                  {t('admin.channels.addRobot')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Flex>
    </SettingsForm>
  );
}

/** A text field of a secret (read back masked), and a plain one. */
const secret = (width: number) => <Input style={{ width }} autoComplete="off" />;
const wide = (width: number, placeholder?: string) => <Input style={{ width }} placeholder={placeholder} />;
const under =
  (group: string) =>
  (name: string, label: string, f: Partial<FieldSpec> = {}): FieldSpec => ({
    name: [group, name],
    label,
    required: true,
    ...f,
  });

function EmailCard() {
  const { t } = useI18n();
  const enabled = Form.useWatch('emailEnabled', Form.useFormInstance<Values>());
  const field = under('email');
  const secretHelp = t('admin.channels.secretHelp');
  const port = <InputNumber min={1} max={65535} precision={0} />;
  return (
    <Card size="small" title={t('admin.channels.email')}>
      <FormFields fields={[{ name: 'emailEnabled', label: t('admin.channels.enabled'), toggle: true }]} />
      {enabled && (
        <>
          <FormFields
            row
            fields={[
              field('host', t('admin.channels.host'), { input: wide(280) }),
              field('port', t('admin.channels.port'), { input: port }),
              field('secure', t('admin.channels.secure'), { required: false, toggle: true }),
            ]}
          />
          <FormFields
            row
            fields={[
              field('user', t('admin.channels.user'), { required: false, input: secret(240) }),
              field('pass', t('admin.channels.password'), {
                required: false,
                input: secret(240),
                extra: secretHelp,
              }),
            ]}
          />
          <FormFields
            fields={[
              field('from', t('admin.channels.from'), {
                extra: t('admin.channels.fromHelp'),
                input: wide(400),
              }),
            ]}
          />
        </>
      )}
    </Card>
  );
}

function SmsCard() {
  const { t } = useI18n();
  const provider = Form.useWatch('smsProvider', Form.useFormInstance<Values>());
  const field = under('sms');
  const secretHelp = t('admin.channels.secretHelp');
  return (
    <Card size="small" title={t('admin.channels.sms')}>
      <Form.Item name="smsProvider" label={t('admin.channels.provider')}>
        <Select
          style={{ width: 280 }}
          options={SMS_PROVIDERS.map((p) => ({ value: p, label: t(`admin.channels.provider.${p}`) }))}
        />
      </Form.Item>
      {provider === 'generic' && (
        <FormFields
          fields={[
            field('url', t('admin.channels.gatewayUrl'), { input: wide(480) }),
            field('secret', t('admin.channels.signingSecret'), {
              input: secret(480),
              extra: `${t('admin.channels.secretMin')} ${secretHelp}`,
            }),
          ]}
        />
      )}
      {provider === 'aliyun' && (
        <>
          <FormFields
            row
            fields={[
              field('accessKeyId', t('admin.channels.accessKeyId'), { input: secret(280) }),
              field('accessKeySecret', t('admin.channels.accessKeySecret'), {
                input: secret(280),
                extra: secretHelp,
              }),
            ]}
          />
          <FormFields
            row
            fields={[
              field('signName', t('admin.channels.signName'), { input: wide(200) }),
              field('templateCode', t('admin.channels.templateCode'), {
                required: false,
                input: wide(200, 'SMS_123456789'),
              }),
              field('regionId', t('admin.channels.regionId'), {
                required: false,
                input: wide(160, 'cn-hangzhou'),
              }),
            ]}
          />
        </>
      )}
    </Card>
  );
}

function RobotFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useI18n();
  const channel = Form.useWatch(['robots', index, 'config', 'channel'], Form.useFormInstance<Values>());
  const kinds = ROBOT_KINDS.map((k) => ({ value: k, label: t(`admin.channels.${k}`) }));
  return (
    <div data-testid={`robot-${index}`}>
      <FormFields
        row
        fields={[
          { name: [index, 'name'], label: t('admin.channels.robotName'), required: true, input: wide(160) },
          {
            name: [index, 'config', 'channel'],
            label: t('admin.channels.robotKind'),
            input: <Select style={{ width: 150 }} options={kinds} />,
          },
          {
            name: [index, 'config', 'webhookUrl'],
            label: t('admin.channels.webhookUrl'),
            required: true,
            input: secret(300),
          },
          channel !== 'wecom' && {
            name: [index, 'config', 'secret'],
            label: t('admin.channels.robotSecret'),
            input: secret(160),
          },
        ]}
      >
        <Form.Item label=" ">
          <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('admin.channels.removeRobot')} />
        </Form.Item>
      </FormFields>
    </div>
  );
}
