import { Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../../../api/hooks';
import { useI18n } from '../../../../i18n';
import { useSession } from '../../../session';
import { formatTime } from '../format';
import { type Extension, ExtensionDecision } from './ExtensionDecision';
import { DECIDERS } from './ExtensionsCard';

/** 待审批延期: extension requests waiting for this superior, on the approvals page. */
export function PendingExtensions() {
  const { t } = useI18n();
  const { user, has } = useSession();
  const pending = useApi('/extensions/pending', {}, { enabled: has(...DECIDERS) });
  const [deciding, setDeciding] = useState<{ extension: Extension; approve: boolean } | null>(null);
  if (!has(...DECIDERS)) return null;
  const columns: TableColumnsType<Extension> = [
    {
      key: 'complaint',
      title: t('ext.col.complaint'),
      width: 260,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/complaints/${e.number}`}>{e.number}</Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
            {e.title}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'days',
      title: t('ext.col.days'),
      width: 120,
      render: (_, e) => t('ext.daysText', { days: e.days }),
    },
    { key: 'reason', title: t('ext.col.reason'), dataIndex: 'reason' },
    {
      key: 'requestedBy',
      title: t('ext.col.requestedBy'),
      render: (_, e) => `${e.requestedBy?.name ?? '—'} · ${formatTime(e.requestedAt)}`,
    },
    {
      key: 'actions',
      title: t('ext.col.actions'),
      render: (_, e) =>
        e.requestedBy?.id === user?.userId ? null : (
          <Space>
            <Button type="primary" size="small" onClick={() => setDeciding({ extension: e, approve: true })}>
              {t('ext.approve')}
            </Button>
            <Button danger size="small" onClick={() => setDeciding({ extension: e, approve: false })}>
              {t('ext.refuse')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Card title={t('ext.pendingTitle')} size="small" id="pending-extensions">
      <Table<Extension>
        rowKey="id"
        columns={columns}
        dataSource={pending.data?.items ?? []}
        loading={pending.isPending}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('ext.pendingEmpty') }}
      />
      {deciding && <ExtensionDecision {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
