import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useApiPages } from '../../../api/hooks';
import { type Translate, useI18n } from '../../../i18n';
import { useUnitName } from '../../components/units';
import { useSession } from '../../session';
import { UnitSelect } from '../complaint/actions/pickers';
import { formatTime } from '../complaint/format';
import { figuresText } from './figures';
import { useScopeText } from './scope-text';
import { KIND_COLOR, KINDS, STATUS_COLOR, STATUSES, type WarningSummary } from './shared';

type Key = Parameters<Translate>[0];
type Kind = (typeof KINDS)[number];
type Status = (typeof STATUSES)[number];

/** 预警列表: newest first, a page at a time, by kind, status and unit. */
export function WarningsList() {
  const { t } = useI18n();
  const unitName = useUnitName();
  const scopeText = useScopeText();
  const { has } = useSession();
  const [kind, setKind] = useState<Kind | undefined>();
  const [status, setStatus] = useState<Status | undefined>('open');
  const [unitId, setUnitId] = useState<number | undefined>();
  const list = useApiPages('/warnings', { query: { kind, status, unitId } });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Select
          allowClear
          placeholder={t('warn.filter.kind')}
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`warn.kind.${k}` as Key) }))}
          data-testid="warn-kind-filter"
        />
        <Select
          allowClear
          placeholder={t('warn.filter.status')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`warn.status.${s}` as Key) }))}
          data-testid="warn-status-filter"
        />
        {has('supervisor', 'manager', 'executive', 'auditor', 'admin') && (
          <UnitSelect
            allowClear
            placeholder={t('warn.filter.unit')}
            style={{ width: 220 }}
            value={unitId}
            onChange={setUnitId}
          />
        )}
      </Flex>
      {list.error && (
        <Typography.Text type="danger">
          {list.error instanceof ApiError ? list.error.title : t('common.error')}
        </Typography.Text>
      )}
      <Table<WarningSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: t('warn.empty') }}
        data-testid="warn-list"
        scroll={{ x: 900 }}
        columns={[
          { title: t('warn.col.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
          {
            title: t('warn.col.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: string) => <Tag color={KIND_COLOR[k] ?? 'blue'}>{t(`warn.kind.${k}` as Key)}</Tag>,
          },
          {
            title: t('warn.col.scope'),
            key: 'scope',
            render: (_, w) => <Link to={`/warnings/${w.id}`}>{scopeText(w.scope)}</Link>,
          },
          { title: t('warn.col.figures'), key: 'figures', render: (_, w) => figuresText(w, t) },
          {
            title: t('warn.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`warn.status.${s}` as Key)}</Tag>,
          },
          {
            title: t('warn.col.unit'),
            key: 'unit',
            width: 140,
            render: (_, w) => unitName(w.unit.id, w.unit.name),
          },
          { title: t('warn.col.owner'), key: 'owner', width: 90, render: (_, w) => w.owner?.name ?? '—' },
          { title: t('warn.col.raised'), dataIndex: 'raisedAt', width: 150, render: formatTime },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('warn.more')}
        </Button>
      )}
    </Flex>
  );
}
