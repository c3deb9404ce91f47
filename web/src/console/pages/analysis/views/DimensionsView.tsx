import { Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import type { Figures } from '../drill';
import type { AnalysisFilters } from '../filters';
import { BreakdownChart } from './BreakdownChart';

const DIMENSIONS = ['channel', 'priority', 'grade', 'validity', 'liability'] as const;

/** 维度构成: the complaints by channel, priority, grade, validity or liable party. */
export function DimensionsView({ figures, filters }: { figures: Figures; filters: AnalysisFilters }) {
  const { t } = useI18n();
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]>('channel');
  return (
    <Flex vertical gap={12}>
      <Segmented
        aria-label={t('an.col.dimension')}
        value={dimension}
        onChange={(v) => setDimension(v as (typeof DIMENSIONS)[number])}
        options={DIMENSIONS.map((d) => ({ value: d, label: t(`an.dimension.${d}`) }))}
      />
      <BreakdownChart
        key={dimension}
        title={t(`an.dimension.${dimension}`)}
        breakdown={dimension}
        figures={figures}
        filters={filters}
      />
    </Flex>
  );
}
