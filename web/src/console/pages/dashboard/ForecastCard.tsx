import { Card, Empty, Flex, Segmented, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import { type ChartOption, EChart } from './EChart';

const RED = '#c4302b';
const BAND_80 = 'rgba(196, 48, 43, 0.22)';
const BAND_95 = 'rgba(196, 48, 43, 0.09)';

type Horizon = 7 | 30;

/** 预测: expected complaints per day with their 80 % and 95 % bands, and the handlers they need. */
export function ForecastCard() {
  const { t } = useI18n();
  const forecast = useApi('/forecast', { query: {} });
  const [horizon, setHorizon] = useState<Horizon>(7);
  const days = useMemo(() => (forecast.data?.total ?? []).slice(0, horizon), [forecast.data, horizon]);
  const staffing = forecast.data?.staffing;

  const option = useMemo<ChartOption>(() => {
    // A band is an invisible line at its lower edge with its width stacked on top and filled.
    const band = (name: string, lo: number[], hi: number[], color: string) => [
      {
        type: 'line' as const,
        stack: name,
        data: lo,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        silent: true,
      },
      {
        type: 'line' as const,
        name,
        stack: name,
        data: hi.map((h, i) => h - (lo[i] ?? 0)),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color },
        itemStyle: { color },
        silent: true,
      },
    ];
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const i = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
          const d = days[i];
          if (!d) return '';
          return [
            d.date,
            `${t('forecast.expected')}: ${d.expected.toFixed(1)}`,
            `${t('forecast.band80')}: ${d.lo80}–${d.hi80}`,
            `${t('forecast.band95')}: ${d.lo95}–${d.hi95}`,
          ].join('<br/>');
        },
      },
      legend: { bottom: 0, data: [t('forecast.expected'), t('forecast.band80'), t('forecast.band95')] },
      grid: { left: 8, right: 24, top: 16, bottom: 32, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: days.map((d) => `${d.date.slice(5)} ${dayjs(d.date).format('dd')}`),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...band(
          t('forecast.band95'),
          days.map((d) => d.lo95),
          days.map((d) => d.hi95),
          BAND_95,
        ),
        ...band(
          t('forecast.band80'),
          days.map((d) => d.lo80),
          days.map((d) => d.hi80),
          BAND_80,
        ),
        {
          type: 'line',
          name: t('forecast.expected'),
          data: days.map((d) => Math.round(d.expected * 10) / 10),
          itemStyle: { color: RED },
        },
      ],
    };
  }, [days, t]);

  return (
    <Card
      title={t('forecast.title')}
      data-testid="forecast-card"
      extra={
        <Segmented<Horizon>
          value={horizon}
          onChange={setHorizon}
          options={[
            { value: 7, label: t('forecast.days7') },
            { value: 30, label: t('forecast.days30') },
          ]}
        />
      }
    >
      <QueryState
        query={forecast}
        isEmpty={(d) => d.total.length === 0}
        empty={<Empty description={t('forecast.notYet')} />}
      >
        {(d) => (
          <Flex vertical gap={12}>
            <EChart
              option={option}
              height={260}
              aria-label={t('forecast.title')}
              data-testid="chart-forecast"
            />
            {d.madeAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('forecast.madeAt', { time: dayjs(d.madeAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            )}
            <Typography.Text strong>{t('forecast.staffing')}</Typography.Text>
            {staffing && (
              <>
                <Table
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  rowKey="key"
                  data-testid="staffing"
                  dataSource={[
                    {
                      key: 'expected',
                      label: t('forecast.expected'),
                      ...Object.fromEntries(days.map((x) => [x.date, Math.round(x.expected)])),
                    },
                    {
                      key: 'handlers',
                      label: t('forecast.handlers'),
                      ...Object.fromEntries(
                        staffing.days
                          .slice(0, horizon)
                          .map((x) => [x.date, t('forecast.people', { count: x.handlers })]),
                      ),
                    },
                  ]}
                  columns={[
                    { dataIndex: 'label', key: 'label', fixed: 'left' },
                    ...days.map((x) => ({
                      title: `${x.date.slice(5)} ${dayjs(x.date).format('dd')}`,
                      dataIndex: x.date,
                      key: x.date,
                      align: 'right' as const,
                    })),
                  ]}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="staffing-formula">
                  {t('forecast.formula', {
                    minutes: staffing.minutesPerComplaint,
                    perHandler: staffing.hoursPerHandler,
                  })}
                </Typography.Text>
              </>
            )}
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}
