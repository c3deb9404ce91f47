import { Form, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import { PRIORITIES } from '../../../../api/vocabularies';
import { useI18n } from '../../../../i18n';
import type { UnitOption } from '../shared';

/** The head of a rule's dialog (dispatch, keyword rules): its name, its place in the order, on/off. */
export function RuleHeadFields(props: { nameLabel: string; positionLabel: string; nameWidth: number }) {
  const { t } = useI18n();
  const required = { required: true, message: t('admin.required') };
  return (
    <Space align="start" style={{ width: '100%' }}>
      <Form.Item name="name" label={props.nameLabel} rules={[required]} style={{ width: props.nameWidth }}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="position" label={props.positionLabel} rules={[required]}>
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
