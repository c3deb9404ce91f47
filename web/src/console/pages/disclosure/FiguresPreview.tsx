import { Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { type Disclosure, FIGURES, type FigureName } from './shared';

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

/** Every figure as computed at preparation, each marked public or not. */
export function FiguresPreview({ d }: { d: Disclosure }) {
  const { t, locale } = useI18n();
  const f = d.figures;
  const categories = (rows: Disclosure['figures']['byCategory1']) =>
    rows.map((r) => `${locale === 'en' ? r.en : r.zh} ${r.count}`).join('，') || '—';
  const value: Record<FigureName, ReactNode> = {
    received: f.received,
    byCategory1: categories(f.byCategory1),
    byCategory2: categories(f.byCategory2),
    resolutionRate: `${pct(f.resolutionRate.rate)}（${f.resolutionRate.resolved}/${f.received}）`,
    onTimeRate: `${pct(f.onTimeRate.rate)}（${f.onTimeRate.met}/${f.onTimeRate.ended}）`,
    validShare: `${pct(f.validShare.rate)}（${f.validShare.valid}/${f.validShare.judged}）`,
    satisfaction: t('dc.satisfaction', {
      surveys: f.satisfaction.surveys,
      speed: num(f.satisfaction.speed),
      effectiveness: num(f.satisfaction.effectiveness),
      attitude: num(f.satisfaction.attitude),
      transparency: num(f.satisfaction.transparency),
      nps: num(f.satisfaction.nps),
    }),
  };
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="figures-preview"
      items={FIGURES.map((name) => ({
        key: name,
        label: (
          <span>
            {t(`dc.figure.${name}`)}{' '}
            {d.chosen.includes(name) ? (
              <Tag color="red">{t('dc.chosen')}</Tag>
            ) : (
              <Tag>{t('dc.notChosen')}</Tag>
            )}
          </span>
        ),
        children: value[name],
      }))}
    />
  );
}
