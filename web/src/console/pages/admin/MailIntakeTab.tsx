import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, InputNumber, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import type { Answer } from './shared';

type MailIntake = Answer<'/settings/mail-intake'>;
type MailStatus = Answer<'/settings/mail-intake/status'>;
const STATE_COLOR: Record<MailStatus['state'], string> = {
  ok: 'green',
  failing: 'red',
  never_polled: 'default',
  disabled: 'default',
};
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** 邮件接入: the IMAP mailbox complaints are read from, and how the last polls went. */
const toBody = (v: MailIntake, read: MailIntake) => {
  const password = orNull(v.password);
  return {
    enabled: Boolean(v.enabled),
    host: orNull(v.host),
    port: v.port,
    secure: Boolean(v.secure),
    user: orNull(v.user),
    ...(password ? { password } : {}),
    mailbox: orNull(v.mailbox) ?? 'INBOX',
    processedMailbox: orNull(v.processedMailbox),
    // Not edited here: kept as read.
    categoryId: read.categoryId,
    pollSeconds: v.pollSeconds,
  };
};

export function MailIntakeTab() {
  const { t } = useI18n();
  const status = useApi('/settings/mail-intake/status', {});
  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('admin.mail.status')}
        style={{ maxWidth: 720 }}
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void status.refetch()}>
            {t('admin.reload')}
          </Button>
        }
      >
        <QueryState query={status}>
          {(status) => (
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
          )}
        </QueryState>
      </Card>
      <SettingsForm
        name="mail_intake"
        title={t('admin.mail.settings')}
        setting={useSetting('/settings/mail-intake', ['/settings/mail-intake/status'])}
        toBody={toBody}
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
          <Form.Item name="password" label={t('admin.mail.password')} extra={t('admin.channels.secretHelp')}>
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
      </SettingsForm>
    </Space>
  );
}
