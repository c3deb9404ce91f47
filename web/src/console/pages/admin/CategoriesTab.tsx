import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type Key, useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors } from './shared';

interface Category {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  nameZh: string;
  nameEn: string;
  path: string;
  sort: number;
  active: boolean;
}
interface CategoryNode extends Category {
  children?: CategoryNode[];
}
const MAX_LEVEL = 4;
const PRESETS = ['express', 'retail'] as const;

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

type Editing = { mode: 'create'; parent: CategoryNode | null } | { mode: 'edit'; category: Category };

/** 投诉分类: the category tree (up to four levels), its names in both languages, order and activity. */
export function CategoriesTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<Category[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: Category[] }>('/categories')).items);
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  const tree = useMemo(() => categoryTree(items ?? []), [items]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!items) return <Spin />;
  const label = (c: Category) => (locale === 'en' ? c.nameEn : c.nameZh);

  const loadPreset = async (name: string) => {
    try {
      const r = await api<{ added: number }>(`/categories/presets/${name}`, { method: 'POST' });
      message.success(t('admin.categories.presetLoaded', { n: r.added }));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.categories.help')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', parent: null })}
        >
          {t('admin.categories.new')}
        </Button>
        <Dropdown
          menu={{
            items: PRESETS.map((p) => ({ key: p, label: t(`admin.categories.preset.${p}`) })),
            onClick: (e) => void loadPreset(e.key),
          }}
        >
          <Button>{t('admin.categories.preset')}</Button>
        </Dropdown>
      </Space>
      <Table<CategoryNode>
        rowKey="id"
        dataSource={tree}
        pagination={false}
        size="small"
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
        columns={[
          { title: t('admin.categories.name'), key: 'name', render: (_, c) => label(c) },
          {
            title: t('admin.categories.code'),
            dataIndex: 'code',
            render: (code: string) => <code>{code}</code>,
          },
          { title: t('admin.categories.level'), dataIndex: 'level', width: 80 },
          { title: t('admin.categories.sort'), dataIndex: 'sort', width: 80 },
          {
            title: t('admin.status'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) =>
              a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', category: c })}>
                  {t('admin.edit')}
                </Button>
                {c.level < MAX_LEVEL && (
                  <Button size="small" onClick={() => setEditing({ mode: 'create', parent: c })}>
                    {t('admin.categories.addChild')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CategoryForm
          editing={editing}
          nextSort={
            editing.mode === 'create'
              ? Math.max(-1, ...(editing.parent?.children ?? tree).map((c) => c.sort)) + 1
              : 0
          }
          label={label}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            // A new sub-category shows at once: its parent opens.
            if (editing.mode === 'create' && editing.parent) {
              const parentId = editing.parent.id;
              setExpanded((keys) => (keys.includes(parentId) ? keys : [...keys, parentId]));
            }
            setEditing(null);
            await load();
          }}
        />
      )}
    </>
  );
}

interface CategoryValues {
  code: string;
  nameZh: string;
  nameEn: string;
  sort?: number;
  active?: boolean;
}
const CATEGORY_FIELDS = ['code', 'nameZh', 'nameEn', 'sort', 'active'] as const;

function CategoryForm(props: {
  editing: Editing;
  /** New categories go last among their siblings. */
  nextSort: number;
  label: (c: Category) => string;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { editing } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryValues>();
  const [saving, setSaving] = useState(false);
  const required = { required: true, message: t('admin.required') };
  const parent = editing.mode === 'create' ? editing.parent : null;

  const save = async (v: CategoryValues) => {
    setSaving(true);
    try {
      if (editing.mode === 'create') {
        await api('/categories', {
          body: {
            parentId: parent?.id ?? null,
            code: v.code,
            nameZh: v.nameZh,
            nameEn: v.nameEn,
            ...(v.sort !== undefined && v.sort !== null ? { sort: v.sort } : {}),
          },
        });
        message.success(t('admin.categories.created', { name: v.nameZh }));
      } else {
        await api(`/categories/${editing.category.id}`, {
          method: 'PATCH',
          body: { nameZh: v.nameZh, nameEn: v.nameEn, sort: v.sort ?? 0, active: v.active },
        });
        message.success(t('common.saved'));
      }
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, CATEGORY_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing.mode === 'create' ? t('admin.categories.new') : t('admin.categories.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="category"
        onFinish={save}
        initialValues={
          editing.mode === 'edit'
            ? {
                code: editing.category.code,
                nameZh: editing.category.nameZh,
                nameEn: editing.category.nameEn,
                sort: editing.category.sort,
                active: editing.category.active,
              }
            : { code: parent ? `${parent.code}.` : '', sort: props.nextSort }
        }
      >
        {parent && (
          <Form.Item label={t('admin.categories.parent')}>
            <Typography.Text>{props.label(parent)}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={t('admin.categories.code')}
          extra={t('admin.categories.codeHelp')}
          rules={[required]}
        >
          <Input disabled={editing.mode === 'edit'} maxLength={64} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('admin.categories.nameZh')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.categories.nameEn')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sort" label={t('admin.categories.sort')}>
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        {editing.mode === 'edit' && (
          <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
            <Switch checkedChildren={t('admin.active')} unCheckedChildren={t('admin.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
