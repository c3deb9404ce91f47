import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
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
import { PRIORITIES } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { type Category, categoryTree } from '../../components/categories';
import { type SuggestState, suggest } from '../register/classification';
import { Suggestions } from '../register/Suggestions';
import { errorText, showFieldErrors } from './shared';

interface Settings {
  enabled: boolean;
  model: string;
  autoApplyAt: number;
}
interface Rule {
  id: number;
  name: string;
  words: string[];
  categoryId: number | null;
  priority: string | null;
  major: boolean;
  position: number;
  active: boolean;
}

/** 智能分类: the classifier's settings, the admin's keyword rules (first match wins) and a box to try them. */
export function ClassificationTab() {
  const { t } = useI18n();
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    api<{ items: Category[] }>('/categories').then((r) => setCategories(r.items));
  }, []);
  return (
    <Flex vertical gap={16} data-testid="classification-tab">
      <SettingsCard />
      <Card size="small" title={t('classify.rules')}>
        <RulesTable categories={categories} />
      </Card>
      <TryBox />
    </Flex>
  );
}

/** The threshold is a share (0..1) in the API and a percentage on the form. */
const toForm = (s: Settings) => ({
  enabled: s.enabled,
  model: s.model,
  percent: Math.round(s.autoApplyAt * 100),
});

function SettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ enabled: boolean; model: string; percent: number }>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api<Settings>('/settings/classification')
      .then((s) => {
        form.setFieldsValue(toForm(s));
        setLoaded(true);
      })
      .catch((e) => setError(errorText(e, t('common.error'))));
  }, [form, t]);

  const save = async (v: { enabled: boolean; model: string; percent: number }) => {
    setSaving(true);
    try {
      const saved = await api<Settings>('/settings/classification', {
        method: 'PUT',
        body: { enabled: v.enabled, model: v.model.trim(), autoApplyAt: v.percent / 100 },
      });
      form.setFieldsValue(toForm(saved));
      message.success(t('admin.settings.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e, ['enabled', 'model'])) message.error(errorText(e, t('common.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('classify.settings')} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" title={error} showIcon />}
      {!loaded && !error && <Spin />}
      <Form
        form={form}
        layout="vertical"
        name="classification_settings"
        onFinish={save}
        style={{ display: loaded ? undefined : 'none' }}
      >
        <Form.Item name="enabled" label={t('classify.settings.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="model"
          label={t('classify.settings.model')}
          extra={t('classify.settings.modelHelp')}
          rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
        >
          <Input maxLength={100} style={{ maxWidth: 300 }} />
        </Form.Item>
        <Form.Item
          name="percent"
          label={t('classify.settings.autoApplyAt')}
          extra={t('classify.settings.autoApplyAtHelp')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function RulesTable({ categories }: { categories: Category[] }) {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [moving, setMoving] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await api<{ items: Rule[] }>('/classification/rules');
      setRules([...r.items].sort((a, b) => a.position - b.position || a.id - b.id));
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  /** The category with its ancestors, in the current language. */
  const categoryPath = useMemo(() => {
    const byId = new Map(categories.map((c) => [c.id, c]));
    return (id: number) => {
      const names: string[] = [];
      for (let c = byId.get(id); c; c = c.parentId === null ? undefined : byId.get(c.parentId))
        names.unshift(locale === 'en' ? c.nameEn : c.nameZh);
      return names.length ? names.join(' / ') : String(id);
    };
  }, [categories, locale]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!rules) return <Spin />;

  const remove = async (r: Rule) => {
    try {
      await api(`/classification/rules/${r.id}`, { method: 'DELETE' });
      message.success(t('classify.rules.deleted'));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    }
  };

  /** Swap a rule with its neighbour; positions are renumbered 0, 1, 2… in the new order. */
  const move = async (index: number, by: -1 | 1) => {
    const order = [...rules];
    const [rule] = order.splice(index, 1);
    if (!rule) return;
    order.splice(index + by, 0, rule);
    setMoving(true);
    try {
      for (const [position, r] of order.entries())
        if (r.position !== position)
          await api(`/classification/rules/${r.id}`, { method: 'PATCH', body: { position } });
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    } finally {
      setMoving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('classify.rules.help')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ marginBottom: 16 }}
      >
        {t('classify.rules.new')}
      </Button>
      <Table<Rule>
        rowKey="id"
        dataSource={rules}
        pagination={false}
        size="middle"
        loading={moving}
        data-testid="classification-rules"
        locale={{ emptyText: t('classify.rules.empty') }}
        columns={[
          { title: t('classify.rules.position'), dataIndex: 'position', width: 70 },
          { title: t('classify.rules.name'), dataIndex: 'name' },
          {
            title: t('classify.rules.words'),
            dataIndex: 'words',
            render: (words: string[]) => (
              <Flex wrap gap={4}>
                {words.map((w) => (
                  <Tag key={w}>{w}</Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('classify.rules.sets'),
            key: 'sets',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.categoryId !== null && (
                  <Typography.Text>
                    {t('classify.rules.category')}: {categoryPath(r.categoryId)}
                  </Typography.Text>
                )}
                {r.priority && (
                  <Typography.Text>
                    {t('classify.rules.priority')}: {term('priority', r.priority)}
                  </Typography.Text>
                )}
                {r.major && <Tag color="volcano">{term('grade', 'major')}</Tag>}
              </Space>
            ),
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
            render: (_, r, index) => (
              <Space>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('classify.rules.up')}
                  title={t('classify.rules.up')}
                  disabled={index === 0 || moving}
                  onClick={() => move(index, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('classify.rules.down')}
                  title={t('classify.rules.down')}
                  disabled={index === rules.length - 1 || moving}
                  onClick={() => move(index, 1)}
                />
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('admin.edit')}
                </Button>
                <Popconfirm
                  title={t('classify.rules.deleteConfirm', { name: r.name })}
                  okText={t('classify.rules.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(r)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('classify.rules.delete')}
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
  words: string[];
  categoryId?: number | null;
  priority?: string | null;
  major: boolean;
  position: number;
  active: boolean;
}
const RULE_FIELDS = ['name', 'words', 'categoryId', 'priority', 'major', 'position', 'active'] as const;

function RuleForm(props: {
  rule: Rule | null;
  nextPosition: number;
  categories: Category[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { rule } = props;
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(
    () =>
      categoryTree(
        props.categories.filter((c) => c.active),
        locale === 'en',
      ),
    [props.categories, locale],
  );
  const required = { required: true, message: t('admin.required') };

  const save = async (v: RuleValues) => {
    const body = {
      name: v.name.trim(),
      words: v.words.map((w) => w.trim()).filter(Boolean),
      categoryId: v.categoryId ?? null,
      priority: v.priority ?? null,
      major: v.major,
      position: v.position,
      active: v.active,
    };
    if (body.categoryId === null && body.priority === null && !body.major) {
      message.error(t('classify.rules.nothingSet'));
      return;
    }
    setSaving(true);
    try {
      await api(rule ? `/classification/rules/${rule.id}` : '/classification/rules', {
        method: rule ? 'PATCH' : 'POST',
        body,
      });
      message.success(t('classify.rules.saved'));
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
      width={600}
      title={rule ? t('classify.rules.edit') : t('classify.rules.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="classification_rule"
        onFinish={save}
        initialValues={
          rule ?? { words: [], major: false, position: props.nextPosition, active: true, priority: null }
        }
      >
        <Space align="start" style={{ width: '100%' }}>
          <Form.Item name="name" label={t('classify.rules.name')} rules={[required]} style={{ width: 320 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="position" label={t('classify.rules.position')} rules={[required]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item
          name="words"
          label={t('classify.rules.words')}
          extra={t('classify.rules.wordsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.required') }]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('classify.rules.category')}>
          <TreeSelect
            treeData={tree}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('classify.rules.unchanged')}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('classify.rules.priority')}>
          <Select
            allowClear
            placeholder={t('classify.rules.unchanged')}
            options={PRIORITIES.map((p) => ({ value: p, label: term('priority', p) }))}
          />
        </Form.Item>
        <Form.Item name="major" label={t('classify.rules.major')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TryBox() {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [state, setState] = useState<SuggestState | null>(null);

  const run = async () => {
    if (!title.trim() && !content.trim()) return;
    setState((s) => ({ state: 'loading', last: s?.state === 'ready' ? s.suggestion : null }));
    try {
      setState({ state: 'ready', suggestion: await suggest(title.trim(), content.trim()) });
    } catch {
      setState({ state: 'failed' });
    }
  };

  return (
    <Card size="small" title={t('classify.try')} style={{ maxWidth: 720 }} data-testid="classification-try">
      <Typography.Paragraph type="secondary">{t('classify.try.help')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        <Input
          aria-label={t('classify.try.title')}
          placeholder={t('classify.try.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onPressEnter={run}
        />
        <Input.TextArea
          aria-label={t('classify.try.content')}
          placeholder={t('classify.try.content')}
          value={content}
          onChange={(e) => setContent(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
        <div>
          <Button
            type="primary"
            onClick={run}
            disabled={!title.trim() && !content.trim()}
            data-testid="classification-try-run"
          >
            {t('classify.try.run')}
          </Button>
        </div>
      </Flex>
      {state && <Suggestions state={state} />}
    </Card>
  );
}
