import type { FormInstance } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import type { Method } from '../../../../../../src/server/endpoint';
import type { CallOutput, EndpointAt, UrlsOf } from '../../../../api/call';
import { useApiMutation } from '../../../../api/hooks';
import { type Translate, useI18n } from '../../../../i18n';
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

/**
 * The one shell of every action's form: the action's call (its URL typed by the contract, every read of
 * the complaint refreshed after) in a dialog whose fields are named as the call's body.
 */
export function ActionForm<M extends Change>({
  action,
  method,
  url,
  props,
  initialValues,
  width,
  danger,
  children,
}: {
  /** The action's name key under cp.action. */
  action: string;
  method: M;
  url: ActionUrl<M>;
  props: ActionProps;
  initialValues?: Values;
  width?: number;
  danger?: boolean;
  children?: ReactNode | ((form: FormInstance) => ReactNode);
}) {
  const { t } = useI18n();
  // ActionUrl<M> is a subset of UrlsOf<M>, which TypeScript does not see for a generic M.
  const m = useApiMutation(method, url as UrlsOf<M>, { invalidates: [...COMPLAINT_READS] });
  // The body is the form's values: each action names its fields as its endpoint's body, which
  // TypeScript cannot follow through a generic URL; the URL's answer is the complaint (ActionUrl).
  const send = (body: Values) =>
    m.mutateAsync({ params: { number: props.complaint.number }, body } as never) as Promise<ComplaintDetail>;
  return (
    <FormModal
      name={`action-${action}`}
      title={t(`cp.action.${action}` as Key)}
      submit={async (values) => props.onDone(await send(clean(values)))}
      pending={m.isPending}
      onClose={props.onClose}
      initialValues={{ ...initialValues, ...props.prefill }}
      width={width}
      danger={danger}
    >
      {children}
    </FormModal>
  );
}

/**
 * An action whose form is a fixed set of fields (a comment, a reason …): one line per action,
 * e.g. `simpleAction('accept', '/complaints/:number/accept', CommentField)`.
 */
export function simpleAction(
  action: string,
  url: ActionUrl<'POST'>,
  Fields: ComponentType,
  options: { danger?: boolean } = {},
) {
  return function SimpleAction(props: ActionProps) {
    return (
      <ActionForm action={action} method="POST" url={url} props={props} danger={options.danger}>
        <Fields />
      </ActionForm>
    );
  };
}

/** Leave out what the form left empty (the API takes absent, not empty, optional fields). */
const clean = (v: Values) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
