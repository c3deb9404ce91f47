import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** reopen: with its required reason. */
export function ReopenAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/reopen', props.complaint.number);
  return (
    <ActionForm action="reopen" props={props} run={run}>
      <ReasonField />
    </ActionForm>
  );
}
