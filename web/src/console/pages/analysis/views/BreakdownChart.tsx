import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../../i18n';
import { EChart } from '../../dashboard/EChart';
import { type Breakdown, BucketTable } from '../BucketTable';
import { barIndex, barsOption } from '../charts';
import { type Figures, workbenchUrl } from '../drill';
import type { AnalysisFilters } from '../filters';
import { useBucketNames } from '../names';

/**
 * One breakdown as bars over its table: a click on a bar opens the complaints it counts, where a
 * list filter reproduces the bucket.
 */
export function BreakdownChart({
  title,
  breakdown,
  figures,
  filters,
  note,
}: {
  title: string;
  breakdown: Breakdown;
  figures: Figures;
  filters: AnalysisFilters;
  note?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = useBucketNames()(breakdown);
  const buckets = useMemo(
    () => figures.breakdowns[breakdown].filter((b) => b.complaints > 0),
    [figures, breakdown],
  );
  // Many buckets (units, regions, categories) read better as horizontal bars.
  const horizontal = buckets.length > 8;
  const option = useMemo(
    () =>
      barsOption(
        buckets.map(name),
        buckets.map((b) => b.complaints),
        t('an.series.count'),
        horizontal,
      ),
    [buckets, name, t, horizontal],
  );
  return (
    <BucketTable
      title={title}
      buckets={figures.breakdowns[breakdown]}
      table={breakdown}
      filters={filters}
      name={name}
      extra={note && <span style={{ color: 'rgba(0,0,0,0.45)', marginInlineEnd: 8 }}>{note}</span>}
      chart={
        buckets.length > 0 && (
          <EChart
            option={option}
            height={horizontal ? Math.max(300, buckets.length * 28) : 300}
            aria-label={title}
            data-testid={`chart-${breakdown}`}
            onClick={(i) => {
              const drill = buckets[barIndex(i, buckets.length, horizontal)]?.drill;
              if (drill) navigate(workbenchUrl(drill));
            }}
          />
        )
      }
    />
  );
}
