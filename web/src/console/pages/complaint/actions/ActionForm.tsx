import type { FormInstance } from 'antd';
import type { ComponentType } from 'react';
import type { Method } from '../../../../../../src/server/endpoint';
import type { CallOutput, EndpointAt, UrlsOf } from '../../../../api/call';
import { useApiMutation } from '../../../../api/hooks';
import { type Translate, useI18n } from '../../../../i18n';
import { type User, useSession } from '../../../session';
import { COMPLAINT_READS, type ComplaintDetail } from '../contract';
import { FormModal, type Values } from '../FormModal';

type Key = Parameters<Translate>[0];

export type { Values };

/** What every action's form is given by the panel that opens it. */
export interface ActionProps {
  complaint: ComplaintDetail;
  /** Values filled in from elsewhere on the page (a recommended remedy). */
  prefill?: Values | null;
  onClose(): void;
  onDone(c: ComplaintDetail): void;
}

type Change = Exclude<Method, 'GET'>;
/** The URLs of a method whose answer is the complaint as it is after the action. */
export type ActionUrl<M extends Change> = {
  [U in UrlsOf<M>]: CallOutput<EndpointAt<M, U>> extends ComplaintDetail ? U : never;
}[UrlsOf<M>];

/** What an action's fields are given: the dialog's form and the complaint. */
export interface FieldsProps {
  form: FormInstance;
  complaint: ComplaintDetail;
}

interface Options {
  /** The form's first values, from the complaint (and the signed-in user). */
  initialValues?: (c: ComplaintDetail, user: User | null) => Values;
  width?: number;
  /** A risky action: its submit button in danger style. */
  danger?: boolean;
}

/**
 * An action's form, declared in one line: its name (the key under cp.action), its call (the URL typed
 * by the contract; every read of the complaint refreshed after) and its fields, named as the call's
 * body — e.g. `complaintAction('accept', 'POST', '/complaints/:number/accept', CommentField)`.
 */
export function complaintAction<M extends Change>(
  action: string,
  method: M,
  url: ActionUrl<M>,
  // Fields that need neither (a comment, a reason) are taken as they are.
  Fields: ComponentType<FieldsProps> | ComponentType<object>,
  options: Options = {},
) {
  return function ComplaintAction(props: ActionProps) {
    const { t } = useI18n();
    const { user } = useSession();
    const c = props.complaint;
    // ActionUrl<M> is a subset of UrlsOf<M>, which TypeScript does not see for a generic M.
    const m = useApiMutation(method, url as UrlsOf<M>, { invalidates: [...COMPLAINT_READS] });
    // The body is the form's values, named as the endpoint's body by the action's fields (which
    // TypeScript cannot follow through a generic URL); the URL's answer is the complaint (ActionUrl).
    const send = (body: Values) =>
      m.mutateAsync({ params: { number: c.number }, body } as never) as Promise<ComplaintDetail>;
    return (
      <FormModal
        name={`action-${action}`}
        title={t(`cp.action.${action}` as Key)}
        submit={async (values) => props.onDone(await send(clean(values)))}
        pending={m.isPending}
        onClose={props.onClose}
        initialValues={{ ...options.initialValues?.(c, user), ...props.prefill }}
        width={options.width}
        danger={options.danger}
      >
        {(form) => <Fields form={form} complaint={c} />}
      </FormModal>
    );
  };
}

/** Leave out what the form left empty (the API takes absent, not empty, optional fields). */
const clean = (v: Values) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
