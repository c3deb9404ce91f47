import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../api/form-errors';
import { useI18n } from '../../../i18n';
import { PendingPicksContext, usePendingPicks } from '../../../ui/pending-picks';

export type Values = Record<string, unknown>;

/**
 * A change to the complaint in a dialog: the form, submit, and a refusal shown in the server's words —
 * its field messages on their fields, the rest above the form. Actions and the case form open this.
 */
export function FormModal({
  name,
  title,
  submit,
  pending,
  onClose,
  initialValues,
  width = 560,
  danger = false,
  children,
}: {
  /** The form's name (the ids of its fields). */
  name: string;
  title: string;
  /** Send the validated values; a rejection is shown on the form. */
  submit(values: Values): Promise<unknown>;
  pending: boolean;
  onClose(): void;
  initialValues?: Values;
  width?: number;
  danger?: boolean;
  children?: ReactNode | ((form: FormInstance) => ReactNode);
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const picks = usePendingPicks();
  const [waiting, setWaiting] = useState(false);
  const send = async () => {
    if (picks.busy) {
      setWaiting(true);
      await picks.settled();
      setWaiting(false);
    }
    const values = (await form.validateFields()) as Values;
    setError(null);
    try {
      await submit(values);
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setError(
        e instanceof ApiError ? [e.title, ...rest.filter((r) => r !== e.title)].join(' ') : t('common.error'),
      );
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('common.submit')}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      onOk={() => void send().catch(() => {})}
      onCancel={onClose}
      confirmLoading={pending || waiting}
      width={width}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <PendingPicksContext.Provider value={picks}>
        <Form form={form} layout="vertical" initialValues={initialValues} name={name}>
          {typeof children === 'function' ? children(form) : children}
        </Form>
      </PendingPicksContext.Provider>
    </Modal>
  );
}
