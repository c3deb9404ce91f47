import { DatePicker, Flex, Select, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { useUnits } from '../../components/units';
import { useSession } from '../../session';
import { type AnalysisFilters, PRESETS, type Preset, presetRange } from './filters';

/**
 * The units the user may ask figures for, as a tree: everything for those who see every unit, their
 * own unit's subtree for everyone else (the API answers 403 outside it).
 */
function useVisibleUnits() {
  const { user, has } = useSession();
  const units = useUnits();
  const all = has('executive', 'auditor', 'admin');
  return useMemo(() => {
    const own = units.find((u) => u.id === user?.unitId);
    const visible = all ? units : own ? units.filter((u) => u.path.startsWith(own.path)) : [];
    return {
      // Without a unit asked for, the figures are of everything (those who see it all) or of the own unit.
      whole: all ? undefined : own?.label,
      tree: visible.map((u) => ({
        id: u.id,
        // The top of what the user sees is a root of the tree.
        pId: u.id === own?.id && !all ? null : u.parentId,
        value: u.id,
        title: u.label,
      })),
    };
  }, [units, user, all]);
}

/** Period (presets or any days), scope (a unit subtree) and the category level the figures count by. */
export function AnalysisFilterBar({
  filters,
  onChange,
}: {
  filters: AnalysisFilters;
  onChange(next: AnalysisFilters): void;
}) {
  const { t } = useI18n();
  const { has } = useSession();
  const units = useVisibleUnits();
  const set = (patch: Partial<AnalysisFilters>) => onChange({ ...filters, ...patch });
  return (
    <Flex wrap gap={12} align="center" data-testid="analysis-filters">
      <Typography.Text>{t('an.period')}</Typography.Text>
      <Select<Preset>
        aria-label={t('an.period')}
        value={filters.preset}
        style={{ width: 120 }}
        options={PRESETS.map((p) => ({ value: p, label: t(`an.preset.${p}`) }))}
        onChange={(preset) =>
          set(preset === 'custom' ? { preset } : { preset, ...presetRange(preset, dayjs()) })
        }
      />
      <DatePicker.RangePicker
        aria-label={t('an.preset.custom')}
        allowClear={false}
        value={[dayjs(filters.from), dayjs(filters.to)]}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to)
            set({ preset: 'custom', from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
        }}
      />
      <Typography.Text>{t('an.scope')}</Typography.Text>
      <TreeSelect
        aria-label={t('an.scope')}
        data-testid="analysis-scope"
        treeDataSimpleMode
        treeData={units.tree}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        // Those who see everything may clear the scope: the whole organisation.
        allowClear={has('executive', 'auditor', 'admin')}
        placeholder={units.whole ?? t('an.scope.all')}
        value={filters.unitId}
        onChange={(unitId?: number) => set({ unitId })}
        style={{ width: 220 }}
      />
      <Typography.Text>{t('an.level')}</Typography.Text>
      <Select<number>
        aria-label={t('an.level')}
        value={filters.level}
        style={{ width: 110 }}
        options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('an.levelN', { n }) }))}
        onChange={(level) => set({ level })}
      />
    </Flex>
  );
}
