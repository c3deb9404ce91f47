import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { useI18n } from '../../../i18n';
import { type Category, categoryTree } from '../../components/categories';
import { type SuggestState, suggest } from '../register/classification';
import { Suggestions } from '../register/Suggestions';
import { ClassificationSettings } from './ClassificationSettings';
import { ClassifierPerformance } from './ClassifierPerformance';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { FormFields } from './crud/FormFields';
import { PriorityField, RuleHeadFields, ruleTexts } from './crud/fields';
import { errorText } from './crud/setting';
import type { Answer, RowOf } from './shared';
import { TrainModel } from './TrainModel';

type Rule = RowOf<'/classification/rules'>;
const invalidates = ['/classification/rules' as const];

/** 智能分类: the classifier's settings, the admin's keyword rules (first match wins) and a box to try them. */
export function ClassificationTab() {
  const { t } = useI18n();
  const categories = useApi('/categories', {}).data?.items ?? [];
  const activeModel = useApi('/settings/classification', {}).data?.model;
  return (
    <Flex vertical gap={16} data-testid="classification-tab">
      <ClassificationSettings />
      <TrainModel />
      <Card size="small" title={t('classify.rules')}>
        <RulesTable categories={categories} />
      </Card>
      <TryBox />
      {activeModel && <ClassifierPerformance activeModel={activeModel} />}
    </Flex>
  );
}

function RulesTable({ categories }: { categories: Category[] }) {
  const { t, term, locale } = useI18n();
  const { message } = App.useApp();
  const rules = useApi('/classification/rules', {});
  const remove = useApiMutation('DELETE', '/classification/rules/:id', { invalidates });
  const patch = useApiMutation('PATCH', '/classification/rules/:id', { invalidates });
  const [moving, setMoving] = useState(false);
  const ordered = (items: Rule[]) => [...items].sort((a, b) => a.position - b.position || a.id - b.id);

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

  /** Swap a rule with its neighbour; positions are renumbered 0, 1, 2… in the new order. */
  const move = async (index: number, by: -1 | 1) => {
    const order = ordered(rules.data?.items ?? []);
    const [rule] = order.splice(index, 1);
    if (!rule) return;
    order.splice(index + by, 0, rule);
    setMoving(true);
    try {
      for (const [position, r] of order.entries())
        if (r.position !== position) await patch.mutateAsync({ params: { id: r.id }, body: { position } });
    } catch (e) {
      message.error(errorText(e, t('common.error')));
    } finally {
      setMoving(false);
    }
  };
  const count = rules.data?.items.length ?? 0;

  return (
    <CrudTable<Rule, Answer<'/classification/rules'>>
      help={t('classify.rules.help')}
      query={rules}
      rows={(d) => ordered(d.items)}
      activeColumn
      addLabel={t('classify.rules.new')}
      empty={t('classify.rules.empty')}
      table={{ pagination: false, loading: moving, ...{ 'data-testid': 'classification-rules' } }}
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
      ]}
      actions={(r) => {
        const index = ordered(rules.data?.items ?? []).findIndex((x) => x.id === r.id);
        return (
          <>
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
              disabled={index === count - 1 || moving}
              onClick={() => move(index, 1)}
            />
            <ConfirmButton
              label={t('classify.rules.delete')}
              confirm={t('classify.rules.deleteConfirm', { name: r.name })}
              run={() => remove.mutateAsync({ params: { id: r.id } })}
              done={t('classify.rules.deleted')}
            />
          </>
        );
      }}
      editor={(editing) => (
        <RuleModal
          rule={editing.mode === 'edit' ? editing.row : null}
          nextPosition={Math.max(0, ...(rules.data?.items ?? []).map((r) => r.position + 1))}
          categories={categories}
        />
      )}
    />
  );
}

type RuleValues = Omit<Rule, 'id'>;

function RuleModal(props: { rule: Rule | null; nextPosition: number; categories: Category[] }) {
  const { rule } = props;
  const { t, locale } = useI18n();
  const create = useApiMutation('POST', '/classification/rules', { invalidates });
  const change = useApiMutation('PATCH', '/classification/rules/:id', { invalidates });
  const tree = useMemo(
    () =>
      categoryTree(
        props.categories.filter((c) => c.active),
        locale === 'en',
      ),
    [props.categories, locale],
  );

  const submit = (v: RuleValues) => {
    const body = {
      name: v.name.trim(),
      words: v.words.map((w) => w.trim()).filter(Boolean),
      categoryId: v.categoryId ?? null,
      priority: v.priority ?? null,
      major: v.major,
      position: v.position,
      active: v.active,
    };
    if (body.categoryId === null && body.priority === null && !body.major)
      return Promise.reject(new Error(t('classify.rules.nothingSet')));
    return rule ? change.mutateAsync({ params: { id: rule.id }, body }) : create.mutateAsync({ body });
  };

  const texts = ruleTexts(t, 'classify.rules');
  const initial = rule ?? {
    words: [],
    major: false,
    position: props.nextPosition,
    active: true,
    priority: null,
  };
  const unchanged = t('classify.rules.unchanged');
  return (
    <EditModal<RuleValues>
      name="classification_rule"
      width={600}
      texts={texts}
      initialValues={initial}
      onSubmit={submit}
    >
      <RuleHeadFields list="classify.rules" nameWidth={320} />
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
          placeholder={unchanged}
        />
      </Form.Item>
      <PriorityField name="priority" label={t('classify.rules.priority')} anyText={unchanged} />
      <FormFields fields={[{ name: 'major', label: t('classify.rules.major'), toggle: true }]} />
    </EditModal>
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

  /** A box named by its placeholder, holding `value`. */
  const typed = (label: string, value: string, set: (v: string) => void) => ({
    'aria-label': label,
    placeholder: label,
    value,
    onChange: (e: { target: { value: string } }) => set(e.target.value),
  });

  return (
    <Card size="small" title={t('classify.try')} style={{ maxWidth: 720 }} data-testid="classification-try">
      <Typography.Paragraph type="secondary">{t('classify.try.help')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        <Input {...typed(t('classify.try.title'), title, setTitle)} onPressEnter={run} />
        <Input.TextArea
          {...typed(t('classify.try.content'), content, setContent)}
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
