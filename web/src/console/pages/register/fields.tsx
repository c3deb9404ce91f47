import { Col, Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useI18n } from '../../../i18n';

/** The rule of a required text field, in the form's words. */
export function useRequired() {
  const { t } = useI18n();
  return (field: string) => [
    { required: true, whitespace: true, message: t('register.required', { field }) },
  ];
}

/** One text field in a grid column: its label, and whether it must be filled in. */
export function TextField(props: { name: NamePath; label: string; md: number; required?: boolean }) {
  const required = useRequired();
  return (
    <Col xs={24} md={props.md}>
      <Form.Item
        name={props.name}
        label={props.label}
        rules={props.required ? required(props.label) : undefined}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </Col>
  );
}
