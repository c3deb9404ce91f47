import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { createContext, type ReactNode, useState } from 'react';
import { useI18n } from '../../../../i18n';
import { QueryState } from '../../../components/QueryState';

type Query<D> = { data: D | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

/** What is being edited: a new row (with its defaults) or an existing one. */
export type Editing<T> = { mode: 'create'; defaults?: Partial<T> } | { mode: 'edit'; row: T };

/** The list's dialog knows from here whether it adds or edits, and how to close. */
export const EditorContext = createContext<{ isNew: boolean; close: () => void } | null>(null);

export interface CrudTableProps<T, D> {
  query: Query<D>;
  /** The rows of the loaded answer (a tree, a filter…); without it, the answer's `items`. */
  rows?: (data: D) => T[];
  /** Without it, `id`. */
  rowKey?: (keyof T & string) | ((row: T) => string);
  columns: ColumnsType<T>;
  /** A 状态 column (启用/停用) after the others, for rows with `active`. */
  activeColumn?: boolean;
  /** A line above the list saying what it is for. */
  help?: ReactNode;
  /** The add button's label; without it the list has no add button. */
  addLabel?: string;
  /** Row actions beside 编辑 (e.g. a ConfirmButton to delete). */
  actions?: (row: T, edit: (e: Editing<T>) => void) => ReactNode;
  /** Rows can be edited (an 编辑 button per row). */
  editable?: boolean | ((row: T) => boolean);
  /** The add/edit dialog (an EditModal) for what is being edited; close it with `close`. */
  editor?: (editing: Editing<T>, close: () => void) => ReactNode;
  /** More in the toolbar (search, filters…). */
  toolbar?: ReactNode;
  empty?: ReactNode;
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey'>;
}

/**
 * Every admin list: loading and failure through QueryState, a toolbar with an add button, a table
 * whose last column holds 编辑 and the row's own actions, and the add/edit dialog.
 */
export function CrudTable<T extends object, D>(props: CrudTableProps<T, D>) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing<T> | null>(null);
  const canEdit = (row: T) =>
    typeof props.editable === 'function' ? props.editable(row) : props.editable !== false;
  const hasActions = props.editable !== false || props.actions;
  const own: ColumnsType<T> = props.activeColumn
    ? [
        ...props.columns,
        {
          title: t('admin.status'),
          dataIndex: 'active',
          width: 90,
          render: (active: boolean) => <ActiveTag active={active} />,
        },
      ]
    : props.columns;
  const columns: ColumnsType<T> = hasActions
    ? [
        ...own,
        {
          title: t('admin.actions'),
          key: 'actions',
          render: (_, row) => (
            <Space wrap>
              {props.editor && canEdit(row) && (
                <Button size="small" onClick={() => setEditing({ mode: 'edit', row })}>
                  {t('admin.edit')}
                </Button>
              )}
              {props.actions?.(row, setEditing)}
            </Space>
          ),
        },
      ]
    : own;
  const rows = (data: D) => props.rows?.(data) ?? (data as { items: T[] }).items;

  return (
    <>
      {props.help && <Typography.Paragraph type="secondary">{props.help}</Typography.Paragraph>}
      {(props.addLabel || props.toolbar) && (
        <Space style={{ marginBottom: 16 }} wrap>
          {props.addLabel && props.editor && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              {props.addLabel}
            </Button>
          )}
          {props.toolbar}
        </Space>
      )}
      <QueryState query={props.query}>
        {(data) => (
          <Table<T>
            rowKey={props.rowKey ?? 'id'}
            dataSource={rows(data)}
            columns={columns}
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={props.empty ? { emptyText: props.empty } : undefined}
            {...props.table}
          />
        )}
      </QueryState>
      {editing && (
        <EditorContext.Provider value={{ isNew: editing.mode === 'create', close: () => setEditing(null) }}>
          {props.editor?.(editing, () => setEditing(null))}
        </EditorContext.Provider>
      )}
    </>
  );
}

/** The 启用/停用 tag of a row. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>;
}
