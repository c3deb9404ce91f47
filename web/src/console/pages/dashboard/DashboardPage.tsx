import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { query } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryError } from '../../components/QueryState';
import { type ChartOption, type ChartProps, EChart } from './EChart';
import { ForecastCard } from './ForecastCard';

const RED = '#c4302b';
/** Statuses in lifecycle order, each with its colour in the status chart. */
const STATUS_COLORS: Record<string, string> = {
  received: '#1677ff',
  accepted: '#13c2c2',
  assigned: '#2f54eb',
  investigating: '#722ed1',
  waiting_customer: '#faad14',
  proposed: '#fa8c16',
  approved: '#a0d911',
  replied: '#52c41a',
  resolved: '#389e0d',
  invalid: '#8c8c8c',
  merged: '#bfbfbf',
  withdrawn: '#d9d9d9',
  closed: '#595959',
};
const STATUS_ORDER = Object.keys(STATUS_COLORS);

/** A chart in a card, named by its title; the words for nothing yet once its data is in and empty. */
function ChartCard({ title, empty = false, ...chart }: { title: string; empty?: boolean } & ChartProps) {
  const { t } = useI18n();
  return (
    <Card title={title}>
      {empty ? <Empty description={t('dashboard.empty')} /> : <EChart aria-label={title} {...chart} />}
    </Card>
  );
}

/** 首页: today's intake, open and overdue counts, and charts by status, category and day. */
export default function DashboardPage() {
  const { t, term, locale } = useI18n();
  const navigate = useNavigate();
  const dashboard = useApi('/dashboard', {});
  const { data, isFetching: loading } = dashboard;
  const load = () => dashboard.refetch();

  const statuses = useMemo(
    () =>
      [...(data?.byStatus ?? [])].sort(
        (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
      ),
    [data],
  );

  const few = statuses.length <= 6;
  const statusOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      // Every status in the legend, wrapping onto more lines rather than paging; the legend names the
      // slices, which carry their counts inside (names beside them would collide with the legend).
      legend: { type: 'plain', bottom: 0, left: 'center', width: '94%', itemGap: 8 },
      series: [
        {
          type: 'pie',
          // Smaller and higher when the legend takes more than two lines.
          radius: few ? ['32%', '60%'] : ['28%', '50%'],
          center: ['50%', few ? '42%' : '36%'],
          // A slice too thin for its count shows it on hover only: the counts of neighbouring thin
          // slices (a few open complaints beside thousands archived) were drawn over each other.
          minShowLabelAngle: 10,
          label: {
            position: 'inside',
            formatter: '{c}',
            color: 'rgba(0, 0, 0, 0.88)',
            textBorderColor: '#fff',
            textBorderWidth: 2,
          },
          data: statuses.map((s) => ({
            name: term('status', s.status),
            value: s.count,
            itemStyle: { color: STATUS_COLORS[s.status] },
          })),
        },
      ],
    }),
    [statuses, term, few],
  );

  const categoryOption = useMemo<ChartOption>(() => {
    const rows = [...(data?.byCategory ?? [])].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((c) => (locale === 'en' ? c.nameEn : c.nameZh)) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.count'),
          data: rows.map((c) => c.count),
          itemStyle: { color: RED },
          label: { show: true, position: 'right' },
          barMaxWidth: 28,
        },
      ],
    };
  }, [data, locale, t]);

  const trendOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: (data?.daily ?? []).map((d) => d.date.slice(5)),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('dashboard.trendSeries'),
          data: (data?.daily ?? []).map((d) => d.count),
          itemStyle: { color: RED },
          areaStyle: { color: 'rgba(196, 48, 43, 0.12)' },
        },
      ],
    }),
    [data, t],
  );

  const today = data?.daily.at(-1)?.date;
  const figures = [
    {
      key: 'today',
      title: t('dashboard.today'),
      value: data?.today,
      // Local midnight of the server's day, as the browser reads it.
      to: `/workbench${query({ receivedFrom: today ? dayjs(today).toISOString() : undefined })}`,
    },
    { key: 'open', title: t('dashboard.open'), value: data?.open, to: '/workbench' },
    {
      key: 'overdue',
      title: t('dashboard.overdue'),
      value: data?.overdue,
      to: '/workbench?overdue=true',
      danger: true,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Flex align="center" gap={12}>
          {data && (
            <Typography.Text type="secondary">
              {t('dashboard.generatedAt', { time: dayjs(data.generatedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading}>
            {t('dashboard.refresh')}
          </Button>
        </Flex>
      </Flex>
      {dashboard.error && <QueryError error={dashboard.error} retry={load} />}
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={24} sm={8}>
            <Card
              hoverable
              loading={loading && !data}
              onClick={() => navigate(f.to)}
              data-testid={`stat-${f.key}`}
            >
              <Statistic
                title={f.title}
                value={f.value ?? 0}
                suffix={t('dashboard.unit') || undefined}
                valueRender={(node) => <span data-testid={`value-${f.key}`}>{node}</span>}
                styles={f.danger && f.value ? { content: { color: RED } } : undefined}
              />
              <Typography.Link style={{ fontSize: 12 }}>{t('dashboard.openWorkbench')}</Typography.Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.byStatus')}
            empty={!!data && !statuses.length}
            option={statusOption}
            data-testid="chart-status"
            onClick={(i) => {
              const s = statuses[i];
              if (s) navigate(`/workbench${query({ status: s.status })}`);
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.byCategory')}
            empty={!!data && !data.byCategory.length}
            option={categoryOption}
            data-testid="chart-category"
            onClick={(i) => {
              const c = [...(data?.byCategory ?? [])].reverse()[i];
              if (c) navigate(`/workbench${query({ categoryId: c.categoryId })}`);
            }}
          />
        </Col>
        <Col span={24}>
          <ChartCard
            title={t('dashboard.trend')}
            option={trendOption}
            height={280}
            data-testid="chart-trend"
          />
        </Col>
        <Col span={24}>
          <ForecastCard />
        </Col>
      </Row>
    </Flex>
  );
}
