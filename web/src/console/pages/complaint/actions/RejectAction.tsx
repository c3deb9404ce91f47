import { ActionForm, type ActionProps, useComplaintAction } from './ActionForm';
import { ReasonField } from './fields';

/** reject: with its required reason. */
export function RejectAction(props: ActionProps) {
  const run = useComplaintAction('POST', '/complaints/:number/reject', props.complaint.number);
  return (
    <ActionForm action="reject" props={props} run={run}>
      <ReasonField />
    </ActionForm>
  );
}
