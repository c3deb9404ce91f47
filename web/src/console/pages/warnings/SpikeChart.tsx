import { useI18n } from '../../../i18n';
import { EChart } from '../dashboard/EChart';
import type { WarningView } from './shared';

/** The scope's daily complaints against the expected level and the upper end of its band. */
export function SpikeChart({ series }: { series: WarningView['series'] }) {
  const { t } = useI18n();
  return (
    <EChart
      aria-label={t('warn.chart')}
      data-testid="warn-chart"
      height={280}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 32, bottom: 24 },
        xAxis: { type: 'category', data: series.map((p) => p.date.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: t('warn.chart.count'),
            data: series.map((p, i) => ({
              value: p.count,
              itemStyle: { color: i === series.length - 1 || p.count > p.upper ? '#cf1322' : '#4096ff' },
            })),
          },
          {
            type: 'line',
            name: t('warn.chart.expected'),
            data: series.map((p) => p.expected),
            smooth: true,
            showSymbol: false,
            lineStyle: { color: '#389e0d' },
            itemStyle: { color: '#389e0d' },
          },
          {
            type: 'line',
            name: t('warn.chart.upper'),
            data: series.map((p) => p.upper),
            step: 'middle',
            showSymbol: false,
            lineStyle: { type: 'dashed', color: '#fa8c16' },
            itemStyle: { color: '#fa8c16' },
          },
        ],
      }}
    />
  );
}
