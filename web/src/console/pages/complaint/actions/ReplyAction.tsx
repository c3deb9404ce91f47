import { ActionForm, type ActionProps } from './ActionForm';
import { ReplyFields } from './ReplyFields';

/** 回复客户: the formal reply in its five parts. */
export function ReplyAction(props: ActionProps) {
  const c = props.complaint;
  return (
    <ActionForm
      action="reply"
      props={props}
      method="POST"
      url="/complaints/:number/reply"
      width={720}
      initialValues={{ method: c.complainant.preferredContact === 'email' ? 'email' : 'phone' }}
    >
      {(form) => <ReplyFields complaint={c} form={form} />}
    </ActionForm>
  );
}
