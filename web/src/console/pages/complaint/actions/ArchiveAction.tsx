import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { CommentField } from './fields';

/** archive: a confirmation with an optional comment. */
export function ArchiveAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/archive', props.complaint.number);
  return (
    <ActionForm action="archive" props={props} run={run}>
      <CommentField />
    </ActionForm>
  );
}
