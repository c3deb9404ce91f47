import { Card, Flex, List, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../../i18n';
import { type ChartOption, EChart } from '../../dashboard/EChart';
import { type Figures, hourDrill, weekdayOf, workbenchUrl } from '../drill';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * 时段分布: complaints received per weekday and hour. A cell is one hour on the days of the period
 * that fall on its weekday: with one such day a click lists that hour's complaints in the workbench;
 * with several it offers the days (no list filter spans the same hour of several days).
 */
export function HeatmapView({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [cell, setCell] = useState<{ weekday: number; hour: number } | null>(null);
  const weekdayNames = useMemo(() => WEEKDAYS.map((d) => t(`an.weekday.${d}`)), [t]);
  const option = useMemo<ChartOption>(() => {
    const max = Math.max(1, ...figures.heatmap.map((c) => c.complaints));
    return {
      tooltip: {
        position: 'top',
        formatter: (p) => {
          const [hour = 0, row = 0, n = 0] = (p as { value?: unknown }).value as number[];
          return `${weekdayNames[row] ?? ''} ${t('an.hour', { h: hour })}: ${n}`;
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: HOURS.map(String), splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdayNames, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fff5f0', '#fcbba1', '#fb6a4a', '#c4302b', '#67000d'] },
      },
      series: [
        {
          type: 'heatmap',
          name: t('an.series.count'),
          data: figures.heatmap.map((c) => [c.hour, c.weekday - 1, c.complaints]),
          label: { show: true, formatter: (p) => String((p.value as number[])[2] || '') },
          emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.4)' } },
          cursor: 'pointer',
        },
      ],
    };
  }, [figures, t, weekdayNames]);

  const days = cell ? figures.trend.filter((d) => weekdayOf(d.day) === cell.weekday) : [];
  return (
    <Card title={t('an.tab.heatmap')}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('an.heatmap.hint')}</Typography.Text>
        <EChart
          option={option}
          height={360}
          aria-label={t('an.tab.heatmap')}
          data-testid="chart-heatmap"
          onClick={(i) => {
            const c = figures.heatmap[i];
            if (!c) return;
            const on = figures.trend.filter((d) => weekdayOf(d.day) === c.weekday);
            const only = on.length === 1 ? on[0] : undefined;
            if (only) navigate(workbenchUrl(hourDrill(only, c.hour)));
            else setCell({ weekday: c.weekday, hour: c.hour });
          }}
        />
      </Flex>
      <Modal
        open={!!cell}
        title={cell ? `${weekdayNames[cell.weekday - 1]} ${t('an.hour', { h: cell.hour })}` : ''}
        footer={null}
        onCancel={() => setCell(null)}
      >
        <Typography.Paragraph>{t('an.heatmap.pick')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={days}
          renderItem={(d) => (
            <List.Item>
              <Link to={workbenchUrl(hourDrill(d, cell?.hour ?? 0))}>{d.day}</Link>
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
