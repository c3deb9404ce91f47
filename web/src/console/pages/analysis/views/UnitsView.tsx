import { Alert, Flex } from 'antd';
import { useI18n } from '../../../../i18n';
import type { Figures } from '../drill';
import type { AnalysisFilters } from '../filters';
import { formats } from '../format';
import { BreakdownChart } from './BreakdownChart';

/**
 * 单位与地区: the units directly below the scope (each with its subtree) and the regions, with the
 * complaints per 10,000 parcels and orders of the scope where volumes are loaded.
 */
export function UnitsView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t, locale } = useI18n();
  const f = formats(locale);
  const v = figures.volumes;
  const rates = [
    v?.per10kParcels != null && t('an.card.per10kParcels', { rate: f.number(v.per10kParcels) }),
    v?.per10kOrders != null && t('an.card.per10kOrders', { rate: f.number(v.per10kOrders) }),
  ].filter(Boolean);
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        data-testid="per10k"
        title={t('an.per10kLine', {
          rates: rates.length ? rates.join(t('an.listSeparator')) : t('an.card.noVolumes'),
        })}
      />
      <BreakdownChart
        title={t('an.units')}
        breakdown="unit"
        figures={figures}
        filters={filters}
        note={figures.unit ? t('an.unitsOwn') : undefined}
      />
      <BreakdownChart title={t('an.regions')} breakdown="region" figures={figures} filters={filters} />
    </Flex>
  );
}
