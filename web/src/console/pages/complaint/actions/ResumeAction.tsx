import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField } from './fields';

/** resume: a confirmation with an optional comment. */
export function ResumeAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/resume', props.complaint.number);
  return (
    <ActionForm action="resume" props={props} run={run}>
      <CommentField />
    </ActionForm>
  );
}
