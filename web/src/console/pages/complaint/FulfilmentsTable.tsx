import { Flex, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useApi } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { DeadlineCountdown } from '../../components/DeadlineCountdown';
import { QueryError } from '../../components/QueryState';
import { formatTime, yuan } from './format';

type Key = Parameters<Translate>[0];
type Row = CallOutput<EndpointAt<'GET', '/fulfilments'>>['items'][number];

/** 方案执行: approved remedies still to be carried out (due first, overdue marked) or the latest carried out, with proof. */
export function FulfilmentsTable() {
  const { t } = useI18n();
  const [state, setState] = useState<'open' | 'done'>('open');
  const list = useApi('/fulfilments', { query: { state } });
  const columns: TableColumnsType<Row> = [
    {
      key: 'number',
      title: t('approvals.col.number'),
      width: 180,
      render: (_, r) => <Link to={`/complaints/${r.number}`}>{r.number}</Link>,
    },
    { key: 'title', title: t('approvals.col.title'), dataIndex: 'title', ellipsis: true },
    {
      key: 'remedy',
      title: t('approvals.col.remedy'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.kinds.map((k) => (
            <Tag key={k}>{t(`approvals.kind.${k}` as Key)}</Tag>
          ))}
          <Typography.Text strong>{yuan(r.amount)}</Typography.Text>
        </Space>
      ),
    },
    { key: 'owner', title: t('approvals.col.owner'), render: (_, r) => r.fulfilment.owner?.name ?? '—' },
    {
      key: 'due',
      title: t('approvals.col.due'),
      render: (_, r) =>
        r.fulfilment.status === 'pending' ? (
          <Flex vertical gap={4} data-testid={`fulfilment-due-${r.number}`}>
            <span>{formatTime(r.fulfilment.dueAt)}</span>
            <DeadlineCountdown
              label={r.fulfilment.overdue ? t('ff.overdue') : t('ff.due')}
              deadline={{
                stage: 'fulfilment',
                state: 'running',
                dueAt: r.fulfilment.dueAt,
                breached: r.fulfilment.overdue,
              }}
            />
          </Flex>
        ) : (
          formatTime(r.fulfilment.dueAt)
        ),
    },
    {
      key: 'fulfilment',
      title: t('approvals.col.fulfilment'),
      render: (_, r) => {
        const f = r.fulfilment;
        const proof = Object.entries(f.proof ?? {})
          .filter(([key]) => key !== 'evidenceId')
          .map(([key, value]) => `${t(`ff.proof.${key}` as Key)} ${value}`);
        return (
          <Flex vertical gap={2} data-testid={`fulfilment-${r.number}`}>
            <span>
              <Tag color={f.status === 'done' ? 'green' : f.status === 'pending' ? 'blue' : 'default'}>
                {t(`ff.status.${f.status}` as Key)}
              </Tag>
              {f.recordedAt && formatTime(f.recordedAt)}
            </span>
            {proof.length > 0 && <Typography.Text>{proof.join('；')}</Typography.Text>}
            {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
          </Flex>
        );
      },
    },
  ];
  return (
    <Flex vertical gap={8} data-testid="fulfilments">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('approvals.fulfilment.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('approvals.fulfilment.intro')}</Typography.Text>
        </div>
        <Segmented
          value={state}
          onChange={(v) => setState(v as 'open' | 'done')}
          options={[
            { value: 'open', label: t('approvals.fulfilment.open') },
            { value: 'done', label: t('approvals.fulfilment.done') },
          ]}
        />
      </Flex>
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      <Table<Row>
        rowKey="remedyId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('approvals.fulfilment.empty') }}
      />
    </Flex>
  );
}
