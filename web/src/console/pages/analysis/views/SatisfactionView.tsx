import { Card, Col, Flex, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../../i18n';
import { type ChartOption, EChart } from '../../dashboard/EChart';
import { RED } from '../charts';
import type { Figures } from '../drill';
import { formats } from '../format';

const DIMENSIONS = ['speed', 'effectiveness', 'attitude', 'transparency'] as const;

/** 满意度: the mean score of each survey dimension (1–5), the NPS and how many surveys they rest on. */
export function SatisfactionView({ figures }: { figures: Figures }) {
  const { t, locale } = useI18n();
  const f = formats(locale);
  const s = figures.satisfaction;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 5 },
      yAxis: { type: 'category', inverse: true, data: DIMENSIONS.map((d) => t(`an.satisfaction.${d}`)) },
      series: [
        {
          type: 'bar',
          name: t('an.col.score'),
          data: DIMENSIONS.map((d) => (s[d] === null ? null : Math.round((s[d] ?? 0) * 100) / 100)),
          itemStyle: { color: RED },
          label: { show: true, position: 'right' },
          barMaxWidth: 28,
        },
      ],
    }),
    [s, t],
  );
  return (
    <Card title={t('an.tab.satisfaction')}>
      <Flex vertical gap={16}>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('an.card.nps')} value={s.nps === null ? '—' : f.number(s.nps)} />
          </Col>
          <Col span={8}>
            <Statistic title={t('an.surveys')} value={f.number(s.surveys)} />
          </Col>
        </Row>
        {s.surveys > 0 && (
          <EChart
            option={option}
            height={240}
            aria-label={t('an.tab.satisfaction')}
            data-testid="chart-satisfaction"
          />
        )}
      </Flex>
    </Card>
  );
}
