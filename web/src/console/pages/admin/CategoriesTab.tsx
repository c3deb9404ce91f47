import { App, Button, Dropdown, Form, Input, InputNumber, Typography } from 'antd';
import { type Key, useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { activeField, type FieldSpec, FormFields } from './crud/FormFields';
import { errorText } from './crud/setting';
import type { Answer, Category } from './shared';

interface CategoryNode extends Category {
  children?: CategoryNode[];
}
const MAX_LEVEL = 4;
const PRESETS = ['express', 'retail'] as const;
const invalidates = ['/categories' as const];

function categoryTree(items: Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>(items.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  const sorted = [...nodes.values()].sort((a, b) => a.sort - b.sort || a.id - b.id);
  for (const node of sorted) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) {
      parent.children = [...(parent.children ?? []), node];
    } else roots.push(node);
  }
  return roots;
}

/** 投诉分类: the category tree (up to four levels), its names in both languages, order and activity. */
export function CategoriesTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const categories = useApi('/categories', {});
  const preset = useApiMutation('POST', '/categories/presets/:name', { invalidates });
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const label = (c: Category) => (locale === 'en' ? c.nameEn : c.nameZh);

  const loadPreset = async (name: string) => {
    try {
      const r = await preset.mutateAsync({ params: { name } });
      message.success(t('admin.categories.presetLoaded', { n: r.added }));
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <CrudTable<CategoryNode, Answer<'/categories'>>
      help={t('admin.categories.help')}
      query={categories}
      rows={(d) => categoryTree(d.items)}
      activeColumn
      addLabel={t('admin.categories.new')}
      toolbar={
        <Dropdown
          menu={{
            items: PRESETS.map((p) => ({ key: p, label: t(`admin.categories.preset.${p}`) })),
            onClick: (e) => void loadPreset(e.key),
          }}
        >
          <Button>{t('admin.categories.preset')}</Button>
        </Dropdown>
      }
      table={{
        pagination: false,
        size: 'small',
        expandable: { expandedRowKeys: expanded, onExpandedRowsChange: setExpanded },
      }}
      columns={[
        { title: t('admin.categories.name'), key: 'name', render: (_, c) => label(c) },
        {
          title: t('admin.categories.code'),
          dataIndex: 'code',
          render: (code: string) => <code>{code}</code>,
        },
        { title: t('admin.categories.level'), dataIndex: 'level', width: 80 },
        { title: t('admin.categories.sort'), dataIndex: 'sort', width: 80 },
      ]}
      actions={(c, edit) =>
        c.level < MAX_LEVEL && (
          <Button size="small" onClick={() => edit({ mode: 'create', defaults: { parentId: c.id } })}>
            {t('admin.categories.addChild')}
          </Button>
        )
      }
      editor={(editing) => (
        <CategoryModal
          editing={editing}
          tree={categoryTree(categories.data?.items ?? [])}
          label={label}
          // A new sub-category shows at once: its parent opens.
          onCreated={(parentId) =>
            setExpanded((keys) => (keys.includes(parentId) ? keys : [...keys, parentId]))
          }
        />
      )}
    />
  );
}

interface CategoryValues {
  code: string;
  nameZh: string;
  nameEn: string;
  sort?: number;
  active?: boolean;
}

const findNode = (nodes: CategoryNode[], id: number): CategoryNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findNode(n.children ?? [], id);
    if (below) return below;
  }
  return undefined;
};

function CategoryModal(props: {
  editing: Editing<CategoryNode>;
  tree: CategoryNode[];
  label: (c: Category) => string;
  onCreated: (parentId: number) => void;
}) {
  const { editing } = props;
  const { t } = useI18n();
  const create = useApiMutation('POST', '/categories', { invalidates });
  const change = useApiMutation('PATCH', '/categories/:id', { invalidates });
  const category = editing.mode === 'edit' ? editing.row : null;
  const parentId = editing.mode === 'create' ? editing.defaults?.parentId : undefined;
  const parent = parentId ? findNode(props.tree, parentId) : undefined;
  // New categories go last among their siblings.
  const nextSort = Math.max(-1, ...(parent?.children ?? props.tree).map((c) => c.sort)) + 1;

  const submit = async (v: CategoryValues) => {
    if (category)
      return change.mutateAsync({
        params: { id: category.id },
        body: { nameZh: v.nameZh, nameEn: v.nameEn, sort: v.sort ?? 0, active: v.active },
      });
    const sort = v.sort !== undefined && v.sort !== null ? { sort: v.sort } : {};
    await create.mutateAsync({
      body: { parentId: parent?.id ?? null, code: v.code, nameZh: v.nameZh, nameEn: v.nameEn, ...sort },
    });
    if (parent) props.onCreated(parent.id);
  };

  const texts = {
    create: t('admin.categories.new'),
    edit: t('admin.categories.edit'),
    created: (v: CategoryValues) => t('admin.categories.created', { name: v.nameZh }),
  };
  const initial = category ?? { code: parent ? `${parent.code}.` : '', sort: nextSort };
  const name = (key: 'nameZh' | 'nameEn'): FieldSpec => ({
    name: key,
    label: t(`admin.categories.${key}`),
    required: true,
    input: <Input maxLength={100} />,
  });
  return (
    <EditModal name="category" texts={texts} initialValues={initial} onSubmit={submit}>
      {parent && (
        <Form.Item label={t('admin.categories.parent')}>
          <Typography.Text>{props.label(parent)}</Typography.Text>
        </Form.Item>
      )}
      <FormFields
        fields={[
          {
            name: 'code',
            label: t('admin.categories.code'),
            extra: t('admin.categories.codeHelp'),
            required: true,
            input: <Input disabled={!!category} maxLength={64} />,
          },
          name('nameZh'),
          name('nameEn'),
          {
            name: 'sort',
            label: t('admin.categories.sort'),
            input: <InputNumber precision={0} style={{ width: 160 }} />,
          },
          !!category && activeField(t),
        ]}
      />
    </EditModal>
  );
}
