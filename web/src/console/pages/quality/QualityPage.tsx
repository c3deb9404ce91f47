import { Card, DatePicker, Select, Space, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiPages } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { useSession } from '../../session';
import { ChecksTable } from './ChecksTable';
import { DrawForm } from './DrawForm';
import type { CheckSummary } from './model';

/** 质检: supervisors draw samples and score them; everyone sees their own scored checks. */
export default function QualityPage() {
  const { t } = useI18n();
  const { has } = useSession();
  const checker = has('supervisor', 'manager', 'executive', 'auditor');
  const [params, setParams] = useSearchParams();
  const tab = checker ? (params.get('tab') ?? 'checks') : 'mine';
  return (
    <Card title={t('quality.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          ...(checker ? [{ key: 'checks', label: t('quality.tab.checks'), children: <Checks /> }] : []),
          { key: 'mine', label: t('quality.tab.mine'), children: <MyChecks /> },
        ]}
      />
    </Card>
  );
}

function Checks() {
  const { t } = useI18n();
  const [status, setStatus] = useState<CheckSummary['status'] | undefined>();
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const list = useApiPages('/quality-checks', { query: { status, period: period?.format('YYYY-MM') } });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <DrawForm />
      <Space>
        <DatePicker
          picker="month"
          value={period}
          onChange={setPeriod}
          placeholder={t('quality.col.period')}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('quality.filter.status')}
          value={status}
          onChange={setStatus}
          options={(['draft', 'final', 'overturned'] as const).map((s) => ({
            value: s,
            label: t(`quality.status.${s}`),
          }))}
        />
      </Space>
      {list.error && <QueryError error={list.error} retry={list.refetch} />}
      <ChecksTable
        rows={list.data?.pages.flatMap((p) => p.items) ?? []}
        loading={list.isFetching}
        hasMore={list.hasNextPage}
        onMore={() => void list.fetchNextPage()}
      />
    </Space>
  );
}

function MyChecks() {
  const { t } = useI18n();
  const list = useApiPages('/quality-checks/mine', { query: {} });
  return (
    <>
      {list.error && <QueryError error={list.error} retry={list.refetch} />}
      <ChecksTable
        own
        empty={t('quality.mine.empty')}
        rows={list.data?.pages.flatMap((p) => p.items) ?? []}
        loading={list.isFetching}
        hasMore={list.hasNextPage}
        onMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
