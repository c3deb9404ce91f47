import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi, useInvalidate } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { QueryState } from '../../components/QueryState';
import './chart-parts';
import { AnalysisFilterBar } from './AnalysisFilterBar';
import type { Figures } from './drill';
import { type AnalysisFilters, readFilters, statsQuery, VIEWS, type View, writeFilters } from './filters';
import { Overview } from './Overview';
import { DimensionsView } from './views/DimensionsView';
import { HeatmapView } from './views/HeatmapView';
import { ParetoView } from './views/ParetoView';
import { RemediesView } from './views/RemediesView';
import { RepeatView } from './views/RepeatView';
import { SatisfactionView } from './views/SatisfactionView';
import { StagesView } from './views/StagesView';
import { TrendView } from './views/TrendView';
import { UnitsView } from './views/UnitsView';

const RECOUNT_POLL_MS = 10_000;

/**
 * 统计分析: the figures of GET /stats for a period and scope, in views (tabs). Everything the page
 * shows is named by its address, so a view can be shared and Back returns to the one before.
 */
export default function AnalysisPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const change = (next: AnalysisFilters) => setParams(writeFilters(next));

  // While the figures are being recounted, asked again until that has ended.
  const [recounting, setRecounting] = useState(false);
  const figures = useApi(
    '/stats',
    { query: statsQuery(filters) },
    { refetchInterval: recounting && RECOUNT_POLL_MS },
  );
  const period = figures.data;
  const invalidate = useInvalidate();
  const nowRecounting = !!period?.recounting;
  useEffect(() => {
    // Ended: the comparison periods, read meanwhile, are asked again too.
    if (recounting && !nowRecounting) void invalidate(['/stats']);
    setRecounting(nowRecounting);
  }, [recounting, nowRecounting, invalidate]);
  // 环比 and 同比 of the rates and scores: the same figures for the previous period and a year before.
  const previous = useApi(
    '/stats',
    { query: { ...statsQuery(filters), ...period?.previous } },
    { enabled: !!period },
  );
  const lastYear = useApi(
    '/stats',
    { query: { ...statsQuery(filters), ...period?.lastYear } },
    { enabled: !!period },
  );

  const view = (v: View, data: Figures): ReactNode => {
    switch (v) {
      case 'overview':
        return <Overview figures={data} previous={previous.data} lastYear={lastYear.data} />;
      case 'trend':
        return <TrendView figures={data} previous={previous.data} filters={filters} />;
      case 'pareto':
        return <ParetoView figures={data} filters={filters} />;
      case 'stages':
        return <StagesView figures={data} filters={filters} />;
      case 'units':
        return <UnitsView figures={data} filters={filters} />;
      case 'heatmap':
        return <HeatmapView figures={data} />;
      case 'dimensions':
        return <DimensionsView figures={data} filters={filters} />;
      case 'satisfaction':
        return <SatisfactionView figures={data} />;
      case 'remedies':
        return <RemediesView figures={data} filters={filters} />;
      case 'repeat':
        return <RepeatView figures={data} filters={filters} />;
    }
  };

  return (
    <Flex vertical gap={16} data-testid="analysis">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('an.title')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={8}>
          <AnalysisFilterBar filters={filters} onChange={change} />
          {period && (
            <Typography.Text type="secondary" data-testid="analysis-period">
              {period.period.from} ~ {period.period.to}
              {period.unit ? ` · ${(locale === 'en' && period.unit.nameEn) || period.unit.name}` : ''} ·{' '}
              {t('an.compare', {
                previous: `${period.previous.from} ~ ${period.previous.to}`,
                lastYear: `${period.lastYear.from} ~ ${period.lastYear.to}`,
              })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('an.drillHint')}</Typography.Text>
        </Flex>
      </Card>
      {period?.recounting && (
        <Alert type="warning" showIcon title={t('an.recounting')} data-testid="recounting" />
      )}
      <Tabs
        activeKey={filters.view}
        onChange={(v) => change({ ...filters, view: v as View })}
        items={VIEWS.map((v) => ({ key: v, label: t(`an.tab.${v}`) }))}
      />
      <QueryState query={figures}>{(data) => view(filters.view, data)}</QueryState>
    </Flex>
  );
}
