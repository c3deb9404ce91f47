import { Button, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiPages } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { UnitSelect } from '../complaint/actions/pickers';
import { formatTime } from '../complaint/format';
import { type ActionSummary, problemText, STATUS_COLOR } from './shared';

const STATUSES = ['open', 'in_progress', 'done', 'verified', 'closed'] as const;
type Status = (typeof STATUSES)[number];

/** 整改清单: earliest due (overdue) first, a page at a time; mine or my units', by status and unit. */
export function ActionsList({ managing }: { managing: boolean }) {
  const { t, locale } = useI18n();
  const [scope, setScope] = useState<'mine' | 'all'>(managing ? 'all' : 'mine');
  const [status, setStatus] = useState<Status | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const list = useApiPages('/corrective-actions', {
    query: { mine: scope === 'mine' || undefined, status, unitId },
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        {managing && (
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'all')}
            options={[
              { value: 'all', label: t('ca.all') },
              { value: 'mine', label: t('ca.mine') },
            ]}
          />
        )}
        <Select
          allowClear
          placeholder={t('ca.filter.status')}
          style={{ width: 200 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`ca.status.${s}`) }))}
          data-testid="ca-status-filter"
        />
        {managing && (
          <div style={{ width: 220 }}>
            <UnitSelect allowClear value={unitId} onChange={setUnitId} />
          </div>
        )}
      </Flex>
      {list.error && (
        <Typography.Text type="danger">{problemText(list.error, t('common.error'))}</Typography.Text>
      )}
      <Table<ActionSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: t('ca.empty') }}
        data-testid="ca-list"
        columns={[
          { title: t('ca.col.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
          {
            title: t('ca.col.title'),
            key: 'title',
            render: (_, a) => <Link to={`/corrective-actions/${a.id}`}>{a.title}</Link>,
          },
          {
            title: t('ca.col.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: string) => t(`ca.kind.${k}` as 'ca.kind.corrective'),
          },
          {
            title: t('ca.col.status'),
            key: 'status',
            width: 190,
            render: (_, a) => (
              <Flex gap={4} wrap>
                <Tag color={STATUS_COLOR[a.status]}>{t(`ca.status.${a.status}` as 'ca.status.open')}</Tag>
                {a.overdue && <Tag color="red">{t('ca.overdue')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('ca.col.unit'),
            key: 'unit',
            render: (_, a) => (locale === 'en' && a.unit.nameEn ? a.unit.nameEn : a.unit.name),
          },
          { title: t('ca.col.owner'), key: 'owner', width: 100, render: (_, a) => a.owner.name },
          { title: t('ca.col.due'), dataIndex: 'dueAt', width: 150, render: formatTime },
          { title: t('ca.col.complaints'), dataIndex: 'complaints', width: 90 },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('ca.more')}
        </Button>
      )}
    </Flex>
  );
}
