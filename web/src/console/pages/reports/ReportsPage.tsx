import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../session';
import type { RowOf } from '../admin/shared';
import { RecipientsEditor } from './RecipientsEditor';
import { RequestForm } from './RequestForm';

type Report = RowOf<'/reports'>;

const STATUS_COLOURS = { queued: 'processing', ready: 'success', failed: 'error' } as const;
const size = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** 报表: the reports made (periodic and on demand) with their files, a form to make one, the recipients (admins). */
export default function ReportsPage() {
  const { t, locale } = useI18n();
  const { has } = useSession();
  const [cursor, setCursor] = useState<string | undefined>();
  const list = useApi(
    '/reports',
    { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    // A report being made shows up ready without a reload (one small indexed page every few seconds).
    { refetchInterval: 5000 },
  );

  const columns = [
    {
      title: t('rp.kind'),
      dataIndex: 'kind',
      render: (k: Report['kind']) => (
        <Tag color={k === 'on_demand' ? 'default' : 'blue'}>{t(`rp.kind.${k}`)}</Tag>
      ),
    },
    { title: t('rp.period'), render: (r: Report) => `${r.from} ~ ${r.to}` },
    {
      title: t('rp.scope'),
      render: (r: Report) => (locale === 'en' && r.unit.nameEn ? r.unit.nameEn : r.unit.name),
    },
    { title: t('rp.locale'), dataIndex: 'locale', render: (l: Report['locale']) => t(`rp.locale.${l}`) },
    {
      title: t('rp.status'),
      render: (r: Report) => (
        <Tag color={STATUS_COLOURS[r.status]} title={r.error ?? undefined}>
          {t(`rp.status.${r.status}`)}
        </Tag>
      ),
    },
    { title: t('rp.requestedBy'), render: (r: Report) => r.requestedBy ?? t('rp.system') },
    { title: t('rp.createdAt'), render: (r: Report) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      title: t('rp.files'),
      render: (r: Report) =>
        r.status === 'ready' ? (
          <Space size="small">
            <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}/pdf`} download>
              PDF {size(r.pdfSize)}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/reports/${r.id}/xlsx`} download>
              Excel {size(r.xlsxSize)}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="reports-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('rp.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('rp.intro')}
      </Typography.Paragraph>
      <RequestForm onQueued={() => setCursor(undefined)} />
      <Card
        size="small"
        extra={
          <Space>
            {cursor && <Button onClick={() => setCursor(undefined)}>{t('rp.first')}</Button>}
            <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} data-testid="refresh-reports">
              {t('rp.refresh')}
            </Button>
          </Space>
        }
      >
        <QueryState query={list}>
          {(data) => (
            <>
              <Table<Report>
                rowKey="id"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={data.items}
                data-testid="reports-table"
                expandable={{
                  rowExpandable: (r) => r.summary.length > 0,
                  expandedRowRender: (r) => (
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {r.summary.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  ),
                }}
              />
              {data.nextCursor && (
                <Button style={{ marginTop: 12 }} onClick={() => setCursor(data.nextCursor ?? undefined)}>
                  {t('rp.more')}
                </Button>
              )}
            </>
          )}
        </QueryState>
      </Card>
      {has('admin') && <RecipientsEditor />}
    </Space>
  );
}
