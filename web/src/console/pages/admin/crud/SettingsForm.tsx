import { App, Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../../../../api/client';
import { showFieldErrors } from '../../../../api/form-errors';
import { useI18n } from '../../../../i18n';
import { QueryState } from '../../../components/QueryState';

type Query<D> = { data: D | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
type Save<D, B> = { mutateAsync: (input: { body: B }) => Promise<D>; isPending: boolean };

export interface SettingsFormProps<D, V, B> {
  /** The form's name (ids of its fields). */
  name: string;
  title?: string;
  /** The setting, read with useApi. */
  query: Query<D>;
  /** Its PUT, a useApiMutation that invalidates the setting. */
  save: Save<D, B>;
  /** The setting → the form's values (when they differ), and back. */
  toForm: (data: D) => V;
  toBody: (values: V, data: D) => B;
  savedText?: string;
  /** Without a card (a tab that is one setting). */
  bare?: boolean;
  children: ReactNode | ((form: FormInstance<V>, data: D) => ReactNode);
}

/** One setting (GET and PUT `/settings/<name>`): loads, shows the form, saves, puts refusals on fields. */
export function SettingsForm<D, V extends object, B>(props: SettingsFormProps<D, V, B>) {
  const body = <QueryState query={props.query}>{(data) => <LoadedForm {...props} data={data} />}</QueryState>;
  if (props.bare) return body;
  return (
    <Card size="small" title={props.title} style={{ maxWidth: 720 }}>
      {body}
    </Card>
  );
}

function LoadedForm<D, V extends object, B>(props: SettingsFormProps<D, V, B> & { data: D }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  // Only a newly read setting (after a save, or another admin's change) replaces what is on the form:
  // callers pass toForm inline, so it must not be what the effect follows.
  const toForm = useRef(props.toForm);
  toForm.current = props.toForm;
  const { data } = props;
  useEffect(() => {
    form.setFieldsValue(toForm.current(data));
  }, [form, data]);

  const submit = async (values: V) => {
    try {
      await props.save.mutateAsync({ body: props.toBody(values, data) });
      message.success(props.savedText ?? t('admin.settings.saved'));
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (rest.length) message.error(rest.join(' '));
      else if (!(e instanceof ApiError)) message.error(t('common.error'));
    }
  };

  return (
    <Form<V>
      form={form}
      layout="vertical"
      name={props.name}
      initialValues={props.toForm(data)}
      onFinish={submit}
    >
      {typeof props.children === 'function' ? props.children(form, data) : props.children}
      <Button type="primary" htmlType="submit" loading={props.save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
