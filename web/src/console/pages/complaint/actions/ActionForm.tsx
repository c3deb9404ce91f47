import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Method } from '../../../../../../src/server/endpoint';
import type { CallInput, CallOutput, EndpointAt, UrlsOf } from '../../../../api/call';
import { ApiError } from '../../../../api/client';
import { showFieldErrors } from '../../../../api/form-errors';
import { useApiMutation } from '../../../../api/hooks';
import { type Translate, useI18n } from '../../../../i18n';
import { COMPLAINT_READS, type ComplaintDetail } from '../contract';

type Key = Parameters<Translate>[0];
export type Values = Record<string, unknown>;

/** What every action's form is given by the panel that opens it. */
export interface ActionProps {
  complaint: ComplaintDetail;
  /** Values filled in from elsewhere on the page (a recommended remedy). */
  prefill?: Values | null;
  onClose(): void;
  onDone(c: ComplaintDetail): void;
}

type BodyOf<M extends Method, U extends string> =
  CallInput<EndpointAt<M, U>> extends { body: infer B } ? B : never;

/** An action on this complaint: its call with the body its form gives; every read of the complaint refreshed after. */
export function useComplaintAction<M extends Exclude<Method, 'GET'>, U extends UrlsOf<M>>(
  method: M,
  url: U,
  number: string,
) {
  const m = useApiMutation(method, url as UrlsOf<M>, { invalidates: [...COMPLAINT_READS] });
  return {
    pending: m.isPending,
    // The input is { params, body } of this very endpoint and the answer its own; TypeScript cannot
    // re-derive either for a generic U, the callers' M and U are checked above.
    send: (body: BodyOf<M, U>) =>
      m.mutateAsync({ params: { number }, body } as never) as Promise<CallOutput<EndpointAt<M, U>>>,
  };
}

/**
 * The one shell of every action's form: a modal with the form, required fields marked, submit, the
 * server's field messages on their fields and the rest above the form.
 */
export function ActionForm<V>({
  action,
  props,
  run,
  initialValues,
  width = 560,
  danger = false,
  children,
}: {
  /** The action's name key under cp.action. */
  action: string;
  props: ActionProps;
  /** The action's call (useComplaintAction); the form's fields are named as its body's. */
  run: { send(body: V): Promise<ComplaintDetail>; pending: boolean };
  initialValues?: Values;
  width?: number;
  danger?: boolean;
  children?: ReactNode | ((form: FormInstance) => ReactNode);
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = (await form.validateFields()) as Values;
    setError(null);
    try {
      // The form's fields carry the body's names and types (see each action's fields).
      props.onDone(await run.send(clean(values) as V));
    } catch (e) {
      // The server's words above the form; its field messages on their fields, the others after.
      const rest = showFieldErrors(form, e);
      setError(
        e instanceof ApiError ? [e.title, ...rest.filter((r) => r !== e.title)].join(' ') : t('common.error'),
      );
    }
  };
  return (
    <Modal
      open
      title={t(`cp.action.${action}` as Key)}
      okText={t('common.submit')}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => {})}
      onCancel={props.onClose}
      confirmLoading={run.pending}
      width={width}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...initialValues, ...props.prefill }}
        name={`action-${action}`}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

/** Leave out what the form left empty (the API takes absent, not empty, optional fields). */
const clean = (v: Values) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
