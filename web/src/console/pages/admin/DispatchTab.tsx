import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { CHANNELS, PRIORITIES } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { errorText, showFieldErrors, type Unit, unitOptions, unitTree } from './shared';

const ASSIGN = ['none', 'round_robin', 'least_loaded'] as const;
type Assign = (typeof ASSIGN)[number];

interface Conditions {
  categoryId?: number;
  unitId?: number;
  regions?: string[];
  channels?: string[];
  priorities?: string[];
  keywords?: string[];
}
interface Rule {
  id: number;
  name: string;
  position: number;
  active: boolean;
  conditions: Conditions;
  unitId: number;
  assign: Assign;
}
interface Category {
  id: number;
  parentId: number | null;
  nameZh: string;
  nameEn: string;
  active: boolean;
}
interface TreeOption {
  value: number;
  title: string;
  children?: TreeOption[];
}

/** 分派规则: which unit gets a new complaint, and how it is assigned there; first match wins. */
export function DispatchTab({ units }: { units: Unit[] }) {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);

  const load = useCallback(async () => {
    try {
      const [r, c] = await Promise.all([
        api<{ items: Rule[] }>('/dispatch-rules'),
        api<{ items: Category[] }>('/categories'),
      ]);
      setRules(r.items);
      setCategories(c.items);
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const names = useMemo(() => {
    const unit = new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name]));
    const category = new Map(categories.map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]));
    return {
      unit: (id: number) => unit.get(id) ?? String(id),
      category: (id: number) => category.get(id) ?? String(id),
    };
  }, [units, categories, locale]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!rules) return <Spin />;

  const summary = (c: Conditions) => {
    const parts: string[] = [];
    if (c.categoryId)
      parts.push(
        t('admin.dispatch.condition', {
          name: t('admin.dispatch.category'),
          value: names.category(c.categoryId),
        }),
      );
    if (c.unitId)
      parts.push(
        t('admin.dispatch.condition', { name: t('admin.dispatch.unit'), value: names.unit(c.unitId) }),
      );
    if (c.regions?.length)
      parts.push(
        t('admin.dispatch.condition', { name: t('admin.dispatch.regions'), value: c.regions.join(', ') }),
      );
    if (c.channels?.length)
      parts.push(
        t('admin.dispatch.condition', {
          name: t('admin.dispatch.channels'),
          value: c.channels.map((x) => term('channel', x)).join(', '),
        }),
      );
    if (c.priorities?.length)
      parts.push(
        `${t('admin.dispatch.priorities')}: ${c.priorities.map((x) => term('priority', x)).join(', ')}`,
      );
    if (c.keywords?.length)
      parts.push(
        t('admin.dispatch.condition', { name: t('admin.dispatch.keywords'), value: c.keywords.join(', ') }),
      );
    return parts.length ? parts : [t('admin.dispatch.any')];
  };

  const remove = async (r: Rule) => {
    try {
      await api(`/dispatch-rules/${r.id}`, { method: 'DELETE' });
      message.success(t('admin.dispatch.deleted'));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.dispatch.help')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ marginBottom: 16 }}
      >
        {t('admin.dispatch.new')}
      </Button>
      <Table<Rule>
        rowKey="id"
        dataSource={rules}
        pagination={false}
        size="middle"
        locale={{ emptyText: t('admin.dispatch.empty') }}
        columns={[
          { title: t('admin.dispatch.position'), dataIndex: 'position', width: 80 },
          { title: t('admin.dispatch.name'), dataIndex: 'name' },
          {
            title: t('admin.dispatch.conditions'),
            key: 'conditions',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {summary(r.conditions).map((line) => (
                  <Typography.Text key={line}>{line}</Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t('admin.dispatch.target'), dataIndex: 'unitId', render: (id: number) => names.unit(id) },
          {
            title: t('admin.dispatch.assign'),
            dataIndex: 'assign',
            render: (a: Assign) => t(`admin.dispatch.assign.${a}`),
          },
          {
            title: t('admin.status'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('admin.edit')}
                </Button>
                <Popconfirm
                  title={t('admin.dispatch.deleteConfirm', { name: r.name })}
                  okText={t('admin.sla.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(r)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('admin.sla.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RuleForm
          rule={editing === 'new' ? null : editing}
          nextPosition={Math.max(0, ...rules.map((r) => r.position + 1))}
          units={units}
          categories={categories}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await load();
          }}
        />
      )}
    </>
  );
}

interface RuleValues {
  name: string;
  position: number;
  conditions: Conditions;
  unitId: number;
  assign: Assign;
  active: boolean;
}
const RULE_FIELDS = [
  'name',
  'position',
  'conditions',
  'conditions.categoryId',
  'conditions.unitId',
  'conditions.regions',
  'conditions.channels',
  'conditions.priorities',
  'conditions.keywords',
  'unitId',
  'assign',
  'active',
] as const;

function RuleForm(props: {
  rule: Rule | null;
  nextPosition: number;
  units: Unit[];
  categories: Category[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { rule } = props;
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const unitData = useMemo(
    () => unitOptions(unitTree(props.units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [props.units, locale],
  );
  const categoryData = useMemo(() => {
    const build = (parentId: number | null): TreeOption[] =>
      props.categories
        .filter((c) => c.parentId === parentId && c.active)
        .map((c) => {
          const children = build(c.id);
          return {
            value: c.id,
            title: locale === 'en' ? c.nameEn : c.nameZh,
            ...(children.length ? { children } : {}),
          };
        });
    return build(null);
  }, [props.categories, locale]);
  const required = { required: true, message: t('admin.required') };

  const save = async (v: RuleValues) => {
    setSaving(true);
    // Empty conditions are left out: they match anything.
    const conditions = Object.fromEntries(
      Object.entries(v.conditions ?? {}).filter(
        ([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0),
      ),
    );
    const body = { ...v, conditions };
    try {
      await api(rule ? `/dispatch-rules/${rule.id}` : '/dispatch-rules', {
        method: rule ? 'PUT' : 'POST',
        body,
      });
      message.success(t('admin.dispatch.saved'));
      await props.onSaved();
    } catch (e) {
      if (!showFieldErrors(form, e, RULE_FIELDS)) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={rule ? t('admin.dispatch.edit') : t('admin.dispatch.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="rule"
        onFinish={save}
        initialValues={
          rule
            ? {
                name: rule.name,
                position: rule.position,
                conditions: rule.conditions,
                unitId: rule.unitId,
                assign: rule.assign,
                active: rule.active,
              }
            : { position: props.nextPosition, conditions: {}, assign: 'none', active: true }
        }
      >
        <Space align="start" style={{ width: '100%' }}>
          <Form.Item name="name" label={t('admin.dispatch.name')} rules={[required]} style={{ width: 380 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="position" label={t('admin.dispatch.position')} rules={[required]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('admin.dispatch.conditions')}</Divider>
        <Form.Item name={['conditions', 'categoryId']} label={t('admin.dispatch.category')}>
          <TreeSelect
            treeData={categoryData}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('admin.dispatch.any')}
          />
        </Form.Item>
        <Form.Item name={['conditions', 'unitId']} label={t('admin.dispatch.unit')}>
          <TreeSelect
            treeData={unitData}
            allowClear
            treeDefaultExpandAll
            placeholder={t('admin.dispatch.any')}
          />
        </Form.Item>
        <Form.Item name={['conditions', 'channels']} label={t('admin.dispatch.channels')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.dispatch.any')}
            options={CHANNELS.map((c) => ({ value: c, label: term('channel', c) }))}
          />
        </Form.Item>
        <Form.Item name={['conditions', 'priorities']} label={t('admin.dispatch.priorities')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.dispatch.any')}
            options={PRIORITIES.map((p) => ({ value: p, label: term('priority', p) }))}
          />
        </Form.Item>
        <Form.Item
          name={['conditions', 'regions']}
          label={t('admin.dispatch.regions')}
          extra={t('admin.dispatch.tagsHelp')}
        >
          <Select mode="tags" open={false} placeholder={t('admin.dispatch.any')} />
        </Form.Item>
        <Form.Item
          name={['conditions', 'keywords']}
          label={t('admin.dispatch.keywords')}
          extra={t('admin.dispatch.tagsHelp')}
        >
          <Select mode="tags" open={false} placeholder={t('admin.dispatch.any')} />
        </Form.Item>
        <Divider />
        <Form.Item name="unitId" label={t('admin.dispatch.target')} rules={[required]}>
          <TreeSelect treeData={unitData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="assign" label={t('admin.dispatch.assign')} rules={[required]}>
          <Select options={ASSIGN.map((a) => ({ value: a, label: t(`admin.dispatch.assign.${a}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
