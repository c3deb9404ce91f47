import { Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { showFieldErrors } from '../../../../api/form-errors';
import { useI18n } from '../../../../i18n';
import { QueryState } from '../../../components/QueryState';
import { type FieldSpec, FormFields } from './FormFields';
import type { SettingOfTypes } from './setting';

export interface SettingsFormProps<D, V, B> {
  /** The setting: `useSetting('/settings/<name>')`. */
  setting: SettingOfTypes<D, B, unknown>;
  title?: string;
  /** The setting → the form's values, and back; without them the form edits the setting as it is. */
  toForm?: (data: D) => V;
  toBody?: (values: V, data: D) => B;
  savedText?: string;
  /** Without a card (a tab that is one setting). */
  bare?: boolean;
  /** The form's fields, when a list says them all. */
  fields?: Array<FieldSpec | false>;
  children?: ReactNode | ((form: FormInstance<V>, data: D) => ReactNode);
}

/** One setting (GET and PUT `/settings/<name>`): loads, shows the form, saves, puts refusals on fields. */
export function SettingsForm<D, V extends object = D & object, B = D>(props: SettingsFormProps<D, V, B>) {
  const body = (
    <QueryState query={props.setting.query}>{(data) => <LoadedForm {...props} data={data} />}</QueryState>
  );
  if (props.bare) return body;
  return (
    <Card size="small" title={props.title} style={{ maxWidth: 720 }}>
      {body}
    </Card>
  );
}

// Without toForm/toBody the form's values are the setting itself (V and B default to it).
const same = <A, B>(a: A) => a as unknown as B;

function LoadedForm<D, V extends object, B>(props: SettingsFormProps<D, V, B> & { data: D }) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const toForm = props.toForm ?? same<D, V>;
  const toBody = props.toBody ?? same<V, B>;
  // Only a newly read setting (after a save, or another admin's change) replaces what is on the form:
  // callers pass toForm inline, so it must not be what the effect follows.
  const latest = useRef(toForm);
  latest.current = toForm;
  const { data } = props;
  useEffect(() => {
    form.setFieldsValue(latest.current(data));
  }, [form, data]);

  const submit = (values: V) =>
    props.setting.save(toBody(values, data), props.savedText, (e) => showFieldErrors(form, e));

  return (
    <Form<V>
      form={form}
      layout="vertical"
      name={props.setting.url.slice(1).replace(/[/-]/g, '_')}
      initialValues={toForm(data)}
      onFinish={submit}
    >
      {props.fields && <FormFields fields={props.fields} />}
      {typeof props.children === 'function' ? props.children(form, data) : props.children}
      <Button type="primary" htmlType="submit" loading={props.setting.saving}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
