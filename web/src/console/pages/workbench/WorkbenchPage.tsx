import { Button, Flex, type InputRef, Table, Tabs, Typography } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import { onDemand } from '../../components/on-demand';
import { QueryError } from '../../components/QueryState';
import { useUnitName } from '../../components/units';
import { useSession } from '../../session';
import { BulkActions } from './BulkActions';
import type { BulkKind } from './BulkModal';
import { COLUMN_SORTS, workbenchColumns } from './columns';
import { ExportList } from './ExportList';
import { FilterBar } from './FilterBar';
import {
  type ComplaintRow,
  DEFAULT_SORT,
  type Filters,
  filtersFromUrl,
  loadState,
  type SavedView,
  type Sort,
  storeState,
  type Tab,
  URL_FILTERS,
} from './model';
import { SavedViews } from './SavedViews';
import { useComplaintList } from './useComplaintList';

// The bulk dialog (and Ant Design's Form) is not part of the first page: fetched once rows are selected.
const BulkModal = onDemand(() => import('./BulkModal').then((m) => ({ default: m.BulkModal })));
// 发起整改 for the selected complaints, fetched when opened.
const NewAction = onDemand(() =>
  import('../corrective-actions/NewActionModal').then((m) => ({ default: m.NewActionModal })),
);

/** Is the key press meant for a text field (so the page's shortcuts stay out of the way)? */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export default function WorkbenchPage() {
  const { t, term, locale } = useI18n();
  const { user, has } = useSession();
  const navigate = useNavigate();
  const userId = user?.userId ?? 0;
  const canBulk = has('supervisor', 'manager');

  // The text search lives in the URL (?q=…: a link to a search, back and forward); the other filters in
  // the session, unless the address names them (a drill-down from the analysis, a dashboard figure):
  // then exactly those, on the 全部 tab, until they are changed.
  const [params, setParams] = useSearchParams();
  const [linked] = useState(() => filtersFromUrl(params));
  const [tab, setTab] = useState<Tab>(() =>
    linked ? 'all' : (loadState(userId).tab ?? (has('agent', 'handler') ? 'mine' : 'unit')),
  );
  const q = params.get('q')?.trim() || undefined;
  const [stored] = useState(() => loadState(userId).filters ?? {});
  const [otherFilters, setOtherFilters] = useState<Filters>(() => {
    if (linked) return linked;
    const { q: _q, ...rest } = stored;
    return rest;
  });
  const filters = useMemo<Filters>(() => (q ? { ...otherFilters, q } : otherFilters), [otherFilters, q]);
  const setFilters = useCallback(
    ({ q: next, ...rest }: Filters) => {
      setOtherFilters(rest);
      const text = next?.trim() || undefined;
      const named = URL_FILTERS.some((k) => params.has(k));
      // A new search is a step in the history (Back returns to the one before); changed filters only
      // drop those the address named.
      if (text !== q || named)
        setParams(
          (prev) => {
            const url = new URLSearchParams(prev);
            for (const k of URL_FILTERS) url.delete(k);
            if (text) url.set('q', text);
            else url.delete('q');
            return url;
          },
          { replace: text === q },
        );
    },
    [setParams, q, params],
  );
  const [sort, setSort] = useState<Sort>(() => loadState(userId).sort ?? DEFAULT_SORT);
  const list = useComplaintList(tab, filters, user?.unitId ?? 0, sort);
  const { rows, hasMore, loading } = list;
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  // Mounted from the first bulk action on, so that closing animates.
  const [bulkOpened, setBulkOpened] = useState(false);
  const [grouping, setGrouping] = useState(false);
  const nameOfUnit = useUnitName();
  const [view, setView] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const searchRef = useRef<InputRef>(null);

  useEffect(() => storeState(userId, { tab, filters, sort }), [userId, tab, filters, sort]);
  // Back on the workbench without a search in the URL (the menu): the session's search, like its filters.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (stored.q && !params.has('q') && !linked)
      setParams({ ...Object.fromEntries(params), q: stored.q }, { replace: true });
  }, []);

  // A new list: the first row is the picked one, nothing is selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list's tab, filters or order change
  useEffect(() => {
    setActive(0);
    setSelected([]);
  }, [tab, filters, sort]);

  // Keyboard: "/" focuses the search, ↑/↓ pick a row, Enter opens it.
  const open = useCallback((row?: ComplaintRow) => row && navigate(`/complaints/${row.number}`), [navigate]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || bulk || naming || e.ctrlKey || e.metaKey || e.altKey) return;
      // Buttons, links and tabs keep their own Enter and arrow keys.
      const control =
        e.target instanceof Element && e.target.closest('button, a, [role="tab"], [role="dialog"]');
      if (control && e.key !== '/') return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
      } else if (e.key === 'Enter' && rows[active]) {
        e.preventDefault();
        open(rows[active]);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rows, active, bulk, naming, open]);

  const unitName = (row: ComplaintRow) => nameOfUnit(row.unit.id, row.unit.name);

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setView(undefined);
  };
  const changeTab = (k: Tab) => {
    setTab(k);
    setView(undefined);
  };
  const pickView = (v?: SavedView) => {
    setView(v?.name);
    if (v) {
      setTab(v.tab);
      setFilters(v.filters);
    }
  };
  const columns = workbenchColumns({ t, term, locale }, { sort, searching: !!filters.q, unitName });

  const selectedRows = rows.filter((r) => selected.includes(r.number));

  return (
    <Flex vertical gap={12} data-testid="workbench">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <SavedViews
          userId={userId}
          tab={tab}
          filters={filters}
          view={view}
          onPick={pickView}
          onNaming={setNaming}
        />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => changeTab(k as Tab)}
        items={[
          { key: 'mine', label: t('workbench.tab.mine') },
          { key: 'unit', label: t('workbench.tab.unit') },
          { key: 'all', label: t('workbench.tab.all') },
        ]}
      />
      <FilterBar tab={tab} filters={filters} searchRef={searchRef} onChange={changeFilters} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        {canBulk ? (
          <BulkActions
            selected={selectedRows}
            onStart={(kind) => {
              setBulkOpened(true);
              setBulk(kind);
            }}
            onCorrectiveAction={() => setGrouping(true)}
          />
        ) : (
          <span />
        )}
        <Flex align="center" gap={12}>
          <Typography.Text type="secondary">{t('workbench.keyboard')}</Typography.Text>
          {tab !== 'mine' && (
            <ExportList tab={tab} filters={filters} unitId={user?.unitId ?? 0} sort={sort} />
          )}
        </Flex>
      </Flex>
      {list.error && <QueryError error={list.error} retry={list.refresh} />}
      <Table<ComplaintRow>
        rowKey="number"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={(_p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const [asc, desc] = COLUMN_SORTS[String(one?.columnKey)] ?? [];
          // A column clicked again in a direction it lacks goes back to the default (most urgent first).
          setSort((one?.order === 'descend' ? desc : asc) ?? DEFAULT_SORT);
        }}
        locale={{
          emptyText: (
            <Flex vertical align="center" gap={8}>
              <span data-testid="empty-result">
                {filters.q ? t('search.noResults', { q: filters.q }) : t('workbench.empty')}
              </span>
              {filters.q && tab !== 'all' && (
                <Button onClick={() => changeTab('all')}>{t('search.inAll')}</Button>
              )}
            </Flex>
          ),
        }}
        rowSelection={
          canBulk
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => {
                  BulkModal.prefetch();
                  setSelected(keys.map(String));
                },
              }
            : undefined
        }
        onRow={(row, index) => ({
          onClick: () => setActive(index ?? 0),
          onDoubleClick: () => open(row),
          'aria-selected': index === active,
          'data-active': index === active ? 'true' : undefined,
          style: index === active ? { boxShadow: 'inset 3px 0 0 #1f5fa8' } : undefined,
        })}
      />
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">{t('workbench.count', { count: rows.length })}</Typography.Text>
        {hasMore ? (
          <Button onClick={list.loadMore} loading={loading}>
            {t('common.more')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('workbench.noMore')}</Typography.Text>
        )}
      </Flex>
      {grouping && (
        <Suspense fallback={null}>
          <NewAction.Component
            numbers={selectedRows.map((r) => r.number)}
            unitId={user?.unitId}
            onClose={() => setGrouping(false)}
            onCreated={(id: number) => navigate(`/corrective-actions/${id}`)}
          />
        </Suspense>
      )}
      {bulkOpened && (
        <Suspense fallback={null}>
          <BulkModal.Component kind={bulk} rows={selectedRows} onClose={() => setBulk(null)} />
        </Suspense>
      )}
    </Flex>
  );
}
