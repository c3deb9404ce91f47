import { Card, Flex, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { CallOutput, EndpointAt } from '../../../api/call';
import { useI18n } from '../../../i18n';
import { type ChartOption, EChart } from '../dashboard/EChart';

export type TopicView = CallOutput<EndpointAt<'GET', '/topics'>>['topics'][number];

const RED = '#c4302b';

/** One hot topic: its key words, size and growth, a small trend, units and example complaints. */
export function TopicCard({ topic, scoped }: { topic: TopicView; scoped: boolean }) {
  const { t, locale } = useI18n();
  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 4, right: 4, top: 6, bottom: 4, containLabel: false },
      xAxis: {
        type: 'category',
        show: false,
        boundaryGap: false,
        data: topic.trend.map((d) => d.date.slice(5)),
      },
      yAxis: { type: 'value', show: false, minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('topics.count'),
          data: topic.trend.map((d) => d.count),
          symbol: 'none',
          itemStyle: { color: RED },
          areaStyle: { color: 'rgba(196, 48, 43, 0.12)' },
        },
      ],
    }),
    [topic, t],
  );
  const growth =
    topic.growth === null ? (
      <Tag color="red">{t('topics.new')}</Tag>
    ) : (
      <Typography.Text type={topic.growth > 0 ? 'danger' : 'secondary'}>
        {topic.growth > 0 ? '↑' : topic.growth < 0 ? '↓' : ''}
        {Math.round(Math.abs(topic.growth) * 100)}%
      </Typography.Text>
    );
  return (
    <Card
      data-testid={`topic-${topic.id}`}
      title={
        <Space size={4} wrap>
          {topic.words.slice(0, 5).map((w) => (
            <Tag key={w} color="volcano" style={{ fontSize: 14 }}>
              {w}
            </Tag>
          ))}
        </Space>
      }
      extra={topic.isNew && topic.growth !== null ? <Tag color="red">{t('topics.new')}</Tag> : undefined}
    >
      <Flex gap={24} wrap align="flex-start">
        <Statistic title={t('topics.size')} value={topic.size} />
        <Statistic title={t('topics.previous')} value={topic.previous} />
        <Statistic title={t('topics.growth')} valueRender={() => growth} />
        <div style={{ flex: '1 1 160px', minWidth: 160 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('topics.trend')}
          </Typography.Text>
          <EChart option={trend} height={56} aria-label={t('topics.trend')} />
        </div>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('topics.firstSeen', { date: dayjs(topic.firstSeen).format('YYYY-MM-DD') })}
        {scoped ? ` · ${t('topics.inScope', { count: topic.inScope })}` : ''}
        {' · '}
        {t('topics.units')}：
        {topic.units
          .slice(0, 4)
          .map((u) => `${locale === 'en' && u.nameEn ? u.nameEn : u.name} ${u.count}`)
          .join('、')}
      </Typography.Paragraph>
      <Typography.Text strong>{t('topics.examples')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {topic.examples.map((c) => (
          <li key={c.id}>
            <Link to={`/complaints/${c.number}`}>{c.number}</Link>{' '}
            <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
              {c.title}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
