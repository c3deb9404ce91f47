import { Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { maskName } from '../../../../../src/lib/mask-name';
import type { useI18n } from '../../../i18n';
import { Countdown } from './Countdown';
import type { ComplaintRow, Sort } from './model';
import { SNIPPET_WIDTH, Snippet } from './Snippet';

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

/** The server's orders each sortable column stands for: [ascending, descending]. */
export const COLUMN_SORTS: Record<string, [Sort, Sort | null]> = {
  deadline: ['dueAt', null],
  priority: ['priority', null],
  received: ['receivedAt', '-receivedAt'],
};

/**
 * A text held to a width, cut short with … and whole on hover. Held here: the table sizes its columns to
 * their content, whatever their `width` says.
 */
function Clipped({ text, width }: { text: string; width: number }) {
  return (
    <div
      title={text}
      style={{ maxWidth: width, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {text}
    </div>
  );
}

/** A cell of two facts, the second smaller and greyed, so the row needs no extra column for it. */
function TwoLines({ first, second }: { first: ReactNode; second: ReactNode }) {
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <div>{first}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {second}
      </Typography.Text>
    </div>
  );
}

/** The column and direction a server order shows as. */
function sortOrderOf(key: string, sort: Sort): SortOrder {
  const [asc, desc] = COLUMN_SORTS[key] ?? [];
  return sort === asc ? 'ascend' : sort === desc ? 'descend' : null;
}

/** The workbench's columns: the deadline stays in sight at the right edge, whatever the width. */
export function workbenchColumns(
  { t, term, locale }: Pick<ReturnType<typeof useI18n>, 't' | 'term' | 'locale'>,
  opts: { sort: Sort; searching: boolean; unitName(row: ComplaintRow): string },
): ColumnsType<ComplaintRow> {
  const sortable = (key: string) => {
    const [, desc] = COLUMN_SORTS[key] ?? [];
    return {
      sorter: true,
      sortOrder: sortOrderOf(key, opts.sort),
      sortDirections: (desc ? ['ascend', 'descend', 'ascend'] : ['ascend', 'ascend']) as SortOrder[],
      showSorterTooltip: false,
    };
  };
  return [
    {
      // The time received under the number (sorts by it): the row needs no column of its own for it.
      key: 'received',
      title: <TwoLines first={t('workbench.col.number')} second={t('workbench.col.received')} />,
      fixed: 'left',
      ...sortable('received'),
      render: (_, r) => (
        <TwoLines
          first={<Link to={`/complaints/${r.number}`}>{r.number}</Link>}
          second={dayjs(r.receivedAt).format('MM-DD HH:mm')}
        />
      ),
    },
    {
      key: 'title',
      title: t('workbench.col.title'),
      dataIndex: 'title',
      render: (title: string, r) =>
        r.snippet ? (
          <>
            <Clipped text={title} width={SNIPPET_WIDTH} />
            <Snippet snippet={r.snippet} />
          </>
        ) : (
          <Clipped text={title} width={140} />
        ),
    },
    {
      key: 'customer',
      title: <TwoLines first={t('workbench.col.customer')} second={t('workbench.col.channel')} />,
      render: (_, r) => (
        <TwoLines
          first={maskName(r.complainantName)}
          second={<Clipped text={term('channel', r.channel)} width={100} />}
        />
      ),
    },
    {
      key: 'status',
      title: t('workbench.col.status'),
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{term('status', r.status)}</Tag>,
    },
    {
      key: 'priority',
      title: t('workbench.col.priority'),
      ...sortable('priority'),
      render: (_, r) => (
        <Flex vertical align="start" gap={2}>
          <Tag color={PRIORITY_COLORS[r.priority]}>{term('priority', r.priority)}</Tag>
          {r.grade === 'major' && <Tag color="volcano">{term('grade', r.grade)}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('workbench.col.category'),
      render: (_, r) => (
        <Clipped text={(locale === 'en' ? r.category.nameEn : r.category.nameZh) ?? '—'} width={110} />
      ),
    },
    {
      key: 'unit',
      title: <TwoLines first={t('workbench.col.unit')} second={t('workbench.col.assignee')} />,
      render: (_, r) => (
        <TwoLines
          first={<Clipped text={opts.unitName(r)} width={110} />}
          second={
            r.assignee ? <span data-testid="assignee">{r.assignee.name}</span> : t('workbench.unassigned')
          }
        />
      ),
    },
    {
      key: 'deadline',
      title: t('workbench.col.deadline'),
      fixed: 'right',
      ...sortable('deadline'),
      render: (_, r) => <Countdown dueAt={r.dueAt} />,
    },
  ];
}
