import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { PRIORITIES } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors } from './shared';

const STAGES = [
  'register',
  'dispatch',
  'first_response',
  'evidence_request',
  'investigation',
  'approval',
  'reply',
  'archive',
  'whole',
] as const;
const MODES = ['working', 'clock'] as const;
type Mode = (typeof MODES)[number];

interface Limit {
  mode: Mode;
  minutes: number;
}
interface Policy extends Limit {
  id: number;
  stage: string;
  categoryId: number | null;
  priority: string | null;
}
interface Policies {
  defaults: Record<string, Limit & { urgent?: Limit }>;
  items: Policy[];
}
type DefaultRow = Limit & { stage: string; urgent?: Limit };
interface Category {
  id: number;
  parentId: number | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
}
interface CategoryOption {
  value: number;
  title: string;
  children?: CategoryOption[];
}

/** 时限策略: the default limit of each stage, and the admin's limits per stage × category × priority. */
export function SlaTab() {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [data, setData] = useState<Policies | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    try {
      const [p, c] = await Promise.all([
        api<Policies>('/sla-policies'),
        api<{ items: Category[] }>('/categories'),
      ]);
      setData(p);
      setCategories(c.items);
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const categoryName = useMemo(() => {
    const byId = new Map(categories.map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]));
    return (id: number | null) => (id === null ? t('admin.sla.any') : (byId.get(id) ?? String(id)));
  }, [categories, locale, t]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!data) return <Spin />;

  const duration = (minutes: number) => {
    if (minutes % 1440 === 0) return t('admin.duration.days', { n: minutes / 1440 });
    if (minutes % 60 === 0) return t('admin.duration.hours', { n: minutes / 60 });
    return t('admin.duration.minutes', { n: minutes });
  };
  const limitText = (l: Limit) => `${duration(l.minutes)} · ${t(`admin.sla.mode.${l.mode}`)}`;

  const remove = async (p: Policy) => {
    try {
      await api(`/sla-policies/${p.id}`, { method: 'DELETE' });
      message.success(t('admin.sla.deleted'));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5}>{t('admin.sla.policies')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.sla.policiesHelp')}</Typography.Paragraph>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 16 }}
        >
          {t('admin.sla.new')}
        </Button>
        <Table<Policy>
          rowKey="id"
          dataSource={data.items}
          pagination={false}
          size="middle"
          locale={{ emptyText: t('admin.sla.empty') }}
          columns={[
            { title: t('admin.sla.stage'), dataIndex: 'stage', render: (s: string) => term('stage', s) },
            { title: t('admin.sla.category'), dataIndex: 'categoryId', render: categoryName },
            {
              title: t('admin.sla.priority'),
              dataIndex: 'priority',
              render: (p: string | null) => (p ? term('priority', p) : t('admin.sla.any')),
            },
            { title: t('admin.sla.limit'), key: 'limit', render: (_, p) => limitText(p) },
            {
              title: t('admin.actions'),
              key: 'actions',
              render: (_, p) => (
                <Popconfirm
                  title={t('admin.sla.deleteConfirm')}
                  okText={t('admin.sla.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(p)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('admin.sla.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('admin.sla.defaults')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin.sla.defaultsHelp')}</Typography.Paragraph>
        <Table<DefaultRow>
          rowKey="stage"
          dataSource={STAGES.flatMap((s) => {
            const d = data.defaults[s];
            return d ? [{ stage: s, ...d }] : [];
          })}
          pagination={false}
          size="small"
          columns={[
            { title: t('admin.sla.stage'), dataIndex: 'stage', render: (s: string) => term('stage', s) },
            { title: t('admin.sla.limit'), key: 'limit', render: (_, d) => limitText(d) },
            {
              title: t('admin.sla.urgent'),
              dataIndex: 'urgent',
              render: (u?: Limit) => (u ? <Tag color="red">{limitText(u)}</Tag> : '—'),
            },
          ]}
        />
      </div>
      {adding && (
        <PolicyForm
          categories={categories}
          onClose={() => setAdding(false)}
          onSaved={async () => {
            setAdding(false);
            await load();
          }}
        />
      )}
    </Space>
  );
}

interface PolicyValues {
  stage: string;
  categoryId?: number;
  priority?: string;
  mode: Mode;
  minutes: number;
}
const POLICY_FIELDS = ['stage', 'categoryId', 'priority', 'mode', 'minutes'] as const;

function PolicyForm(props: { categories: Category[]; onClose(): void; onSaved(): Promise<void> }) {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => {
    const label = (c: Category) => (locale === 'en' ? c.nameEn : c.nameZh);
    const build = (parentId: number | null): CategoryOption[] =>
      props.categories
        .filter((c) => c.parentId === parentId && c.active)
        .map((c) => {
          const children = build(c.id);
          return { value: c.id, title: label(c), ...(children.length ? { children } : {}) };
        });
    return build(null);
  }, [props.categories, locale]);
  const required = { required: true, message: t('admin.required') };

  const save = async (v: PolicyValues) => {
    setSaving(true);
    try {
      await api('/sla-policies', {
        method: 'PUT',
        body: {
          stage: v.stage,
          categoryId: v.categoryId ?? null,
          priority: v.priority ?? null,
          mode: v.mode,
          minutes: v.minutes,
        },
      });
      message.success(t('admin.sla.saved'));
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, POLICY_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('admin.sla.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="policy"
        onFinish={save}
        initialValues={{ mode: 'working', minutes: 60 }}
      >
        <Form.Item name="stage" label={t('admin.sla.stage')} rules={[required]}>
          <Select options={STAGES.map((s) => ({ value: s, label: term('stage', s) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('admin.sla.category')}>
          <TreeSelect
            treeData={tree}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('admin.sla.any')}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('admin.sla.priority')}>
          <Select
            allowClear
            placeholder={t('admin.sla.any')}
            options={PRIORITIES.map((p) => ({ value: p, label: term('priority', p) }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('admin.sla.mode')} rules={[required]}>
          <Select options={MODES.map((m) => ({ value: m, label: t(`admin.sla.mode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="minutes" label={t('admin.sla.minutes')} rules={[required]}>
          <InputNumber min={1} max={525600} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
