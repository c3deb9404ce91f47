import { Card, Flex, Table } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../../i18n';
import { type ChartOption, EChart } from '../../dashboard/EChart';
import { GREY, RED } from '../charts';
import { type Figures, workbenchUrl } from '../drill';
import { ExportButton } from '../ExportButton';
import type { AnalysisFilters } from '../filters';
import { formats } from '../format';

/** 趋势: complaints per day of the period, with the previous period's days as a second line. */
export function TrendView({
  figures,
  previous,
  filters,
}: {
  figures: Figures;
  previous?: Figures;
  filters: AnalysisFilters;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const f = formats(locale);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: figures.trend.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('an.series.current'),
          data: figures.trend.map((d) => d.complaints),
          itemStyle: { color: RED },
          symbolSize: 7,
          smooth: true,
        },
        {
          type: 'line',
          name: t('an.series.previous'),
          data: (previous?.trend ?? []).map((d) => d.complaints),
          itemStyle: { color: GREY },
          lineStyle: { type: 'dashed' },
          symbolSize: 5,
          smooth: true,
        },
      ],
    }),
    [figures, previous, t],
  );
  return (
    <Card title={t('an.tab.trend')} extra={<ExportButton filters={filters} table="trend" />}>
      <Flex vertical gap={16}>
        <EChart
          option={option}
          height={340}
          aria-label={t('an.tab.trend')}
          data-testid="chart-trend"
          onClick={(i, series) => {
            const day = (series === 0 ? figures : previous)?.trend[i];
            if (day) navigate(workbenchUrl(day.drill));
          }}
        />
        <Table
          rowKey="day"
          size="small"
          dataSource={figures.trend.map((d, i) => ({ ...d, before: previous?.trend[i]?.complaints }))}
          pagination={figures.trend.length > 31 ? { pageSize: 31, showSizeChanger: false } : false}
          columns={[
            { key: 'day', title: t('an.col.day'), dataIndex: 'day' },
            {
              key: 'count',
              title: t('an.col.count'),
              align: 'right',
              render: (_, d) => f.number(d.complaints),
            },
            {
              key: 'previous',
              title: t('an.col.previous'),
              align: 'right',
              render: (_, d) => (d.before === undefined ? '—' : f.number(d.before)),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
