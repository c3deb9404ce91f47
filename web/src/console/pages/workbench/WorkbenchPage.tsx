import {
  Button,
  Flex,
  Form,
  Input,
  type InputRef,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useSession } from '../../session';
import { type BulkKind, BulkModal } from './BulkModal';
import { Countdown } from './Countdown';
import { FilterBar } from './FilterBar';
import {
  type Category,
  type ComplaintRow,
  type Filters,
  type ListPage,
  listPath,
  loadState,
  loadViews,
  type SavedView,
  type StaffUser,
  storeState,
  storeViews,
  type Tab,
  type Unit,
} from './model';
import { Snippet } from './Snippet';

const STATUS_COLORS: Record<string, string> = {
  received: 'default',
  accepted: 'cyan',
  assigned: 'blue',
  investigating: 'processing',
  waiting_customer: 'gold',
  proposed: 'purple',
  approved: 'geekblue',
  replied: 'lime',
  resolved: 'success',
  invalid: 'default',
  merged: 'default',
  withdrawn: 'default',
  closed: 'default',
};
const PRIORITY_COLORS: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };

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

  const [tab, setTab] = useState<Tab>(
    () => loadState(userId).tab ?? (has('agent', 'handler') ? 'mine' : 'unit'),
  );
  // The text search lives in the URL (?q=…: a link to a search, back and forward); the other filters in the session.
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const [stored] = useState(() => loadState(userId).filters ?? {});
  const [otherFilters, setOtherFilters] = useState<Filters>(() => {
    const { q: _q, ...rest } = stored;
    return rest;
  });
  const filters = useMemo<Filters>(() => (q ? { ...otherFilters, q } : otherFilters), [otherFilters, q]);
  const setFilters = useCallback(
    ({ q: next, ...rest }: Filters) => {
      setOtherFilters(rest);
      const text = next?.trim() || undefined;
      // A new search is a step in the history (Back returns to the one before).
      if (text !== q)
        setParams((prev) => {
          const url = new URLSearchParams(prev);
          if (text) url.set('q', text);
          else url.delete('q');
          return url;
        });
    },
    [setParams, q],
  );
  const [rows, setRows] = useState<ComplaintRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reload, setReload] = useState(0);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [directory, setDirectory] = useState<StaffUser[] | null>(null);
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [view, setView] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const [viewForm] = Form.useForm<{ name: string }>();
  const searchRef = useRef<InputRef>(null);
  const request = useRef(0);

  useEffect(() => {
    api<{ items: Unit[] }>('/units').then((r) => setUnits(r.items));
    api<{ items: Category[] }>('/categories').then((r) => setCategories(r.items.filter((c) => c.active)));
    // Colleagues to assign to (GET /staff: active staff of every unit, without contact details).
    api<{ items: Array<{ id: number; displayName: string; unitId: number }> }>('/staff').then((r) =>
      setDirectory(r.items.map((s) => ({ ...s, active: true }))),
    );
  }, []);

  useEffect(() => storeState(userId, { tab, filters }), [userId, tab, filters]);
  // Back on the workbench without a search in the URL (the menu): the session's search, like its filters.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (stored.q && !params.has('q'))
      setParams({ ...Object.fromEntries(params), q: stored.q }, { replace: true });
  }, []);

  // The first page whenever the tab or a filter changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh first page
  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    api<ListPage>(listPath(tab, filters, user?.unitId ?? 0))
      .then((page) => {
        if (id !== request.current) return;
        setRows(page.items);
        setNextCursor(page.nextCursor);
        setActive(0);
        setSelected([]);
      })
      .finally(() => id === request.current && setLoading(false));
  }, [tab, filters, user?.unitId, reload]);

  const loadMore = async () => {
    if (!nextCursor) return;
    const id = request.current;
    setLoading(true);
    try {
      const page = await api<ListPage>(listPath(tab, filters, user?.unitId ?? 0, nextCursor));
      if (id !== request.current) return;
      setRows((r) => [...r, ...page.items]);
      setNextCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  };

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

  const unitName = useCallback(
    (row: ComplaintRow) => {
      const unit = units.find((u) => u.id === row.unit.id);
      return unit ? (locale === 'en' ? unit.nameEn : unit.name) : (row.unit.name ?? '—');
    },
    [units, locale],
  );

  // Whom a bulk assignment may pick: the directory for administrators, otherwise the people in sight.
  const people = useMemo<StaffUser[]>(() => {
    if (directory) return directory;
    const seen = new Map<number, StaffUser>();
    if (user)
      seen.set(user.userId, {
        id: user.userId,
        displayName: user.displayName,
        unitId: user.unitId,
        active: true,
      });
    for (const r of rows)
      if (r.assignee && !seen.has(r.assignee.id))
        seen.set(r.assignee.id, {
          id: r.assignee.id,
          displayName: r.assignee.name ?? String(r.assignee.id),
          unitId: null,
          active: true,
        });
    return [...seen.values()];
  }, [directory, rows, user]);

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setView(undefined);
  };
  const pickView = (name?: string) => {
    setView(name);
    const v = views.find((x) => x.name === name);
    if (v) {
      setTab(v.tab);
      setFilters(v.filters);
    }
  };
  const saveView = ({ name }: { name: string }) => {
    const next = [...views.filter((v) => v.name !== name.trim()), { name: name.trim(), tab, filters }];
    setViews(next);
    storeViews(userId, next);
    setView(name.trim());
    setNaming(false);
    viewForm.resetFields();
  };
  const deleteView = () => {
    const next = views.filter((v) => v.name !== view);
    setViews(next);
    storeViews(userId, next);
    setView(undefined);
  };

  const columns: ColumnsType<ComplaintRow> = [
    {
      key: 'number',
      title: t('workbench.col.number'),
      dataIndex: 'number',
      render: (n: string) => (
        <Link to={`/complaints/${n}`} style={{ whiteSpace: 'nowrap' }}>
          {n}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('workbench.col.title'),
      dataIndex: 'title',
      ellipsis: !filters.q,
      render: (title: string, r) =>
        r.snippet ? (
          <>
            <div>{title}</div>
            <Snippet snippet={r.snippet} />
          </>
        ) : (
          title
        ),
    },
    {
      key: 'status',
      title: t('workbench.col.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{term('status', s)}</Tag>,
    },
    {
      key: 'priority',
      title: t('workbench.col.priority'),
      dataIndex: 'priority',
      render: (p: string) => <Tag color={PRIORITY_COLORS[p]}>{term('priority', p)}</Tag>,
    },
    {
      key: 'grade',
      title: t('workbench.col.grade'),
      dataIndex: 'grade',
      render: (g: string) =>
        g === 'major' ? <Tag color="volcano">{term('grade', g)}</Tag> : term('grade', g),
    },
    {
      key: 'category',
      title: t('workbench.col.category'),
      render: (_, r) => (locale === 'en' ? r.category.nameEn : r.category.nameZh) ?? '—',
    },
    { key: 'unit', title: t('workbench.col.unit'), render: (_, r) => unitName(r) },
    {
      key: 'assignee',
      title: t('workbench.col.assignee'),
      render: (_, r) =>
        r.assignee ? (
          <span data-testid="assignee">{r.assignee.name}</span>
        ) : (
          <Typography.Text type="secondary">{t('workbench.unassigned')}</Typography.Text>
        ),
    },
    {
      key: 'received',
      title: t('workbench.col.received'),
      dataIndex: 'receivedAt',
      render: (v: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dayjs(v).format('YYYY-MM-DD HH:mm')}</span>
      ),
    },
    {
      key: 'deadline',
      title: t('workbench.col.deadline'),
      dataIndex: 'dueAt',
      render: (v: string | null) => <Countdown dueAt={v} />,
    },
  ];

  const selectedRows = rows.filter((r) => selected.includes(r.number));

  return (
    <Flex vertical gap={12} data-testid="workbench">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('workbench.views.placeholder')}
            placeholder={t('workbench.views.placeholder')}
            value={view}
            options={views.map((v) => ({ value: v.name, label: v.name }))}
            onChange={pickView}
            style={{ width: 200 }}
            data-testid="saved-views"
          />
          <Button onClick={() => setNaming(true)}>{t('workbench.views.save')}</Button>
          <Button danger disabled={!view} onClick={deleteView}>
            {t('workbench.views.delete')}
          </Button>
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Tab);
          setView(undefined);
        }}
        items={[
          { key: 'mine', label: t('workbench.tab.mine') },
          { key: 'unit', label: t('workbench.tab.unit') },
          { key: 'all', label: t('workbench.tab.all') },
        ]}
      />
      <FilterBar
        tab={tab}
        filters={filters}
        categories={categories}
        searchRef={searchRef}
        onChange={changeFilters}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          {canBulk && (
            <>
              <Button type="primary" disabled={!selected.length} onClick={() => setBulk('assign')}>
                {t('workbench.bulk.assign')}
              </Button>
              <Button disabled={!selected.length} onClick={() => setBulk('transfer')}>
                {t('workbench.bulk.transfer')}
              </Button>
              {selected.length > 0 && (
                <Typography.Text type="secondary">
                  {t('workbench.selected', { count: selected.length })}
                </Typography.Text>
              )}
            </>
          )}
        </Space>
        <Typography.Text type="secondary">{t('workbench.keyboard')}</Typography.Text>
      </Flex>
      <Table<ComplaintRow>
        rowKey="number"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Flex vertical align="center" gap={8}>
              <span data-testid="empty-result">
                {filters.q ? t('search.noResults', { q: filters.q }) : t('workbench.empty')}
              </span>
              {filters.q && tab !== 'all' && (
                <Button
                  onClick={() => {
                    setTab('all');
                    setView(undefined);
                  }}
                >
                  {t('search.inAll')}
                </Button>
              )}
            </Flex>
          ),
        }}
        rowSelection={
          canBulk
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
            : undefined
        }
        onRow={(row, index) => ({
          onClick: () => setActive(index ?? 0),
          onDoubleClick: () => open(row),
          'aria-selected': index === active,
          'data-active': index === active ? 'true' : undefined,
          style: index === active ? { boxShadow: 'inset 3px 0 0 #c4302b' } : undefined,
        })}
      />
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">{t('workbench.count', { count: rows.length })}</Typography.Text>
        {nextCursor ? (
          <Button onClick={loadMore} loading={loading}>
            {t('common.more')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('workbench.noMore')}</Typography.Text>
        )}
      </Flex>
      <BulkModal
        kind={bulk}
        rows={selectedRows}
        units={units}
        users={people}
        onClose={(changed) => {
          setBulk(null);
          if (changed) setReload((n) => n + 1);
        }}
      />
      <Modal
        open={naming}
        title={t('workbench.views.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => viewForm.submit()}
        onCancel={() => setNaming(false)}
        forceRender
      >
        <Form form={viewForm} layout="vertical" onFinish={saveView}>
          <Form.Item
            name="name"
            label={t('workbench.views.name')}
            rules={[{ required: true, whitespace: true, message: t('workbench.views.nameRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
