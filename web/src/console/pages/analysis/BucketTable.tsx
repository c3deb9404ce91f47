import { Card, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { Change } from './Change';
import { type Bucket, type Figures, workbenchUrl } from './drill';
import { ExportButton } from './ExportButton';
import type { AnalysisFilters } from './filters';
import { formats } from './format';

export type Breakdown = keyof Figures['breakdowns'];

/** A breakdown as a table: each name opens the complaints it counts; 导出 Excel gives the same rows. */
export function BucketTable({
  title,
  buckets,
  table,
  filters,
  name,
  extra,
  chart,
}: {
  title: string;
  buckets: Bucket[];
  table: Breakdown;
  filters: AnalysisFilters;
  name: (b: Bucket) => string;
  extra?: ReactNode;
  chart?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const f = formats(locale);
  return (
    <Card
      title={title}
      extra={
        <>
          {extra}
          <ExportButton filters={filters} table={table} />
        </>
      }
      data-testid={`table-${table}`}
    >
      {chart}
      <Table<Bucket>
        rowKey="key"
        size="small"
        pagination={buckets.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={buckets}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('an.col.name'),
            render: (_, b) =>
              b.drill && b.complaints > 0 ? <Link to={workbenchUrl(b.drill)}>{name(b)}</Link> : name(b),
          },
          {
            key: 'count',
            title: t('an.col.count'),
            align: 'right',
            render: (_, b) => f.number(b.complaints),
          },
          { key: 'share', title: t('an.col.share'), align: 'right', render: (_, b) => f.percent(b.share) },
          {
            key: 'previous',
            title: t('an.col.previous'),
            align: 'right',
            render: (_, b) => f.number(b.previous),
          },
          {
            key: 'change',
            title: t('an.col.change'),
            align: 'right',
            render: (_, b) => <Change label="" value={b.change} />,
          },
          {
            key: 'lastYear',
            title: t('an.col.lastYear'),
            align: 'right',
            render: (_, b) => f.number(b.lastYear),
          },
          {
            key: 'yearChange',
            title: t('an.col.yearChange'),
            align: 'right',
            render: (_, b) => <Change label="" value={b.yearChange} />,
          },
        ]}
      />
    </Card>
  );
}
