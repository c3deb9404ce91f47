import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { maskName } from '../../../../../src/lib/mask-name';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApiPages } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { useUnitName } from '../../components/units';
import { useSession } from '../../session';
import { formatTime } from '../complaint/format';
import { CallDialog } from './CallDialog';

export type Visit = CallOutput<EndpointAt<'GET', '/return-visits'>>['items'][number];

/** 回访队列: the visits due today or earlier in the user's units, oldest first, with the call dialog. */
export default function ReturnVisitsPage() {
  const { t, term } = useI18n();
  const unitName = useUnitName();
  const { has } = useSession();
  const list = useApiPages('/return-visits', { query: {} });
  const [calling, setCalling] = useState<Visit | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const today = list.data?.pages[0]?.today;
  const mayCall = has('agent', 'supervisor', 'manager');

  const columns: TableColumnsType<Visit> = [
    { title: t('rv.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('rv.number'),
      dataIndex: 'complaintNumber',
      width: 180,
      render: (n: string) => <Link to={`/complaints/${n}`}>{n}</Link>,
    },
    { title: t('rv.subject'), dataIndex: 'title', ellipsis: true },
    { title: t('rv.customer'), dataIndex: 'complainantName', width: 100, render: maskName },
    {
      title: t('rv.grade'),
      dataIndex: 'grade',
      width: 80,
      render: (g: string) => <Tag color={g === 'major' ? 'red' : undefined}>{term('grade', g)}</Tag>,
    },
    {
      title: t('rv.closedAt'),
      dataIndex: 'closedAt',
      width: 150,
      render: (v: string | null) => formatTime(v),
    },
    { title: t('rv.attempts'), dataIndex: 'attempts', width: 80 },
    { title: t('rv.unit'), key: 'unit', width: 120, render: (_, v) => unitName(v.unitId, v.unitName) },
    ...(mayCall
      ? [
          {
            key: 'call',
            width: 110,
            render: (_: unknown, v: Visit) => (
              <Button type="primary" size="small" onClick={() => setCalling(v)} data-testid={`call-${v.id}`}>
                {t('rv.call')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('rv.title')}
      extra={
        <Flex gap={12} align="center">
          {today && <Typography.Text type="secondary">{t('rv.today', { day: today })}</Typography.Text>}
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void list.refetch()}
            aria-label={t('common.retry')}
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('rv.intro')}</Typography.Paragraph>
      {list.error ? (
        <QueryError error={list.error} retry={list.refetch} />
      ) : (
        <Table<Visit>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          locale={{ emptyText: t('rv.empty') }}
          scroll={{ x: 1000 }}
        />
      )}
      {list.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('rv.more')}
        </Button>
      )}
      {calling && <CallDialog visit={calling} onClose={() => setCalling(null)} />}
    </Card>
  );
}
