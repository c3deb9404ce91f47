import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField } from './fields';

/** accept: a confirmation with an optional comment. */
export function AcceptAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/accept', props.complaint.number);
  return (
    <ActionForm action="accept" props={props} run={run}>
      <CommentField />
    </ActionForm>
  );
}
