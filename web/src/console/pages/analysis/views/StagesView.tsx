import { Card, Flex, Table } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../../i18n';
import { type ChartOption, EChart } from '../../dashboard/EChart';
import { RED } from '../charts';
import type { Figures } from '../drill';
import { ExportButton } from '../ExportButton';
import type { AnalysisFilters } from '../filters';
import { formats } from '../format';

/** The stages in the order a complaint meets them (the terms' order); others after them. */
const ORDER = [
  'register',
  'dispatch',
  'first_response',
  'investigation',
  'evidence_request',
  'proposal',
  'reply',
  'fulfilment',
  'archive',
  'external',
  'whole',
];
const rank = (stage: string) => {
  const i = ORDER.indexOf(stage);
  return i < 0 ? ORDER.length : i;
};

/**
 * 环节时效: how many complaints of the period reached each stage (a funnel, in the order of the
 * handling), with the median and p90 time and the on-time rate of each.
 */
export function StagesView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t, term, locale } = useI18n();
  const f = formats(locale);
  const stages = useMemo(
    () => [...figures.stages].sort((a, b) => rank(a.stage) - rank(b.stage) || (a.stage < b.stage ? -1 : 1)),
    [figures],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          minSize: '20%',
          gap: 2,
          label: {
            position: 'inside',
            formatter: '{b}  {c}',
            color: '#fff',
            fontSize: 13,
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: stages.map((s, i) => ({
            name: term('stage', s.stage),
            value: s.met,
            itemStyle: { color: RED, opacity: 1 - (i / Math.max(stages.length, 1)) * 0.6 },
          })),
        },
      ],
    }),
    [stages, term],
  );
  return (
    <Card title={t('an.tab.stages')} extra={<ExportButton filters={filters} table="stages" />}>
      <Flex vertical gap={16}>
        {stages.length > 0 && (
          <EChart
            option={option}
            height={Math.max(220, stages.length * 44)}
            aria-label={t('an.tab.stages')}
            data-testid="chart-stages"
          />
        )}
        <Table
          rowKey="stage"
          size="small"
          pagination={false}
          dataSource={stages}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'stage', title: t('an.col.stage'), render: (_, s) => term('stage', s.stage) },
            { key: 'met', title: t('an.col.met'), align: 'right', render: (_, s) => f.number(s.met) },
            {
              key: 'onTime',
              title: t('an.col.onTime'),
              align: 'right',
              render: (_, s) => f.number(s.onTime),
            },
            {
              key: 'onTimeRate',
              title: t('an.col.onTimeRate'),
              align: 'right',
              render: (_, s) => f.percent(s.onTimeRate),
            },
            {
              key: 'median',
              title: t('an.col.median'),
              align: 'right',
              render: (_, s) => (s.medianMs === null ? '—' : t('an.hours', { n: f.hours(s.medianMs) })),
            },
            {
              key: 'p90',
              title: t('an.col.p90'),
              align: 'right',
              render: (_, s) => (s.p90Ms === null ? '—' : t('an.hours', { n: f.hours(s.p90Ms) })),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
