import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Input, InputNumber, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { FormFields } from './crud/FormFields';
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

const text = (width: number, placeholder?: string) => <Input style={{ width }} placeholder={placeholder} />;
const number = (min: number, max: number) => <InputNumber min={min} max={max} precision={0} />;
const secret = <Input style={{ width: 240 }} autoComplete="off" />;

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
        title={t('admin.mail.settings')}
        setting={useSetting('/settings/mail-intake', ['/settings/mail-intake/status'])}
        toBody={toBody}
      >
        <FormFields fields={[{ name: 'enabled', label: t('admin.mail.enabled'), toggle: true }]} />
        <FormFields
          row
          fields={[
            { name: 'host', label: t('admin.mail.host'), input: text(280, 'imap.example.com') },
            { name: 'port', label: t('admin.mail.port'), required: true, input: number(1, 65535) },
            { name: 'secure', label: t('admin.mail.secure'), toggle: true },
          ]}
        />
        <FormFields
          row
          fields={[
            { name: 'user', label: t('admin.mail.user'), input: secret },
            {
              name: 'password',
              label: t('admin.mail.password'),
              extra: t('admin.channels.secretHelp'),
              input: secret,
            },
          ]}
        />
        <FormFields
          row
          fields={[
            { name: 'mailbox', label: t('admin.mail.mailbox'), input: text(200, 'INBOX') },
            {
              name: 'processedMailbox',
              label: t('admin.mail.processedMailbox'),
              extra: t('admin.mail.processedHelp'),
              input: text(240),
            },
            {
              name: 'pollSeconds',
              label: t('admin.mail.pollSeconds'),
              required: true,
              input: number(15, 3600),
            },
          ]}
        />
      </SettingsForm>
    </Space>
  );
}
