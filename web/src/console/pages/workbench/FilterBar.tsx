import { QuestionCircleOutlined } from '@ant-design/icons';
import type { InputRef } from 'antd';
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Select,
  Tag,
  Tooltip,
  TreeSelect,
} from 'antd';
import dayjs from 'dayjs';
import { type CSSProperties, type Ref, useMemo } from 'react';
import { maskName } from '../../../../../src/lib/mask-name';
import { useApi } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { categoryTree, useCategories } from '../../components/categories';
import { useUnits } from '../../components/units';
import { useSession } from '../../session';
import { CUSTOMER_READERS } from '../customers/levels';
import { CHANNELS, type Filters, GRADES, PRIORITIES, STATUSES, type Tab } from './model';

interface Props {
  tab: Tab;
  filters: Filters;
  searchRef: Ref<InputRef>;
  onChange(filters: Filters): void;
}

type Vocabulary = 'status' | 'priority' | 'grade' | 'channel';

/** The list filters of the API. */
export function FilterBar({ tab, filters, searchRef, onChange }: Props) {
  const { t, term, locale } = useI18n();
  const categories = useCategories();
  const tree = useMemo(() => categoryTree(categories, locale === 'en'), [categories, locale]);
  const units = useUnits();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  /** A filter on one of the list's vocabularies, several codes at once unless `multiple` is false. */
  const vocabulary = (group: Vocabulary, codes: readonly string[], style: CSSProperties, multiple = true) => (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      maxTagCount="responsive"
      aria-label={t(`workbench.filter.${group}`)}
      placeholder={t(`workbench.filter.${group}`)}
      options={codes.map((code) => ({ value: code, label: term(group, code) }))}
      value={filters[group] ?? (multiple ? [] : undefined)}
      onChange={(value: Filters[Vocabulary]) => set({ [group]: value })}
      style={style}
    />
  );
  return (
    <Flex wrap gap={8} align="center" data-testid="filter-bar">
      <Input.Search
        ref={searchRef}
        allowClear
        aria-label={t('common.search')}
        placeholder={t('workbench.filter.q')}
        defaultValue={filters.q}
        key={filters.q ?? ''}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 380 }}
      />
      <Tooltip
        title={
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            <li>{t('search.syntax.words')}</li>
            <li>{t('search.syntax.phrase')}</li>
            <li>{t('search.syntax.exclude')}</li>
            <li>{t('search.syntax.numbers')}</li>
          </ul>
        }
      >
        <QuestionCircleOutlined
          aria-label={t('search.syntax')}
          data-testid="search-syntax"
          style={{ color: 'rgba(0,0,0,0.45)', marginInlineStart: -4 }}
        />
      </Tooltip>
      {tab !== 'mine' && vocabulary('status', STATUSES, { minWidth: 180 })}
      {vocabulary('priority', PRIORITIES, { minWidth: 150 })}
      {vocabulary('grade', GRADES, { width: 110 }, false)}
      {vocabulary('channel', CHANNELS, { minWidth: 150 })}
      <TreeSelect
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        aria-label={t('workbench.filter.category')}
        placeholder={t('workbench.filter.category')}
        treeData={tree}
        value={filters.categoryId}
        onChange={(categoryId) => set({ categoryId })}
        style={{ width: 200 }}
      />
      {tab === 'all' && (
        <TreeSelect
          allowClear
          treeDataSimpleMode
          showSearch={{ treeNodeFilterProp: 'title' }}
          aria-label={t('workbench.filter.unit')}
          placeholder={t('workbench.filter.unit')}
          treeData={units.map((u) => ({ id: u.id, pId: u.parentId, value: u.id, title: u.label }))}
          value={filters.unitId}
          onChange={(unitId?: number) => set({ unitId })}
          style={{ width: 180 }}
        />
      )}
      <DatePicker.RangePicker
        aria-label={t('workbench.filter.received')}
        placeholder={[t('workbench.filter.receivedFrom'), t('workbench.filter.receivedTo')]}
        value={[
          filters.receivedFrom ? dayjs(filters.receivedFrom) : null,
          filters.receivedTo ? dayjs(filters.receivedTo).subtract(1, 'day') : null,
        ]}
        onChange={(range) =>
          set({
            receivedFrom: range?.[0]?.startOf('day').toISOString(),
            // The API's upper bound is exclusive: the day after the last day picked.
            receivedTo: range?.[1]?.startOf('day').add(1, 'day').toISOString(),
          })
        }
      />
      <InputNumber
        min={1}
        max={100000}
        aria-label={t('workbench.filter.dueWithin')}
        placeholder={t('workbench.filter.dueWithin')}
        value={filters.dueWithin ?? null}
        onChange={(v) => set({ dueWithin: v ?? undefined })}
        style={{ width: 170 }}
      />
      <Checkbox checked={!!filters.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
        {t('workbench.filter.overdue')}
      </Checkbox>
      <Checkbox checked={!!filters.repeat} onChange={(e) => set({ repeat: e.target.checked || undefined })}>
        {t('workbench.filter.repeat')}
      </Checkbox>
      {filters.customerId && (
        <CustomerFilter id={filters.customerId} onClear={() => set({ customerId: undefined })} />
      )}
      <Button onClick={() => onChange({})}>{t('workbench.filter.reset')}</Button>
    </Flex>
  );
}

/** One customer's complaints: the customer named (by number for a role that may not read profiles). */
function CustomerFilter({ id, onClear }: { id: number; onClear(): void }) {
  const { t } = useI18n();
  const { has } = useSession();
  const profile = useApi(
    '/customers/:id',
    { params: { id }, query: {} },
    { enabled: has(...CUSTOMER_READERS) },
  );
  return (
    <Tag closable onClose={onClear} data-testid="customer-filter">
      {t('workbench.filter.customer', { name: profile.data ? maskName(profile.data.name) : `#${id}` })}
    </Tag>
  );
}
