import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Spin, Switch } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors } from './shared';

/** What GET returns for a stored secret; sent back unchanged, the server keeps the stored value. */
export const REDACTED = '********';

type Config = Record<string, unknown> & { channel: string; provider?: string };
interface ChannelSettings {
  email?: Config;
  sms?: Config;
  robots?: Array<{ name: string; config: Config }>;
}
interface RobotRow {
  name: string;
  channel: 'wecom' | 'dingtalk' | 'feishu';
  webhookUrl: string;
  secret?: string;
}
interface Values {
  emailEnabled: boolean;
  email: { host?: string; port?: number; secure: boolean; user?: string; pass?: string; from?: string };
  smsProvider: 'none' | 'generic' | 'aliyun';
  sms: Record<string, string | undefined>;
  robots: RobotRow[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** Drop empty optional fields: the API refuses empty strings. */
const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

function toForm(s: ChannelSettings): Values {
  const e: Record<string, unknown> = s.email ?? {};
  return {
    emailEnabled: Boolean(s.email),
    email: {
      host: e.host as string | undefined,
      port: (e.port as number | undefined) ?? 465,
      secure: (e.secure as boolean | undefined) ?? true,
      user: e.user as string | undefined,
      pass: e.pass as string | undefined,
      from: e.from as string | undefined,
    },
    smsProvider: s.sms ? (s.sms.provider === 'aliyun' ? 'aliyun' : 'generic') : 'none',
    sms: Object.fromEntries(Object.entries(s.sms ?? {}).map(([k, v]) => [k, String(v)])),
    robots: (s.robots ?? []).map((r) => ({
      name: r.name,
      channel: r.config.channel as RobotRow['channel'],
      webhookUrl: String(r.config.webhookUrl ?? ''),
      secret: r.config.secret as string | undefined,
    })),
  };
}

/** Form values → PUT body; fields the form does not show (robot @-lists, message format) are kept from what was read. */
function toBody(v: Values, before: ChannelSettings): ChannelSettings {
  const body: ChannelSettings = {};
  if (v.emailEnabled)
    body.email = compact({
      channel: 'email',
      host: text(v.email.host),
      port: v.email.port,
      secure: Boolean(v.email.secure),
      user: text(v.email.user),
      pass: text(v.email.pass),
      from: text(v.email.from),
    }) as Config;
  if (v.smsProvider === 'generic')
    body.sms = compact({
      channel: 'sms',
      provider: 'generic',
      url: text(v.sms.url),
      secret: text(v.sms.secret),
    }) as Config;
  if (v.smsProvider === 'aliyun')
    body.sms = compact({
      channel: 'sms',
      provider: 'aliyun',
      accessKeyId: text(v.sms.accessKeyId),
      accessKeySecret: text(v.sms.accessKeySecret),
      signName: text(v.sms.signName),
      templateCode: text(v.sms.templateCode),
      regionId: text(v.sms.regionId),
    }) as Config;
  const earlier = new Map((before.robots ?? []).map((r) => [r.name, r.config]));
  body.robots = (v.robots ?? []).map((r) => {
    const old = earlier.get(r.name);
    const kept: Record<string, unknown> = old && old.channel === r.channel ? old : {};
    const { secret: _secret, ...rest } = kept;
    return {
      name: r.name.trim(),
      config: compact({
        ...rest,
        channel: r.channel,
        webhookUrl: text(r.webhookUrl),
        ...(r.channel === 'wecom' ? {} : { secret: text(r.secret) }),
      }) as Config,
    };
  });
  return body;
}

const FIELDS = [
  'email',
  'email.host',
  'email.port',
  'email.user',
  'email.pass',
  'email.from',
  'sms',
  'sms.url',
  'sms.secret',
  'sms.accessKeyId',
  'sms.accessKeySecret',
  'sms.signName',
  'robots',
];

/** 通知渠道: SMTP, the SMS provider and staff group robots; secrets read back masked and are kept unless edited. */
export function ChannelsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const before = useRef<ChannelSettings>({});
  const emailEnabled = Form.useWatch('emailEnabled', form);
  const provider = Form.useWatch('smsProvider', form);

  const show = useCallback(
    (s: ChannelSettings) => {
      before.current = s;
      form.setFieldsValue(toForm(s));
    },
    [form],
  );
  useEffect(() => {
    api<ChannelSettings>('/settings/notify-channels')
      .then((s) => {
        show(s);
        setLoaded(true);
      })
      .catch((e) => setError(errorText(e, t('common.error'))));
  }, [show, t]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      show(
        await api<ChannelSettings>('/settings/notify-channels', {
          method: 'PUT',
          body: toBody(values, before.current),
        }),
      );
      message.success(t('admin.settings.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e, FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('admin.required') };
  const secretHelp = t('admin.channels.secretHelp');
  if (error) return <Alert type="error" title={error} showIcon />;
  return (
    <>
      {!loaded && <Spin />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="notify_channels"
        onFinish={save}
        style={{ display: loaded ? undefined : 'none', maxWidth: 760 }}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('admin.channels.email')}>
            <Form.Item name="emailEnabled" label={t('admin.channels.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {emailEnabled && (
              <>
                <Space wrap align="start">
                  <Form.Item name={['email', 'host']} label={t('admin.channels.host')} rules={[required]}>
                    <Input style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={['email', 'port']} label={t('admin.channels.port')} rules={[required]}>
                    <InputNumber min={1} max={65535} precision={0} />
                  </Form.Item>
                  <Form.Item
                    name={['email', 'secure']}
                    label={t('admin.channels.secure')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Space>
                <Space wrap align="start">
                  <Form.Item name={['email', 'user']} label={t('admin.channels.user')}>
                    <Input style={{ width: 240 }} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={['email', 'pass']} label={t('admin.channels.password')} extra={secretHelp}>
                    <Input style={{ width: 240 }} autoComplete="off" />
                  </Form.Item>
                </Space>
                <Form.Item
                  name={['email', 'from']}
                  label={t('admin.channels.from')}
                  extra={t('admin.channels.fromHelp')}
                  rules={[required]}
                >
                  <Input style={{ maxWidth: 400 }} />
                </Form.Item>
              </>
            )}
          </Card>
          <Card size="small" title={t('admin.channels.sms')}>
            <Form.Item name="smsProvider" label={t('admin.channels.provider')}>
              <Select
                style={{ width: 280 }}
                options={[
                  { value: 'none', label: t('admin.channels.provider.none') },
                  { value: 'generic', label: t('admin.channels.provider.generic') },
                  { value: 'aliyun', label: t('admin.channels.provider.aliyun') },
                ]}
              />
            </Form.Item>
            {provider === 'generic' && (
              <>
                <Form.Item name={['sms', 'url']} label={t('admin.channels.gatewayUrl')} rules={[required]}>
                  <Input style={{ maxWidth: 480 }} />
                </Form.Item>
                <Form.Item
                  name={['sms', 'secret']}
                  label={t('admin.channels.signingSecret')}
                  extra={`${t('admin.channels.secretMin')} ${secretHelp}`}
                  rules={[required]}
                >
                  <Input style={{ maxWidth: 480 }} autoComplete="off" />
                </Form.Item>
              </>
            )}
            {provider === 'aliyun' && (
              <>
                <Space wrap align="start">
                  <Form.Item
                    name={['sms', 'accessKeyId']}
                    label={t('admin.channels.accessKeyId')}
                    rules={[required]}
                  >
                    <Input style={{ width: 280 }} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    name={['sms', 'accessKeySecret']}
                    label={t('admin.channels.accessKeySecret')}
                    extra={secretHelp}
                    rules={[required]}
                  >
                    <Input style={{ width: 280 }} autoComplete="off" />
                  </Form.Item>
                </Space>
                <Space wrap align="start">
                  <Form.Item
                    name={['sms', 'signName']}
                    label={t('admin.channels.signName')}
                    rules={[required]}
                  >
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={['sms', 'templateCode']} label={t('admin.channels.templateCode')}>
                    <Input style={{ width: 200 }} placeholder="SMS_123456789" />
                  </Form.Item>
                  <Form.Item name={['sms', 'regionId']} label={t('admin.channels.regionId')}>
                    <Input style={{ width: 160 }} placeholder="cn-hangzhou" />
                  </Form.Item>
                </Space>
              </>
            )}
          </Card>
          <Card size="small" title={t('admin.channels.robots')}>
            <Form.List name="robots">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <RobotFields key={f.key} index={f.name} onRemove={() => remove(f.name)} />
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', channel: 'wecom', webhookUrl: '' })}
                  >
                    {t('admin.channels.addRobot')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </>
  );
}

function RobotFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const channel = Form.useWatch(['robots', index, 'channel'], form);
  const required = { required: true, message: t('admin.required') };
  return (
    <Space wrap align="start" data-testid={`robot-${index}`}>
      <Form.Item name={[index, 'name']} label={t('admin.channels.robotName')} rules={[required]}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[index, 'channel']} label={t('admin.channels.robotKind')}>
        <Select
          style={{ width: 150 }}
          options={[
            { value: 'wecom', label: t('admin.channels.wecom') },
            { value: 'dingtalk', label: t('admin.channels.dingtalk') },
            { value: 'feishu', label: t('admin.channels.feishu') },
          ]}
        />
      </Form.Item>
      <Form.Item name={[index, 'webhookUrl']} label={t('admin.channels.webhookUrl')} rules={[required]}>
        <Input style={{ width: 300 }} autoComplete="off" />
      </Form.Item>
      {channel !== 'wecom' && (
        <Form.Item name={[index, 'secret']} label={t('admin.channels.robotSecret')}>
          <Input style={{ width: 160 }} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label=" ">
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('admin.channels.removeRobot')} />
      </Form.Item>
    </Space>
  );
}
