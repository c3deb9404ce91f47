import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../../i18n';
import { type ChartOption, EChart } from '../../dashboard/EChart';
import { BucketTable } from '../BucketTable';
import { BLUE, RED } from '../charts';
import { type Figures, workbenchUrl } from '../drill';
import type { AnalysisFilters } from '../filters';
import { useBucketNames } from '../names';

/**
 * 原因排列 (Pareto): categories at the chosen level, most complaints first, with the cumulative share
 * as a line and the 80 % mark: the few causes that make most of the complaints stand out.
 */
export function ParetoView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = useBucketNames()('category');
  const buckets = useMemo(() => figures.breakdowns.category.filter((b) => b.complaints > 0), [figures]);
  const option = useMemo<ChartOption>(() => {
    const total = buckets.reduce((n, b) => n + b.complaints, 0);
    let sum = 0;
    const cumulative = buckets.map((b) => {
      sum += b.complaints;
      return total ? Math.round((sum / total) * 1000) / 10 : 0;
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: buckets.map(name),
        axisLabel: { interval: 0, rotate: buckets.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('an.series.count'),
          data: buckets.map((b) => b.complaints),
          itemStyle: { color: RED },
          label: { show: true, position: 'top' },
          barMaxWidth: 48,
          cursor: 'pointer',
        },
        {
          type: 'line',
          name: t('an.series.cumulative'),
          yAxisIndex: 1,
          data: cumulative,
          itemStyle: { color: BLUE },
          label: { show: buckets.length <= 12, formatter: '{c}%', position: 'top' },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: BLUE, type: 'dashed' },
            label: { formatter: t('an.pareto.mark'), position: 'insideEndTop' },
            data: [{ yAxis: 80 }],
          },
        },
      ],
    };
  }, [buckets, name, t]);
  return (
    <BucketTable
      title={t('an.tab.pareto')}
      buckets={figures.breakdowns.category}
      table="category"
      filters={filters}
      name={name}
      chart={
        <EChart
          option={option}
          height={380}
          aria-label={t('an.tab.pareto')}
          data-testid="chart-pareto"
          onClick={(i) => {
            const drill = buckets[i]?.drill;
            if (drill) navigate(workbenchUrl(drill));
          }}
        />
      }
    />
  );
}
