import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField } from './fields';

/** start: a confirmation with an optional comment. */
export function StartAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/start', props.complaint.number);
  return (
    <ActionForm action="start" props={props} run={run}>
      <CommentField />
    </ActionForm>
  );
}
