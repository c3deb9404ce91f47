import { App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useContext, useState } from 'react';
import { ApiError } from '../../../../api/client';
import { showFieldErrors } from '../../../../api/form-errors';
import { useI18n } from '../../../../i18n';
import { EditorContext } from './CrudTable';

export interface EditModalProps<V> {
  /** The form's name (ids of its fields). */
  name: string;
  /** The title; or, with `texts`, the one of `texts` that fits. */
  title?: string;
  /** A new row (`create`, said `created` once saved) or a row being edited (`edit`); `saved` once saved. */
  texts?: { create: string; edit: string; created?: (values: V) => string; saved?: string };
  /** Whether it adds a row; inside a CrudTable's editor, the table says. */
  isNew?: boolean;
  initialValues: Partial<V>;
  /** Send the values (through a mutation); a refusal's field messages land on the form's fields. */
  onSubmit: (values: V) => Promise<unknown>;
  /** Shown once saved. */
  savedText?: (values: V) => string;
  /** Inside a CrudTable's editor, the table closes it. */
  onClose?: () => void;
  width?: number;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/** The add/edit dialog of every admin list: a vertical form, save/cancel, field errors from the server. */
export function EditModal<V extends object>(props: EditModalProps<V>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const table = useContext(EditorContext);
  const isNew = props.isNew ?? table?.isNew ?? false;
  const close = () => (props.onClose ?? table?.close)?.();

  const save = async (values: V) => {
    setSaving(true);
    try {
      await props.onSubmit(values);
      const created = isNew ? props.texts?.created?.(values) : undefined;
      message.success(props.savedText?.(values) ?? created ?? props.texts?.saved ?? t('common.saved'));
      close();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (rest.length) message.error(rest.join(' '));
      // A refusal of the page's own (a rejected Error with words) is shown as it is.
      else if (!(e instanceof ApiError))
        message.error(e instanceof Error && e.message ? e.message : t('common.error'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.title ?? (isNew ? props.texts?.create : props.texts?.edit)}
      width={props.width}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<V>
        form={form}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        onFinish={save}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
