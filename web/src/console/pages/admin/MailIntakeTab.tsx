import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Switch,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors } from './shared';

interface MailIntake {
  enabled: boolean;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  mailbox: string;
  processedMailbox: string | null;
  categoryId: number | null;
  pollSeconds: number;
}
interface MailStatus {
  state: 'ok' | 'failing' | 'never_polled' | 'disabled';
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: { code: string; message: string; at: string | null } | null;
}
const STATE_COLOR: Record<MailStatus['state'], string> = {
  ok: 'green',
  failing: 'red',
  never_polled: 'default',
  disabled: 'default',
};
const FIELDS = [
  'enabled',
  'host',
  'port',
  'secure',
  'user',
  'password',
  'mailbox',
  'processedMailbox',
  'pollSeconds',
];
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** 邮件接入: the IMAP mailbox complaints are read from, and how the last polls went. */
export function MailIntakeTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [settings, setSettings] = useState<MailIntake | null>(null);
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const loadStatus = useCallback(async () => {
    try {
      setStatus(await api<MailStatus>('/settings/mail-intake/status'));
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    api<MailIntake>('/settings/mail-intake')
      .then((s) => {
        setSettings(s);
        form.setFieldsValue(s);
      })
      .catch((e) => setError(errorText(e, t('common.error'))));
    void loadStatus();
  }, [form, loadStatus, t]);

  const save = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const password = orNull(v.password);
      const saved = await api<MailIntake>('/settings/mail-intake', {
        method: 'PUT',
        body: {
          enabled: Boolean(v.enabled),
          host: orNull(v.host),
          port: v.port,
          secure: Boolean(v.secure),
          user: orNull(v.user),
          ...(password ? { password } : {}),
          mailbox: orNull(v.mailbox) ?? 'INBOX',
          processedMailbox: orNull(v.processedMailbox),
          // Not edited here: kept as read.
          categoryId: settings?.categoryId ?? null,
          pollSeconds: v.pollSeconds,
        },
      });
      setSettings(saved);
      form.setFieldsValue(saved);
      message.success(t('admin.settings.saved'));
      await loadStatus();
    } catch (e) {
      if (!showFieldErrors(form, e, FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
  if (error) return <Alert type="error" title={error} showIcon />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('admin.mail.status')}
        style={{ maxWidth: 720 }}
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void loadStatus()}>
            {t('admin.reload')}
          </Button>
        }
      >
        {status ? (
          <Descriptions size="small" column={1} data-testid="mail-status">
            <Descriptions.Item label={t('admin.mail.state')}>
              <Tag color={STATE_COLOR[status.state]}>{t(`admin.mail.state.${status.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.mail.lastSuccess')}>
              {time(status.lastSuccessAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.mail.lastAttempt')}>
              {time(status.lastAttemptAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.mail.failures')}>
              {status.consecutiveFailures}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.mail.lastError')}>
              {status.lastError
                ? `${time(status.lastError.at)} ${status.lastError.code}: ${status.lastError.message}`
                : '—'}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Spin />
        )}
      </Card>
      <Card size="small" title={t('admin.mail.settings')} style={{ maxWidth: 720 }}>
        {!settings && <Spin />}
        <Form
          form={form}
          layout="vertical"
          name="mail_intake"
          onFinish={save}
          style={{ display: settings ? undefined : 'none' }}
        >
          <Form.Item name="enabled" label={t('admin.mail.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="host" label={t('admin.mail.host')}>
              <Input style={{ width: 280 }} placeholder="imap.example.com" />
            </Form.Item>
            <Form.Item
              name="port"
              label={t('admin.mail.port')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <InputNumber min={1} max={65535} precision={0} />
            </Form.Item>
            <Form.Item name="secure" label={t('admin.mail.secure')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="user" label={t('admin.mail.user')}>
              <Input style={{ width: 240 }} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('admin.mail.password')}
              extra={t('admin.channels.secretHelp')}
            >
              <Input style={{ width: 240 }} autoComplete="off" />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="mailbox" label={t('admin.mail.mailbox')}>
              <Input style={{ width: 200 }} placeholder="INBOX" />
            </Form.Item>
            <Form.Item
              name="processedMailbox"
              label={t('admin.mail.processedMailbox')}
              extra={t('admin.mail.processedHelp')}
            >
              <Input style={{ width: 240 }} />
            </Form.Item>
            <Form.Item
              name="pollSeconds"
              label={t('admin.mail.pollSeconds')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <InputNumber min={15} max={3600} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}
