import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { Change } from './Change';
import type { Figures } from './drill';
import { type Formats, formats } from './format';

/** The on-time rate of the whole handling (整体办结) where it is counted, else of every stage clock. */
function onTimeRate(stages: Figures['stages']): number | null {
  const whole = stages.find((s) => s.stage === 'whole');
  if (whole) return whole.onTimeRate;
  const met = stages.reduce((n, s) => n + s.met, 0);
  return met ? stages.reduce((n, s) => n + s.onTime, 0) / met : null;
}

/** The mean of the four survey dimensions (1–5). */
function meanScore(s: Figures['satisfaction']): number | null {
  const scores = [s.speed, s.effectiveness, s.attitude, s.transparency].filter(
    (v): v is number => v !== null,
  );
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

type Kind = 'count' | 'rate' | 'score';
interface Figure {
  id: string;
  kind: Kind;
  value: (f: Figures) => number | null;
  show: (v: number | null, f: Formats) => string;
  moreIsBetter: boolean;
  note?: (figures: Figures, f: Formats) => ReactNode;
}

const FIGURES: Figure[] = [
  {
    id: 'total',
    kind: 'count',
    value: (x) => x.totals.complaints,
    show: (v, f) => f.number(v ?? 0),
    moreIsBetter: false,
  },
  {
    id: 'validRate',
    kind: 'rate',
    value: (x) => x.totals.validRate,
    show: (v, f) => f.percent(v),
    moreIsBetter: false,
  },
  {
    id: 'onTimeRate',
    kind: 'rate',
    value: (x) => onTimeRate(x.stages),
    show: (v, f) => f.percent(v),
    moreIsBetter: true,
  },
  {
    id: 'fcr',
    kind: 'rate',
    value: (x) => x.totals.firstContactRate,
    show: (v, f) => f.percent(v),
    moreIsBetter: true,
  },
  {
    id: 'reopenRate',
    kind: 'rate',
    value: (x) => x.totals.reopenRate,
    show: (v, f) => f.percent(v),
    moreIsBetter: false,
  },
  {
    id: 'satisfaction',
    kind: 'score',
    value: (x) => meanScore(x.satisfaction),
    show: (v, f) => (v === null ? '—' : f.number(Math.round(v * 100) / 100)),
    moreIsBetter: true,
  },
  {
    id: 'nps',
    kind: 'score',
    value: (x) => x.satisfaction.nps,
    show: (v, f) => (v === null ? '—' : f.number(v)),
    moreIsBetter: true,
  },
  {
    id: 'remedies',
    kind: 'count',
    value: (x) => x.remedies.amount,
    show: (v, f) => f.yuan(v ?? 0),
    moreIsBetter: false,
  },
];

/** A count changes relatively; a rate in percentage points; a score in points. */
function changeOf(kind: Kind, now: number | null, before: number | null | undefined): number | null {
  if (now === null || before === null || before === undefined) return null;
  if (kind !== 'count') return now - before;
  return before === 0 ? null : (now - before) / before;
}

/**
 * 总览: the headline figures, each with 环比 (against the previous period) and 同比 (against the same
 * days a year before): the figures of those periods are asked for the same scope.
 */
export function Overview({
  figures,
  previous,
  lastYear,
}: {
  figures: Figures;
  previous?: Figures;
  lastYear?: Figures;
}) {
  const { t, locale } = useI18n();
  const f = formats(locale);
  const titles: Record<string, string> = {
    total: t('an.card.total'),
    validRate: t('an.card.validRate'),
    onTimeRate: t('an.card.onTimeRate'),
    fcr: t('an.card.fcr'),
    reopenRate: t('an.card.reopenRate'),
    satisfaction: t('an.card.satisfaction'),
    nps: t('an.card.nps'),
    remedies: t('an.card.remedies'),
  };
  const notes: Record<string, ReactNode> = {
    satisfaction: t('an.card.surveys', { n: f.number(figures.satisfaction.surveys) }),
    remedies: t('an.card.remediesCount', { n: f.number(figures.remedies.remedies) }),
  };
  const v = figures.volumes;
  return (
    <Row gutter={[16, 16]} data-testid="overview">
      {FIGURES.map((x) => {
        const now = x.value(figures);
        const format = x.kind === 'rate' ? f.points : x.kind === 'score' ? f.delta : undefined;
        // The total's own changes come with the figures (also when the other periods are still loading).
        const month =
          x.id === 'total' ? figures.totals.change : changeOf(x.kind, now, previous && x.value(previous));
        const year =
          x.id === 'total' ? figures.totals.yearChange : changeOf(x.kind, now, lastYear && x.value(lastYear));
        return (
          <Col xs={24} sm={12} xl={6} key={x.id}>
            <Card data-testid={`card-${x.id}`} style={{ height: '100%' }}>
              <Statistic
                title={titles[x.id]}
                value={x.show(now, f)}
                valueRender={() => <span data-testid={`value-${x.id}`}>{x.show(now, f)}</span>}
              />
              <Flex vertical gap={2} style={{ marginTop: 8 }}>
                <Change
                  label={t('an.change')}
                  value={month}
                  format={format}
                  moreIsBetter={x.moreIsBetter}
                  testId={`change-${x.id}`}
                />
                <Change
                  label={t('an.yearChange')}
                  value={year}
                  format={format}
                  moreIsBetter={x.moreIsBetter}
                  testId={`year-change-${x.id}`}
                />
                {notes[x.id] && <Typography.Text type="secondary">{notes[x.id]}</Typography.Text>}
              </Flex>
            </Card>
          </Col>
        );
      })}
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="card-per10k" style={{ height: '100%' }}>
          <Statistic
            title={t('an.card.per10k')}
            value={v?.per10kParcels ?? v?.per10kOrders ?? '—'}
            precision={2}
          />
          <Flex vertical gap={2} style={{ marginTop: 8 }}>
            {v ? (
              <>
                {v.per10kParcels !== null && (
                  <Typography.Text type="secondary">
                    {t('an.card.per10kParcels', { rate: f.number(v.per10kParcels) })}
                  </Typography.Text>
                )}
                {v.per10kOrders !== null && (
                  <Typography.Text type="secondary">
                    {t('an.card.per10kOrders', { rate: f.number(v.per10kOrders) })}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('an.card.noVolumes')}</Typography.Text>
            )}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
