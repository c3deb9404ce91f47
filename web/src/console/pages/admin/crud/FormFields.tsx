import { Form, type FormRule, Input, Space, Switch } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { type Translate, useI18n } from '../../../../i18n';

/** One field of an admin form. */
export interface FieldSpec {
  name: NamePath;
  label: string;
  /** The control (an `<Input />` unless told; a `<Switch />` for a toggle). */
  input?: ReactNode;
  /** Must be filled (`'text'`: and not only spaces). */
  required?: boolean | 'text';
  extra?: ReactNode;
  /** An on/off control: its value is `checked`. */
  toggle?: boolean;
}

/**
 * Form items from a short list, so that a form reads as its fields; entries that are `false` (fields
 * shown only sometimes) are skipped, and `row` sets the fields side by side.
 */
export function FormFields(props: {
  fields: Array<FieldSpec | false>;
  row?: boolean;
  /** More after the fields (a button beside a row). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const items = props.fields
    .filter((f) => f !== false)
    .map((f) => {
      // Only `required` (and `message`): any other key makes the rule a string rule, which refuses numbers.
      const required = { required: true, message: t('admin.required') };
      const rules: FormRule[] =
        f.required === 'text' ? [{ ...required, whitespace: true }] : f.required ? [required] : [];
      return (
        <Form.Item
          key={JSON.stringify(f.name)}
          name={f.name}
          label={f.label}
          extra={f.extra}
          rules={rules}
          {...(f.toggle ? { valuePropName: 'checked' } : {})}
        >
          {f.input ?? (f.toggle ? <Switch /> : <Input />)}
        </Form.Item>
      );
    });
  return props.row ? (
    <Space wrap align="start">
      {items}
      {props.children}
    </Space>
  ) : (
    <>
      {items}
      {props.children}
    </>
  );
}

/** The 状态 switch of a row that can be deactivated (shown when editing one). */
export const activeField = (t: Translate): FieldSpec => ({
  name: 'active',
  label: t('admin.status'),
  toggle: true,
  input: <Switch checkedChildren={t('admin.active')} unCheckedChildren={t('admin.inactive')} />,
});
