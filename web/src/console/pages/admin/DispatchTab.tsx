import { Divider, Form, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useApi, useApiMutation } from '../../../api/hooks';
import { CHANNELS, PRIORITIES } from '../../../api/vocabularies';
import { useI18n } from '../../../i18n';
import { ConfirmButton } from './crud/ConfirmButton';
import { ActiveTag, CrudTable, type Editing } from './crud/CrudTable';
import { EditModal } from './crud/EditModal';
import { CategoryField, RuleHeadFields } from './crud/fields';
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
    <>
      <Typography.Paragraph type="secondary">{t('admin.dispatch.help')}</Typography.Paragraph>
      <CrudTable<Rule, Answer<'/dispatch-rules'>>
        query={rules}
        rows={(d) => d.items}
        rowKey="id"
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
          { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
        ]}
        actions={(r) => (
          <ConfirmButton
            label={t('admin.sla.delete')}
            confirm={t('admin.dispatch.deleteConfirm', { name: r.name })}
            run={() => remove.mutateAsync({ params: { id: r.id } })}
            done={t('admin.dispatch.deleted')}
          />
        )}
        editor={(editing, close) => (
          <RuleModal
            editing={editing}
            nextPosition={Math.max(0, ...(rules.data?.items ?? []).map((r) => r.position + 1))}
            units={units}
            categories={categories.data?.items ?? []}
            onClose={close}
          />
        )}
      />
    </>
  );
}

function RuleModal(props: {
  editing: Editing<Rule>;
  nextPosition: number;
  units: Unit[];
  categories: Category[];
  onClose(): void;
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
  const required = { required: true, message: t('admin.required') };

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

  return (
    <EditModal<RuleValues>
      name="rule"
      width={640}
      title={rule ? t('admin.dispatch.edit') : t('admin.dispatch.new')}
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
      onSubmit={submit}
      savedText={() => t('admin.dispatch.saved')}
      onClose={props.onClose}
    >
      <RuleHeadFields
        nameLabel={t('admin.dispatch.name')}
        positionLabel={t('admin.dispatch.position')}
        nameWidth={380}
      />
      <Divider titlePlacement="start">{t('admin.dispatch.conditions')}</Divider>
      <CategoryField
        name={['conditions', 'categoryId']}
        label={t('admin.dispatch.category')}
        options={categoryData}
        anyText={t('admin.dispatch.any')}
      />
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
    </EditModal>
  );
}
