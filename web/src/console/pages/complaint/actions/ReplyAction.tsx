import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReplyFields } from './ReplyFields';

/** 回复客户: the formal reply in its five parts. */
export function ReplyAction(props: ActionProps) {
  const c = props.complaint;
  const run = useComplaintAction('POST', '/complaints/:number/reply', c.number);
  return (
    <ActionForm
      action="reply"
      props={props}
      run={run}
      width={720}
      initialValues={{ method: c.complainant.preferredContact === 'email' ? 'email' : 'phone' }}
    >
      {(form) => <ReplyFields complaint={c} form={form} />}
    </ActionForm>
  );
}
