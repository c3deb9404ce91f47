import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import type { FieldSpec } from './crud/FormFields';
import { SettingsForm } from './crud/SettingsForm';
import { useSetting } from './crud/setting';
import type { Answer } from './shared';

type Archive = Answer<'/backups'>['items'][number];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** 数据备份: the daily backup's schedule and the archives in its directory. */
export function BackupTab() {
  const { t } = useI18n();
  const list = useApi('/backups', {});
  const fields: FieldSpec[] = [
    { name: 'enabled', label: t('admin.backup.enabled'), toggle: true },
    {
      name: 'timeOfDay',
      label: t('admin.backup.timeOfDay'),
      required: 'text',
      input: <Input style={{ width: 120 }} placeholder="02:30" />,
    },
    {
      name: 'directory',
      label: t('admin.backup.directory'),
      extra: t('admin.backup.directoryHelp'),
      input: <Input style={{ width: 420 }} placeholder="/var/backups/kesu" />,
    },
    {
      name: 'keep',
      label: t('admin.backup.keep'),
      extra: t('admin.backup.keepHelp'),
      required: true,
      input: <InputNumber min={1} max={365} precision={0} />,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('admin.backup.key')} style={{ maxWidth: 720 }} />
      <SettingsForm
        title={t('admin.backup.settings')}
        setting={useSetting('/settings/backup', ['/backups'])}
        fields={fields}
      />
      <Card
        size="small"
        title={t('admin.backup.list')}
        style={{ maxWidth: 720 }}
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            {t('admin.reload')}
          </Button>
        }
      >
        <QueryState query={list}>
          {(answer) => (
            <Table<Archive>
              data-testid="backup-list"
              size="small"
              rowKey="file"
              pagination={false}
              dataSource={answer.items}
              locale={{ emptyText: t('admin.backup.empty') }}
              title={() => answer.directory}
              columns={[
                { title: t('admin.backup.file'), dataIndex: 'file' },
                { title: t('admin.backup.size'), dataIndex: 'size', render: megabytes },
                {
                  title: t('admin.backup.createdAt'),
                  dataIndex: 'createdAt',
                  render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}
