import { Form, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import { PRIORITIES } from '../../../../api/vocabularies';
import { type Translate, useI18n } from '../../../../i18n';
import type { UnitOption } from '../shared';

/** The lists of rules (dispatch, keyword rules): their texts are `<list>.name`, `.position`, `.new` … */
export type RuleList = 'admin.dispatch' | 'classify.rules';

/** The titles of a rule's dialog and its word once saved. */
export const ruleTexts = (t: Translate, list: RuleList) => ({
  create: t(`${list}.new`),
  edit: t(`${list}.edit`),
  saved: t(`${list}.saved`),
});

/** The head of a rule's dialog: its name, its place in the order, on/off. */
export function RuleHeadFields(props: { list: RuleList; nameWidth: number }) {
  const { t } = useI18n();
  const required = { required: true, message: t('admin.required') };
  return (
    <Space align="start" style={{ width: '100%' }}>
      <Form.Item
        name="name"
        label={t(`${props.list}.name`)}
        rules={[required]}
        style={{ width: props.nameWidth }}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="position" label={t(`${props.list}.position`)} rules={[required]}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item name="active" label={t('admin.status')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </Space>
  );
}

/** An optional category (and its subtree), searchable; empty means any. */
export function CategoryField(props: {
  name: string | string[];
  label: string;
  options: UnitOption[];
  anyText: string;
}) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <TreeSelect
        treeData={props.options}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={props.anyText}
      />
    </Form.Item>
  );
}

/** An optional priority (or several, `multiple`); empty means any (or: left as it is). */
export function PriorityField(props: {
  name: string | string[];
  label: string;
  anyText: string;
  multiple?: boolean;
}) {
  const { term } = useI18n();
  return (
    <Form.Item name={props.name} label={props.label}>
      <Select
        mode={props.multiple ? 'multiple' : undefined}
        allowClear
        placeholder={props.anyText}
        options={PRIORITIES.map((p) => ({ value: p, label: term('priority', p) }))}
      />
    </Form.Item>
  );
}
