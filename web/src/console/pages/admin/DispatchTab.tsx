import { Divider, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { CHANNELS } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { type FieldSpec, FormFields } from './crud/FormFields';
import { CategoryField, PriorityField, RuleHeadFields, ruleTexts } from './crud/fields';
import {
  type Answer,
  type Category,
  categoryOptions,
  type RowOf,
  type Unit,
  unitOptions,
  unitTree,
} from './shared';

const ASSIGN = ['none', 'round_robin', 'least_loaded'] as const;
type Rule = RowOf<'/dispatch-rules'>;
type Conditions = Rule['conditions'];
type RuleValues = Omit<Rule, 'id'>;
const invalidates = ['/dispatch-rules' as const];

/** 分派规则: which unit gets a new complaint, and how it is assigned there; first match wins. */
export function DispatchTab({ units }: { units: Unit[] }) {
  const { t, term, locale } = useI18n();
  const rules = useApi('/dispatch-rules', {});
  const categories = useApi('/categories', {});
  const remove = useApiMutation('DELETE', '/dispatch-rules/:id', { invalidates });

  const names = useMemo(() => {
    const unit = new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name]));
    const category = new Map(
      (categories.data?.items ?? []).map((c) => [c.id, locale === 'en' ? c.nameEn : c.nameZh]),
    );
    return {
      unit: (id: number) => unit.get(id) ?? String(id),
      category: (id: number) => category.get(id) ?? String(id),
    };
  }, [units, categories.data, locale]);

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

  return (
    <CrudTable<Rule, Answer<'/dispatch-rules'>>
      help={t('admin.dispatch.help')}
      query={rules}
      activeColumn
      addLabel={t('admin.dispatch.new')}
      empty={t('admin.dispatch.empty')}
      table={{ pagination: false }}
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
          render: (a: Rule['assign']) => t(`admin.dispatch.assign.${a}`),
        },
      ]}
      actions={(r) => (
        <ConfirmButton
          label={t('admin.sla.delete')}
          confirm={t('admin.dispatch.deleteConfirm', { name: r.name })}
          run={() => remove.mutateAsync({ params: { id: r.id } })}
          done={t('admin.dispatch.deleted')}
        />
      )}
      editor={(editing) => (
        <RuleModal
          editing={editing}
          nextPosition={Math.max(0, ...(rules.data?.items ?? []).map((r) => r.position + 1))}
          units={units}
          categories={categories.data?.items ?? []}
        />
      )}
    />
  );
}

function RuleModal(props: {
  editing: Editing<Rule>;
  nextPosition: number;
  units: Unit[];
  categories: Category[];
}) {
  const rule = props.editing.mode === 'edit' ? props.editing.row : null;
  const { t, term, locale } = useI18n();
  const create = useApiMutation('POST', '/dispatch-rules', { invalidates });
  const replace = useApiMutation('PUT', '/dispatch-rules/:id', { invalidates });
  const unitData = useMemo(
    () => unitOptions(unitTree(props.units), (u) => (locale === 'en' && u.nameEn ? u.nameEn : u.name)),
    [props.units, locale],
  );
  const categoryData = useMemo(() => categoryOptions(props.categories, locale), [props.categories, locale]);
  const submit = (v: RuleValues) => {
    // Empty conditions are left out: they match anything.
    const conditions: Conditions = Object.fromEntries(
      Object.entries(v.conditions ?? {}).filter(
        ([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0),
      ),
    );
    const body = { ...v, conditions };
    return rule ? replace.mutateAsync({ params: { id: rule.id }, body }) : create.mutateAsync({ body });
  };

  const texts = ruleTexts(t, 'admin.dispatch');
  const initial = rule ?? {
    position: props.nextPosition,
    conditions: {},
    assign: 'none' as const,
    active: true,
  };
  const any = t('admin.dispatch.any');
  const tags = (name: 'regions' | 'keywords'): FieldSpec => ({
    name: ['conditions', name],
    label: t(`admin.dispatch.${name}`),
    extra: t('admin.dispatch.tagsHelp'),
    input: <Select mode="tags" open={false} placeholder={any} />,
  });
  const channels = CHANNELS.map((c) => ({ value: c, label: term('channel', c) }));
  const assign = ASSIGN.map((a) => ({ value: a, label: t(`admin.dispatch.assign.${a}`) }));
  return (
    <EditModal<RuleValues> name="rule" width={640} texts={texts} initialValues={initial} onSubmit={submit}>
      <RuleHeadFields list="admin.dispatch" nameWidth={380} />
      <Divider titlePlacement="start">{t('admin.dispatch.conditions')}</Divider>
      <CategoryField
        name={['conditions', 'categoryId']}
        label={t('admin.dispatch.category')}
        options={categoryData}
        anyText={any}
      />
      <FormFields
        fields={[
          {
            name: ['conditions', 'unitId'],
            label: t('admin.dispatch.unit'),
            input: <TreeSelect treeData={unitData} allowClear treeDefaultExpandAll placeholder={any} />,
          },
          {
            name: ['conditions', 'channels'],
            label: t('admin.dispatch.channels'),
            input: <Select mode="multiple" allowClear placeholder={any} options={channels} />,
          },
        ]}
      />
      <PriorityField
        name={['conditions', 'priorities']}
        label={t('admin.dispatch.priorities')}
        anyText={any}
        multiple
      />
      <FormFields fields={[tags('regions'), tags('keywords')]} />
      <Divider />
      <FormFields
        fields={[
          {
            name: 'unitId',
            label: t('admin.dispatch.target'),
            required: true,
            input: (
              <TreeSelect treeData={unitData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
            ),
          },
          {
            name: 'assign',
            label: t('admin.dispatch.assign'),
            required: true,
            input: <Select options={assign} />,
          },
        ]}
      />
    </EditModal>
  );
}
